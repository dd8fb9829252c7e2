"""Statutory and national timescales, in one place: each with its unit, meaning and source.

Code that applies a timescale imports the constant (``timescales.ASSESSMENT.amount``), never a
bare number; ``tests/test_timescales.py`` ties every user to its constant.  Working-day amounts
are counted with ``lineofsight.calendar.workdays`` in the convention named by ``counting``:

- ``"dfe"``: the DfE CIN validator's elapsed count, the end date counts as day 1
  (``working_days_dfe(start, end) <= amount``);
- ``"deadline"``: the start date is day 0 (due on ``add_working_days(start, amount)``).

A local partnership may set its own target on top (e.g. ``REVIEW_PUBLICATION_TARGET_MONTHS``);
the constant here is the national default.  Wording marked *unconfirmed* in
``shared/reference/domain-facts.md`` is flagged below too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Timescale:
    amount: int
    unit: Literal["working days", "days", "hours", "weeks", "months"]
    rule: str
    source: str
    counting: Literal["dfe", "deadline", "calendar"] = "deadline"

    def __str__(self) -> str:
        return f"{self.rule}: within {self.amount} {self.unit} ({self.source})"


# Children's social care (DfE children in need census indicators)
ASSESSMENT = Timescale(
    45,
    "working days",
    "Children's social care assessment authorised, counted from the referral",
    "Working Together to Safeguard Children 2023, chapter 2 (assessment); DfE CIN census",
    counting="dfe",
)
ICPC = Timescale(
    15,
    "working days",
    "Initial child protection conference held, counted from the strategy discussion "
    "(CIN census: the start of the section 47 enquiry)",
    "Working Together to Safeguard Children 2023, chapter 2 (initial child protection "
    "conferences); DfE CIN census",
    counting="dfe",
)
RE_REFERRAL = Timescale(
    12,
    "months",
    "A referral within 12 months of a previous referral is a re-referral",
    "DfE Characteristics of children in need (definitions)",
    counting="calendar",
)
CP_FIRST_REVIEW = Timescale(
    3,
    "months",
    "First child protection review conference held, counted from the initial conference "
    "(the plan's start)",
    "Working Together to Safeguard Children 2023, chapter 4 (review conferences)",
    counting="calendar",
)
CP_REVIEW = Timescale(
    6,
    "months",
    "Later child protection review conferences held, counted from the previous review",
    "Working Together to Safeguard Children 2023, chapter 4 (review conferences)",
    counting="calendar",
)
CLA_FIRST_REVIEW = Timescale(
    20,
    "working days",
    "First review of a looked after child's care plan, counted from the day they became looked "
    "after (day 0)",
    "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33",
)
CLA_SECOND_REVIEW = Timescale(
    3,
    "months",
    "Second review of a looked after child's care plan, counted from the first",
    "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33",
    counting="calendar",
)
CLA_REVIEW = Timescale(
    6,
    "months",
    "Later reviews of a looked after child's care plan, counted from the previous review",
    "Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33",
    counting="calendar",
)

# Case reviews (child safeguarding practice reviews)
SERIOUS_INCIDENT_NOTIFICATION = Timescale(
    5,
    "working days",
    "Serious incident notified to the Child Safeguarding Practice Review Panel, from the local "
    "authority becoming aware",
    "Working Together to Safeguard Children 2023, chapter 5; gov.uk 'Report a serious child "
    "safeguarding incident'",
)
RAPID_REVIEW = Timescale(
    15,
    "working days",
    "Rapid review completed and sent to the national panel, from becoming aware",
    "Working Together to Safeguard Children 2023, chapter 5",
)
CSPR_PUBLICATION = Timescale(
    6,
    "months",
    "Local child safeguarding practice review published, from its initiation (national default; "
    "a partnership may set REVIEW_PUBLICATION_TARGET_MONTHS)",
    "Child Safeguarding Practice Review Panel guidance (secondary sources)",
    counting="calendar",
)
YEARLY_REPORT = Timescale(
    12,
    "months",
    "Safeguarding partners publish a report at least once in every 12 months",
    "Working Together to Safeguard Children 2023, chapter 2",
    counting="calendar",
)
YEARLY_REPORT_SENT = Timescale(
    7,
    "days",
    "Yearly report sent to the national panel and Foundations after publication (unconfirmed)",
    "Working Together to Safeguard Children 2023, chapter 2 (unconfirmed)",
    counting="calendar",
)

# Allegations against people who work with children (LADO)
LADO_DECISION = Timescale(
    1,
    "working days",
    "LADO decides whether the harm threshold is met, from receiving the referral",
    "National LADO Network proposed standards",
)
LADO_REFERRAL = Timescale(
    1,
    "working days",
    "Employer refers an allegation to the LADO, from becoming aware (local standard)",
    "Keeping Children Safe in Education, part four; local LADO procedures",
)
LADO_STRATEGY_MEETING = Timescale(
    72,
    "hours",
    "Strategy meeting held after the LADO decision (local standard)",
    "Local LADO procedures (seen in several partnerships)",
    counting="calendar",
)
LADO_CONCLUSION = Timescale(
    3,
    "months",
    "Allegation concluded where possible, from the referral",
    "National LADO Network proposed standards; Keeping Children Safe in Education",
    counting="calendar",
)
LADO_STRATEGY_MEETING_WORKING_DAYS = Timescale(
    3,
    "working days",
    "Strategy or evaluation meeting held, from the LADO's decision that the threshold is met "
    "(72 hours read as three working days; the LADO may set another number)",
    "Local LADO procedures (seen in several partnerships)",
)
LADO_CONCLUSION_FIRST = Timescale(
    1,
    "months",
    "Allegation concluded, from the referral (the first of the National LADO Network's three "
    "measures: one, three and twelve months)",
    "National LADO Network proposed standards",
    counting="calendar",
)
LADO_CONCLUSION_LONGEST = Timescale(
    12,
    "months",
    "Allegation concluded, from the referral (any case open longer is reported separately)",
    "National LADO Network proposed standards",
    counting="calendar",
)

# Child death review (CDOP)
CDOP_REVIEW = Timescale(
    12,
    "months",
    "Child death review completed by the panel, from the death (national expectation; "
    "NCMD reports the share reviewed within 12 months)",
    "Child Death Review Statutory and Operational Guidance (England) 2018; NCMD",
    counting="calendar",
)

# Workforce (training evaluation)
TRAINING_FOLLOW_UP = Timescale(
    8,
    "weeks",
    "Follow-up with the learner and their manager 8 weeks after a course (the default; each "
    "partnership sets its own in the training settings)",
    "Local practice seen in partnerships: reflective logs two months after the course "
    "(2016-17 annual report); issue 13",
    counting="calendar",
)

ALL: dict[str, Timescale] = {
    name: value for name, value in dict(globals()).items() if isinstance(value, Timescale)
}
