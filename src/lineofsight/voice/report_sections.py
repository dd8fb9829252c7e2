"""Two sections of the yearly report (``reports.registry``), registered in ``VoiceConfig.ready``:

- ``scrutiny`` "Independent scrutiny": the scrutineer's activities in the year by kind, their
  recommendations and how far the actions raised from them have got; in the internal edition
  also each activity's title and findings.  The scrutineer writes the section's narrative
  (``reports.narrate``: "What has been done?", "What next?", "Impact") on Report narratives.
- ``voice`` "Voice of children and families: you said, we did" (it replaces the reports app's
  placeholder of the same key): the participation measures from the partner returns, the
  feedback received by source and, for each change made in the year, what was said and what
  was done.  Feedback is anonymised when recorded (``FreeTextGuard``) and only the changes made
  (not everything said) are listed.
Counts of scrutiny activities are ``number`` cells (pieces of work); counts of feedback are
``count`` cells, each piece coming from a child or family, so that the published edition treats
them as the key figures treat complaints and compliments (1 to 5 shown as c).
"""

from __future__ import annotations

from collections import Counter

from lineofsight import disclosure
from lineofsight.reports.content import Block, Bullets, Paragraph, Subheading, TableBlock
from lineofsight.reports.registry import SectionRequest, register_section
from lineofsight.reports.sections.figures import indicator_blocks
from lineofsight.voice import selectors
from lineofsight.voice.models import Feedback, ScrutinyActivity

PARTICIPATION_INDICATORS = (
    "pm_cp_conference_children_invited",
    "pm_cp_conference_children_attended",
    "cp_conference_children_attended_pct",
    "pm_cp_advocacy_referrals",
    "pm_cp_conference_mothers_attended",
    "pm_cp_conference_fathers_attended",
    "pm_compliments_received",
    "pm_complaints_received",
)


def scrutiny(request: SectionRequest) -> list[Block]:
    activities = list(selectors.activities_of(request.partnership, request.start, request.end))
    if not activities:
        return [Paragraph("The independent scrutineer recorded no activity in this period.")]
    kinds = Counter(a.kind for a in activities)
    recommendations = [r for a in activities for r in a.recommendations.all()]
    actions = selectors.recommendation_actions(recommendations)
    statuses = Counter(a.get_status_display() for a in actions)
    rows = [
        (label, [disclosure.number(kinds.get(value, 0))])
        for value, label in ScrutinyActivity.Kind.choices
        if kinds.get(value)
    ]
    blocks: list[Block] = [
        TableBlock(
            disclosure.grid(
                "Scrutiny activities in the period, by kind", "Kind of activity", ["Number"], rows
            )
        ),
        Paragraph(
            f"{len(recommendations)} recommendation{'' if len(recommendations) == 1 else 's'} "
            f"made; {len(actions)} action{'' if len(actions) == 1 else 's'} raised from them"
            + (
                ": " + ", ".join(f"{n} {s.lower()}" for s, n in sorted(statuses.items())) + "."
                if actions
                else "."
            )
        ),
    ]
    if request.edition == "internal":
        blocks += [
            Subheading("What the scrutineer examined and found"),
            Bullets([f"{a.held_on:%-d %B %Y}, {a.title}: {a.findings}" for a in activities]),
        ]
    return blocks


def you_said_we_did(request: SectionRequest) -> list[Block]:
    blocks: list[Block] = [Subheading("Participation in child protection conferences")]
    blocks += indicator_blocks(request, PARTICIPATION_INDICATORS)
    counts = selectors.feedback_counts_of(request.partnership, request.start, request.end)
    blocks.append(Subheading("Feedback received"))
    if counts:
        rows = [
            (label, [disclosure.count(counts[value])])
            for value, label in Feedback.Source.choices
            if counts.get(value)
        ]
        rows.append(("All feedback", [disclosure.count(sum(counts.values()))]))
        blocks.append(
            TableBlock(
                disclosure.grid(
                    "Feedback received in the period, by source",
                    "Source",
                    ["Number"],
                    rows,
                    total_row=True,  # a suppressed source cannot be worked out from the total
                )
            )
        )
    else:
        blocks.append(Paragraph("No feedback from children or families was recorded."))
    changes = list(selectors.you_said_we_did_of(request.partnership, request.start, request.end))
    if request.edition != "internal":  # free text: only what was agreed for publication
        changes = [item for item in changes if item.publish]
    blocks.append(Subheading("You said, we did"))
    if not changes:
        blocks.append(Paragraph("No change made because of feedback was recorded in the period."))
        return blocks
    blocks.append(
        Bullets(
            [
                f"{item.get_given_by_display()} said ({item.get_source_display().lower()}): "
                f"{item.said} We did: {item.changed}"
                for item in changes
            ]
        )
    )
    return blocks


def register() -> None:
    register_section(
        "voice",
        "Voice of children and families: you said, we did",
        you_said_we_did,
        order=100,
        kinds=("annual",),
        owner="Partnership business manager",
    )
    register_section(
        "scrutiny",
        "Independent scrutiny",
        scrutiny,
        order=290,
        kinds=("annual",),
        owner="Independent scrutineer",
    )
