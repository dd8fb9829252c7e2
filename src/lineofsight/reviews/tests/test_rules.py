import datetime as dt

import pytest

from lineofsight.reviews import deadlines
from lineofsight.reviews.pseudonyms import check_free_text, problem_with


def test_notification_and_rapid_review_skip_weekends_and_easter():
    aware = dt.date(2021, 4, 1)  # Thursday before Good Friday and Easter Monday
    assert deadlines.notification_due(aware) == dt.date(2021, 4, 12)
    assert deadlines.rapid_review_due(aware) == dt.date(2021, 4, 26)


def test_christmas_and_boxing_day_substitutes_are_not_working_days():
    aware = dt.date(2020, 12, 23)  # 25 Dec Fri, 28 Dec Mon (Boxing Day substitute), 1 Jan Fri
    assert deadlines.notification_due(aware) == dt.date(2021, 1, 4)


def test_publication_target_is_calendar_months():
    assert deadlines.publication_target(dt.date(2021, 8, 31)) == dt.date(2022, 2, 28)
    assert deadlines.publication_target(dt.date(2021, 1, 15), months=9) == dt.date(2021, 10, 15)


@pytest.mark.parametrize(
    "reference",
    [
        "Child M",
        "Family B",
        "Siblings C and D",
        "Child Q (2019)",
        "Baby T2",
        "Children A & B",
        "child m",
    ],
)
def test_pseudonymous_references_are_accepted(reference):
    assert problem_with(reference) is None


@pytest.mark.parametrize(
    "reference,why",
    [
        ("Jack Smith", "looks like a name"),
        ("Child Ruby", "looks like a name"),
        ("Child M born 3 March 2015", "date of birth"),
        ("Child M 12/03/2015", "date of birth"),
        ("Child M 2015-03-12", "date of birth"),
        ("Child M DOB", "date of birth"),
        ("Child M aged 4", "date of birth"),
        ("Child 4857773457", "identifier"),
        ("Child", "Add a letter"),
        ("", "Enter"),
    ],
)
def test_names_dates_and_identifiers_are_refused(reference, why):
    assert why in (problem_with(reference) or "")


def test_free_text_refuses_dates_of_birth_and_nhs_numbers():
    check_free_text("Baby was found unresponsive; co-sleeping after parental alcohol use")
    with pytest.raises(Exception, match="date of birth"):
        check_free_text("Child M, DOB 01/02/2019")
    with pytest.raises(Exception, match="identifiers"):
        check_free_text("NHS 943 476 5919")
