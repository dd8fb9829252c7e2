"""The demo partnership's case-review history, 2016 to 2021 (synthetic, modelled on the
learning-and-improvement sections of a real partnership's annual reports 2016-17 and 2020-21).

Plain data: one entry per review, with its learning themes and recommendations.  Each
recommendation names the agency that owns its action and the evidence of impact used when the
demo closes it.  References are pseudonyms; nothing here describes a real child.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rec:
    text: str
    agency: str  # demo agency code
    action: str
    evidence: str
    cancelled: str = ""  # why the action was cancelled


@dataclass(frozen=True)
class DemoReview:
    reference: str
    year: int
    incident: str  # "death" | "serious_harm"
    decision: str  # "cspr" | "local_learning" | "none" | "" (pending)
    summary: str
    themes: tuple[str, ...]
    children: tuple[tuple[str, str], ...]  # (reference, age band)
    recs: tuple[Rec, ...] = ()
    publication_note: str = ""
    late_notification: bool = False
    late_rapid_review: bool = False
    # Reviews of the current year (``year`` 0) are placed relative to today, at one of these
    # points: "notification_overdue", "rapid_review_due", "publication_overdue".
    current: str = ""


REVIEWS: tuple[DemoReview, ...] = (
    DemoReview(
        "Child B",
        2016,
        "serious_harm",
        "local_learning",
        "Serious sexual assault on a young person who had moved into the area; learning on "
        "transfer of information between local authorities and schools.",
        ("child-sexual-abuse", "information-sharing", "voice-of-the-child"),
        (("Child B", "10_15"),),
        (
            Rec(
                "Schools should transfer safeguarding files within 5 days when a child moves "
                "school, and confirm receipt.",
                "education",
                "Issue guidance on the transfer of child protection files between schools",
                "Audit of 40 school moves in 2017-18: 37 files transferred within 5 school days "
                "(93%), up from an estimated 60%.",
            ),
            Rec(
                "Practitioners should be aware that females can be perpetrators of sexual abuse.",
                "business_unit",
                "Share best-practice guidance on sexual abuse, including by women",
                "Guidance issued and included in Level 3 training; reflective logs show 82% of "
                "delegates applied it within two months.",
            ),
        ),
    ),
    DemoReview(
        "Child C",
        2016,
        "serious_harm",
        "cspr",
        "Non-mobile baby seriously injured; the father's history was not known to health visitors.",
        ("non-mobile-babies", "fathers-and-perpetrators", "information-sharing"),
        (("Child C", "under_1"), ("Sibling C2", "1_4")),
        (
            Rec(
                "Health visitors and midwives should ask about and record every adult in the "
                "household, including fathers who do not live there.",
                "health",
                "Add 'who lives here and who visits' to antenatal and new-birth contacts",
                "Record audit (2018): the household composition was recorded in 88% of "
                "new-birth visits, from 41% before the change.",
            ),
            Rec(
                "All agencies should follow the bruising in non-mobile babies protocol.",
                "health",
                "Relaunch the bruising in non-mobile babies protocol across agencies",
                "All 14 referrals of bruised non-mobile babies in 2018-19 had a paediatric "
                "assessment within 24 hours.",
            ),
            Rec(
                "Police should share domestic abuse history of new partners with children's "
                "social care at the point of referral.",
                "police",
                "Include previous domestic abuse of any adult in the household in referrals",
                "Dip sample of 50 referrals (2018): 47 included the household adults' history.",
            ),
        ),
        publication_note="Publication delayed until the criminal trial ended.",
    ),
    DemoReview(
        "Family D",
        2016,
        "serious_harm",
        "local_learning",
        "Assault of a young person by another young person; three children in the family.",
        ("disguised-compliance", "thresholds", "professional-curiosity"),
        (("Child D1", "10_15"), ("Child D2", "10_15"), ("Child D3", "5_9")),
        (
            Rec(
                "Practitioners should recognise and challenge disguised compliance.",
                "business_unit",
                "Run disguised compliance and professional curiosity workshops",
                "150 practitioners attended; 2-month reflective logs: 88% reported strong or "
                "some impact on their practice.",
            ),
            Rec(
                "The threshold guidance should be applied consistently at the front door.",
                "trust",
                "Brief front door staff on the threshold guidance with case examples",
                "Contacts becoming referrals rose from 18% to 27% in 2017-18 and re-audit found "
                "threshold decisions appropriate in 45 of 50 cases.",
            ),
        ),
    ),
    DemoReview(
        "Child E",
        2017,
        "serious_harm",
        "local_learning",
        "Self-harm and an attempt to take their own life; the young person's views were not "
        "sought by most agencies.",
        ("mental-health", "voice-of-the-child"),
        (("Child E", "16_17"),),
        (
            Rec(
                "Agencies should record the child's own words in assessments.",
                "trust",
                "Make 'the child's voice' a required section of every assessment",
                "Practice audit (2018): the child's views were recorded in 76% of assessments, "
                "from 52%.",
            ),
            Rec(
                "Schools and CAMHS should agree a joint self-harm pathway.",
                "health",
                "Agree and publish a joint self-harm pathway with schools and CAMHS",
                "",
            ),
        ),
    ),
    DemoReview(
        "Child F",
        2017,
        "serious_harm",
        "local_learning",
        "Persistently missing from home and care; secure accommodation was used.",
        ("missing", "exploitation", "information-sharing"),
        (("Child F", "10_15"),),
        (
            Rec(
                "Return home interviews should be offered within 72 hours and shared with police.",
                "trust",
                "Offer every return home interview within 72 hours",
                "Return home interviews within 72 hours: 81% in 2018-19, from 49% in 2016-17.",
            ),
            Rec(
                "Police should flag children who go missing three times in 90 days to the "
                "exploitation panel.",
                "police",
                "Refer children missing 3 times in 90 days to the exploitation panel",
                "All 23 children meeting the rule in 2018 were discussed at the panel.",
            ),
        ),
    ),
    DemoReview(
        "Family G",
        2017,
        "serious_harm",
        "cspr",
        "Long-standing neglect of four children; parents appeared to co-operate but nothing "
        "changed.",
        ("neglect", "disguised-compliance", "professional-curiosity"),
        (("Child G1", "1_4"), ("Child G2", "5_9"), ("Child G3", "5_9"), ("Child G4", "10_15")),
        (
            Rec(
                "The partnership should adopt a neglect assessment tool for use by all agencies.",
                "business_unit",
                "Implement the Graded Care Profile (GCP2) across agencies",
                "Re-audit of neglect (October 2018): good or outstanding child protection cases "
                "rose from 26% to 59%.",
            ),
            Rec(
                "Child protection plans for neglect should have measurable outcomes and a "
                "timescale.",
                "trust",
                "Introduce outcome-focused plans for neglect cases",
                "Re-audit: 70% of plans for neglect had measurable outcomes, from 35%.",
            ),
            Rec(
                "GPs should be invited to and share information for every child protection "
                "conference.",
                "health",
                "Ensure GP reports are provided for every initial child protection conference",
                "GP reports received for 84% of initial conferences in 2019-20, from 38%.",
            ),
        ),
    ),
    DemoReview(
        "Child H",
        2018,
        "death",
        "none",
        "Sudden unexpected death of an infant while co-sleeping after parental alcohol use.",
        ("safe-sleep", "substance-misuse"),
        (("Child H", "under_1"),),
    ),
    DemoReview(
        "Child J",
        2018,
        "serious_harm",
        "local_learning",
        "Neglect; the family repeatedly did not engage and cases were closed for non-engagement.",
        ("neglect", "disguised-compliance", "escalation-and-challenge"),
        (("Child J", "1_4"),),
        (
            Rec(
                "Cases should not be closed for non-engagement without a multi-agency discussion.",
                "trust",
                "Require a multi-agency discussion before closing for non-engagement",
                "Audit (2019): 18 of 20 closures for non-engagement had a recorded multi-agency "
                "discussion.",
            ),
            Rec(
                "Practitioners should use the escalation policy when they disagree with a "
                "decision.",
                "business_unit",
                "Relaunch the escalation policy",
                "",
                cancelled="Superseded: the board replaced the escalation policy with the new "
                "resolution and escalation protocol in 2019",
            ),
        ),
    ),
    DemoReview(
        "Child K",
        2018,
        "serious_harm",
        "cspr",
        "Serious injury in a household known for domestic abuse; the perpetrator's risk was "
        "not assessed.",
        ("domestic-abuse", "fathers-and-perpetrators", "information-sharing"),
        (("Child K", "5_9"), ("Sibling K2", "under_1")),
        (
            Rec(
                "Assessments should always include the risk posed by the perpetrator.",
                "trust",
                "Add a perpetrator-risk section to assessments",
                "Audit (2020): 64% of assessments in domestic abuse cases assessed the "
                "perpetrator, from 22%.",
            ),
            Rec(
                "The domestic abuse service should share MARAC actions with schools.",
                "domestic_abuse",
                "Share MARAC actions with the child's school",
                "Schools received MARAC actions for 91% of children discussed in 2019-20.",
            ),
        ),
    ),
    DemoReview(
        "Child L",
        2019,
        "serious_harm",
        "local_learning",
        "Criminal exploitation (county lines) of a young person who was missing from education.",
        ("exploitation", "missing", "information-sharing"),
        (("Child L", "16_17"),),
        (
            Rec(
                "Schools should notify the local authority of every child missing from "
                "education within 10 days.",
                "education",
                "Notify children missing from education within 10 school days",
                "Notifications within 10 days: 86% in 2020-21, from 55%.",
            ),
            Rec(
                "Police intelligence on exploitation should be shared at the daily MASH meeting.",
                "police",
                "Share exploitation intelligence at the daily MASH",
                "",
            ),
        ),
    ),
    DemoReview(
        "Child N",
        2019,
        "death",
        "none",
        "Death of a young person by suicide; no concerns about how agencies worked together.",
        ("mental-health",),
        (("Child N", "16_17"),),
    ),
    DemoReview(
        "Family P",
        2019,
        "serious_harm",
        "local_learning",
        "Neglect; early help was offered late and stepped down too soon.",
        ("neglect", "early-help", "thresholds"),
        (("Child P1", "1_4"), ("Child P2", "5_9")),
        (
            Rec(
                "Step-down from social care to early help should include a joint visit.",
                "trust",
                "Introduce joint visits for step-down to early help",
                "Re-referrals after step-down fell from 24% to 17% in 2020-21.",
            ),
            Rec(
                "Early help assessments should use the neglect tool.",
                "council",
                "Use GCP2 in early help assessments of neglect",
                "",
            ),
        ),
    ),
    DemoReview(
        "Child Q",
        2020,
        "serious_harm",
        "cspr",
        "Domestic abuse was the dominant theme; a prolific perpetrator, and professionals did "
        "not know who lived in the home.",
        ("domestic-abuse", "fathers-and-perpetrators", "professional-curiosity"),
        (("Child Q", "5_9"),),
        (
            Rec(
                "Children's social care should be represented at every MARAC.",
                "trust",
                "A child protection chair attends every MARAC",
                "From October 2020 a child protection chair attended all 24 MARACs; social "
                "workers attended for 80% of children discussed.",
            ),
            Rec(
                "Agencies should train staff to be curious about who is, or has been, in the "
                "household.",
                "business_unit",
                "Deliver professional curiosity training on perpetrators and paternity",
                "",
            ),
            Rec(
                "Police should use 'Risk to Children' markers, not 'Hazard' markers, for known "
                "violent offenders.",
                "police",
                "Issue guidance on Risk to Children markers for violent offenders",
                "Guidance issued; a dip sample of 30 records found the correct marker on 29.",
            ),
        ),
        publication_note="Publication delayed until criminal proceedings conclude.",
        late_notification=True,
    ),
    DemoReview(
        "Child R",
        2020,
        "serious_harm",
        "local_learning",
        "Self-harming and suicidal behaviour of a young person while an inpatient.",
        ("mental-health",),
        (("Child R", "16_17"),),
        (
            Rec(
                "Seek assurance from NHS England about the hospital's review.",
                "health",
                "Obtain NHS England's assurance on the inpatient unit review",
                "",
            ),
        ),
    ),
    DemoReview(
        "Child S",
        2020,
        "serious_harm",
        "local_learning",
        "Information about a known violent offender was not shared between agencies.",
        ("information-sharing", "recording"),
        (("Child S", "10_15"),),
        (
            Rec(
                "Develop the multi-agency safeguarding hub to include probation.",
                "council",
                "Bring the probation service into the MASH",
                "Probation joined the MASH in 2021; strategy discussions with probation "
                "information rose from 12% to 68%.",
            ),
            Rec(
                "Publish the revised threshold guidance.",
                "business_unit",
                "Publish the revised multi-agency threshold document",
                "",
            ),
        ),
    ),
    DemoReview(
        "Child T",
        2020,
        "serious_harm",
        "local_learning",
        "Written communication with a family whose first language was not English was a "
        "barrier to care.",
        ("culture-and-identity", "voice-of-the-child"),
        (("Child T", "1_4"),),
        (
            Rec(
                "Agencies should give assurance on communicating with families whose first "
                "language is not English.",
                "business_unit",
                "Add communication with families to the Section 11 self-assessment",
                "",
            ),
        ),
    ),
    DemoReview(
        "Child U",
        2020,
        "serious_harm",
        "cspr",
        "Neglect; risk was not considered in the context of previous concerns.",
        ("neglect", "disguised-compliance", "escalation-and-challenge"),
        (("Child U", "5_9"), ("Sibling U2", "1_4")),
        (
            Rec(
                "Revise the neglect strategy and train staff in GCP2.",
                "business_unit",
                "Revise the neglect strategy and roll out GCP2 training",
                "",
            ),
            Rec(
                "Managers should review chronologies when a family is re-referred.",
                "trust",
                "Chronology review by a manager at every re-referral",
                "",
            ),
            Rec(
                "Deliver training on managing non-engagement.",
                "business_unit",
                "Launch the Managing Engagement training package",
                "Launched January 2021; 96 practitioners trained by September 2021 and 51 of 55 "
                "evaluations positive.",
            ),
        ),
        publication_note="Publication delayed until criminal proceedings concluded.",
    ),
    DemoReview(
        "Child V",
        2021,
        "serious_harm",
        "cspr",
        "Serious injury to a non-mobile baby; the review has been slow to complete.",
        ("non-mobile-babies", "fathers-and-perpetrators", "thresholds"),
        (("Child V", "under_1"),),
        (
            Rec(
                "Remind all agencies of the bruising protocol and audit its use.",
                "health",
                "Audit use of the bruising protocol",
                "",
            ),
        ),
        publication_note="Not published in full, to protect the child's privacy: a learning "
        "briefing was published instead.",
        late_rapid_review=True,
    ),
    DemoReview(
        "Child W",
        2021,
        "serious_harm",
        "",
        "Serious harm to a teenager; the rapid review met and a decision is awaited.",
        ("exploitation", "mental-health"),
        (("Child W", "16_17"),),
    ),
    # This year's, placed relative to today.
    DemoReview(
        "Child X",
        0,
        "serious_harm",
        "",
        "Serious injury to a toddler; the rapid review meeting is being arranged.",
        ("non-mobile-babies", "information-sharing"),
        (("Child X", "1_4"),),
        current="rapid_review_due",
    ),
    DemoReview(
        "Child Y",
        0,
        "serious_harm",
        "cspr",
        "Neglect of a child whose family moved between three local authorities.",
        ("neglect", "information-sharing", "thresholds"),
        (("Child Y", "5_9"),),
        (
            Rec(
                "Agencies should transfer case records within 5 working days when a family "
                "moves area.",
                "council",
                "Agree a records-transfer protocol with neighbouring authorities",
                "",
            ),
        ),
        current="publication_overdue",
    ),
    DemoReview(
        "Child Z",
        0,
        "death",
        "",
        "Unexpected death of an infant; the national panel has not yet been notified.",
        ("safe-sleep",),
        (("Child Z", "under_1"),),
        current="notification_overdue",
    ),
)

# Actions that come from the board and from inspection, not from a review.
OTHER_ACTIONS: tuple[tuple[str, str, str, str, int, tuple[str, ...], str], ...] = (
    # source, label, agency, title, year, themes, evidence ("" = still open)
    (
        "inspection",
        "Ofsted SIF 2015 recommendation",
        "business_unit",
        "Provide high quality performance data and robust analysis to the board",
        2016,
        (),
        "Quarterly multi-agency performance report in place from Q1 2016-17.",
    ),
    (
        "board",
        "Independent chair's scrutiny report 2021, point 8a",
        "business_unit",
        "Agree a revised multi-agency threshold document and review its impact",
        2021,
        ("thresholds",),
        "",
    ),
    (
        "board",
        "Independent chair's scrutiny report 2021",
        "council",
        "Clarify who decides to notify the national panel of a serious incident",
        2021,
        ("information-sharing",),
        "",
    ),
    (
        "board",
        "Annual report 2020-21",
        "business_unit",
        "Make evaluation of multi-agency training mandatory",
        2021,
        (),
        "",
    ),
)
