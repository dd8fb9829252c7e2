"""CDOP reference data (NCMD's child death review forms), as data: one named place for each list.

The ten national categories of death are also stored as rows (``DeathCategory``, seeded from
``CATEGORIES`` by the app's migration) so that a partnership can rename or retire one without a
code change; the other lists are fixed by the NCMD forms and live here as choices.
"""

from __future__ import annotations

from django.db import models

from lineofsight.formats import child_deaths

# The ten national categories (NCMD Analysis form), in their national order: defined beside the
# import format (pure), seeded into ``DeathCategory`` by the app's migration.
CATEGORIES = child_deaths.CATEGORIES


class PlaceOfDeath(models.TextChoices):
    HOSPITAL = "hospital", "Hospital"
    HOSPICE = "hospice", "Hospice"
    HOME = "home", "Home"
    PUBLIC_PLACE = "public_place", "Public place"
    OTHER = "other", "Other"
    ABROAD = "abroad", "Abroad"


class AgeBand(models.TextChoices):
    NEONATAL = "0_27d", "Under 28 days"
    POST_NEONATAL = "28_364d", "28 to 364 days"
    UNDER_1 = "under_1", "Under 1 year (days not recorded)"
    AGE_1_4 = "1_4", "1 to 4 years"
    AGE_5_9 = "5_9", "5 to 9 years"
    AGE_10_14 = "10_14", "10 to 14 years"
    AGE_15_17 = "15_17", "15 to 17 years"


UNDER_ONE = frozenset({AgeBand.NEONATAL, AgeBand.POST_NEONATAL, AgeBand.UNDER_1})


def age_band_for(*, days: int | None = None, years: int | None = None) -> str | None:
    """The band of an age in days (under one) or completed years; None if neither is given."""
    if days is not None:
        if days < 28:
            return AgeBand.NEONATAL
        if days < 365:
            return AgeBand.POST_NEONATAL
        years = days // 365 if years is None else years
    if years is None:
        return None
    if years < 1:
        return AgeBand.UNDER_1
    for top, band in ((4, AgeBand.AGE_1_4), (9, AgeBand.AGE_5_9), (14, AgeBand.AGE_10_14)):
        if years <= top:
            return band
    return AgeBand.AGE_15_17


class Sex(models.TextChoices):
    MALE = "male", "Male"
    FEMALE = "female", "Female"
    INDETERMINATE = "indeterminate", "Indeterminate"
    NOT_KNOWN = "not_known", "Not known"


class Ethnicity(models.TextChoices):
    """The ONS high-level ethnic groups (NCMD asks the detailed group; the panel sees these)."""

    WHITE = "white", "White"
    MIXED = "mixed", "Mixed or multiple ethnic groups"
    ASIAN = "asian", "Asian or Asian British"
    BLACK = "black", "Black, Black British, Caribbean or African"
    OTHER = "other", "Other ethnic group"
    NOT_KNOWN = "not_known", "Not known"


class Residence(models.TextChoices):
    THIS_AREA = "this_area", "Normally resident in this partnership's area"
    ELSEWHERE = "elsewhere", "Resident elsewhere (reviewed here by agreement)"


class Expectation(models.TextChoices):
    EXPECTED = "expected", "Expected"
    UNEXPECTED = "unexpected", "Unexpected"


class Domain(models.TextChoices):
    """The four domains of contributory factors (NCMD Analysis form, section B)."""

    INTRINSIC = "intrinsic", "Factors intrinsic to the child"
    FAMILY = "family", "Family and social environment (including parenting capacity)"
    PHYSICAL = "physical", "Physical environment"
    SERVICE = "service", "Service provision"


class Grade(models.IntegerChoices):
    """How much a factor contributed (NCMD's 0-2 scale)."""

    NOT_KNOWN = 0, "0: information not available"
    UNLIKELY = 1, "1: identified, but unlikely to have contributed to the death"
    MAY_HAVE = (
        2,
        "2: identified, and may have contributed to the vulnerability, ill-health or death",
    )


MODIFIABLE_GRADE = Grade.MAY_HAVE


class Outcome(models.TextChoices):
    """The panel's conclusion (NCMD Analysis form, section D)."""

    MODIFIABLE = "modifiable", "Modifiable factors identified"
    NOT_MODIFIABLE = "not_modifiable", "No modifiable factors identified"
    INSUFFICIENT = "insufficient", "Insufficient information to make a judgement"
