"""The codes of LADO records: the fixed ones as choices, and the seed lists of the two that each
partnership configures (sectors, outcomes).  Pure Python: the format reads these too.

The harm threshold criteria are those of Keeping Children Safe in Education part four and
Working Together (England); the outcomes are KCSIE's five (Wales uses others: they are rows a
LADO renames, retires or adds to, not choices).
"""

from __future__ import annotations

from django.db import models


class Category(models.TextChoices):
    PHYSICAL = "physical", "Physical"
    SEXUAL = "sexual", "Sexual"
    EMOTIONAL = "emotional", "Emotional"
    NEGLECT = "neglect", "Neglect"
    OTHER = "other", "Other (including suitability)"


class Context(models.TextChoices):
    WORK = "work", "Conduct at work"
    PRIVATE = "private", "Private life (transferable risk)"


class ReferringAgency(models.TextChoices):
    EMPLOYER = "employer", "The employer"
    POLICE = "police", "Police"
    SOCIAL_CARE = "social_care", "Children's social care"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education (not the employer)"
    OFSTED = "ofsted", "Ofsted or another regulator"
    PARENT = "parent", "Parent or carer"
    CHILD = "child", "Child or young person"
    OTHER = "other", "Other"


class MeetingKind(models.TextChoices):
    STRATEGY = "strategy", "Strategy meeting"
    EVALUATION = "evaluation", "Evaluation meeting"
    REVIEW = "review", "Review meeting"


# the agencies present at a meeting (codes kept in a list on the meeting)
MEETING_AGENCIES: list[tuple[str, str]] = [
    ("lado", "LADO"),
    ("police", "Police"),
    ("social_care", "Children's social care"),
    ("employer", "Employer"),
    ("hr", "Human resources"),
    ("health", "Health"),
    ("education", "Education"),
    ("adult_social_care", "Adult social care"),
    ("regulator", "Regulator"),
    ("other", "Other"),
]
MEETING_AGENCY_NAMES = dict(MEETING_AGENCIES)

# the four harm threshold criteria (KCSIE part four): field name on the referral, words
CRITERIA: list[tuple[str, str]] = [
    ("harmed_child", "Behaved in a way that has harmed, or may have harmed, a child"),
    ("criminal_offence", "Possibly committed a criminal offence against or related to a child"),
    ("risk_of_harm", "Behaved towards a child in a way that indicates a risk of harm"),
    (
        "not_suitable",
        "Behaved in a way that indicates they may not be suitable to work with children",
    ),
]
CRITERION_CODES = [code for code, _ in CRITERIA]

# onward referrals: field name, words
ONWARD: list[tuple[str, str]] = [
    ("referred_dbs", "Disclosure and Barring Service"),
    ("referred_tra", "Teaching Regulation Agency"),
    ("referred_ofsted", "Ofsted"),
    ("referred_regulator", "Another professional regulator"),
]

# seeds of the configurable lists (code, name), in display order
SECTORS: list[tuple[str, str]] = [
    ("education", "Education: schools and colleges"),
    ("early_years", "Early years and childcare"),
    ("health", "Health"),
    ("police", "Police"),
    ("faith", "Faith groups"),
    ("sport", "Sport and leisure"),
    ("residential_care", "Residential care"),
    ("foster_carer", "Foster carers"),
    ("social_care", "Social care (other)"),
    ("transport", "Transport"),
    ("voluntary", "Voluntary and community groups"),
    ("other", "Other"),
]
OUTCOMES: list[tuple[str, str]] = [
    ("substantiated", "Substantiated"),
    ("unsubstantiated", "Unsubstantiated"),
    ("false", "False"),
    ("malicious", "Malicious"),
    ("unfounded", "Unfounded"),
]
