"""Every LADO table hand-checked against small fixtures (the figures worked out in the comments),
and the 2016-17 annual report's year-on-year table (602 referrals, 100 met threshold...)."""

import datetime as dt

from lineofsight import disclosure
from lineofsight.lado import statistics as s
from lineofsight.lado.statistics import ConsultationFact, Facts, MeetingFact, ReferralFact

D = dt.date
YEAR = s.year_bounds(2020)  # 1 April 2020 to 31 March 2021


def shown(table):
    """{row label: [cells as shown in full]}."""
    protected = disclosure.unprotected(table)
    return dict(zip(table.row_labels, protected.shown, strict=True))


def referral(received, adult, **kwargs):
    values = {"sector": "education", "referring_agency": "employer", "category": "physical"}
    return ReferralFact(received_on=received, adult=adult, **{**values, **kwargs})


# R1: decided next working day; meeting in time; concluded within a month
R1 = referral(
    D(2020, 4, 6),
    "A",
    threshold_met=True,
    decided_on=D(2020, 4, 7),
    criteria=frozenset({"harmed_child", "criminal_offence"}),
    meetings=(MeetingFact(D(2020, 4, 9), frozenset({"lado", "police"})),),
    police_investigation=True,
    outcome="substantiated",
    concluded_on=D(2020, 5, 1),
)
# R2: received the day before Good Friday 2020: Friday 10 and Monday 13 April are bank
# holidays, so a decision on Tuesday 14 April is within 1 working day; the meeting on 22 April
# is after the 3 working days from the decision (due 17 April); concluded in 4 months
R2 = referral(
    D(2020, 4, 9),
    "B",
    sector="early_years",
    referring_agency="police",
    category="sexual",
    context="private",
    threshold_met=True,
    decided_on=D(2020, 4, 14),
    criteria=frozenset({"risk_of_harm"}),
    meetings=(MeetingFact(D(2020, 4, 22), frozenset({"lado", "social_care"})),),
    social_care_involved=True,
    suspended=True,
    outcome="unsubstantiated",
    concluded_on=D(2020, 8, 20),
)
# R3: the same adult as R1 again; decided late (due 2 June); not met; closed
R3 = referral(
    D(2020, 6, 1),
    "A",
    referring_agency="parent",
    threshold_met=False,
    decided_on=D(2020, 6, 3),
    concluded_on=D(2020, 6, 10),
)
# R4: awaiting the decision since July 2020
R4 = referral(D(2020, 7, 1), "C", sector="sport", category="emotional")
# R5: the year before, met, still open
R5 = referral(
    D(2019, 5, 1),
    "D",
    category="neglect",
    threshold_met=True,
    decided_on=D(2019, 5, 2),
    criteria=frozenset({"not_suitable"}),
)
FACTS = Facts(
    referrals=[R1, R2, R3, R4, R5],
    consultations=[
        ConsultationFact(D(2020, 4, 1), True),
        ConsultationFact(D(2020, 9, 1), False),
        ConsultationFact(D(2021, 3, 31), False),
        ConsultationFact(D(2021, 4, 1), False),  # next year
    ],
)


def test_the_year_on_year_table_of_the_2016_17_annual_report():
    def year(start, referrals, met):
        day = D(start, 6, 1)
        return [
            referral(day, f"{start}-{i}", threshold_met=i < met, decided_on=day)
            for i in range(referrals)
        ]

    facts = Facts(referrals=year(2014, 506, 117) + year(2015, 518, 98) + year(2016, 602, 100))
    table = shown(s.year_on_year(facts, [2014, 2015, 2016]))
    assert list(table) == ["2016-17", "2015-16", "2014-15"]
    # 100/602 = 16.61%; (602-518)/518 = +16.22%; (100-98)/98 = +2.04% ("only increased by 2%")
    # (a change is a percentage: one decimal place even when whole, "2.0" beside "16.2")
    assert table["2016-17"] == ["602", "100", "16.6", "16.2", "2.0"]
    # 98/518 = 18.92%; (518-506)/506 = +2.37%; (98-117)/117 = -16.24%
    assert table["2015-16"] == ["518", "98", "18.9", "2.4", "-16.2"]
    # 117/506 = 23.12%; no year before in the table: not available
    assert table["2014-15"] == ["506", "117", "23.1", ":", ":"]


def test_year_on_year_of_the_fixture():
    table = shown(s.year_on_year(FACTS, [2019, 2020]))
    # 2020: R1-R4 received, R1 R2 met; 2019: R5 only -> +300% and +100%
    assert table == {
        "2020-21": ["4", "2", "50.0", "300.0", "100.0"],
        "2019-20": ["1", "1", "100.0", ":", ":"],
    }


def test_consultations_and_their_conversion():
    table = shown(s.consultations(FACTS, [2020, 2021]))
    assert table == {"2021-22": ["1", "0", "0.0"], "2020-21": ["3", "1", "33.3"]}


def test_met_threshold_by_category_outcome_and_criterion():
    start, end = YEAR
    assert shown(s.by_category(FACTS, start, end)) == {
        "Physical": ["1", "50.0"],
        "Sexual": ["1", "50.0"],
        "Emotional": ["0", "0.0"],
        "Neglect": ["0", "0.0"],
        "Other (including suitability)": ["0", "0.0"],
        "Total": ["2", ":"],
    }
    assert shown(s.by_outcome(FACTS, start, end)) == {
        "Substantiated": ["1", "50.0"],
        "Unsubstantiated": ["1", "50.0"],
        "False": ["0", "0.0"],
        "Malicious": ["0", "0.0"],
        "Unfounded": ["0", "0.0"],
        "Not yet concluded": ["0", "0.0"],
        "Total": ["2", ":"],
    }
    # R1 meets two criteria: the rows add to 3 for 2 referrals
    assert list(shown(s.by_criterion(FACTS, start, end)).values()) == [
        ["1", "50.0"],
        ["1", "50.0"],
        ["1", "50.0"],
        ["0", "0.0"],
    ]


def test_by_sector_and_by_referring_agency():
    start, end = YEAR
    sectors = shown(s.by_sector(FACTS, start, end))
    assert sectors["Education: schools and colleges"] == ["2", "1", "50.0"]  # R1, R3
    assert sectors["Early years and childcare"] == ["1", "1", "100.0"]  # R2
    assert sectors["Sport and leisure"] == ["1", "0", "0.0"]  # R4
    assert sectors["Health"] == ["0", "0", ":"]
    assert sectors["Total"] == ["4", "2", "50.0"]
    agencies = shown(s.by_referring_agency(FACTS, start, end))
    assert agencies["The employer"] == ["2", "1", "50.0"]  # R1, R4
    assert agencies["Police"] == ["1", "1", "100.0"]
    assert agencies["Parent or carer"] == ["1", "0", "0.0"]
    assert agencies["Total"] == ["4", "2", "50.0"]


def test_a_retired_sector_is_still_counted():
    facts = Facts(referrals=[referral(D(2020, 5, 1), "Z", sector="youth_clubs")])
    table = shown(s.by_sector(facts, *YEAR))
    assert table["Other (no longer listed)"] == ["1", "0", "0.0"]
    assert table["Total"] == ["1", "0", "0.0"]


def test_meetings_police_and_joint_working():
    table = shown(s.working_together(FACTS, *YEAR))
    assert table == {
        "Referrals meeting the threshold": ["2", ":"],
        "With a strategy or evaluation meeting": ["2", "100.0"],
        "Police investigation": ["1", "50.0"],
        "Children's social care involved": ["1", "50.0"],
        "The adult was suspended": ["1", "50.0"],
        "Conduct in private life (transferable risk)": ["1", "50.0"],
        "Meetings held": ["2", ":"],
        "Meetings attended by Police": ["1", "50.0"],
        "Meetings attended by Children's social care": ["1", "50.0"],
    }


def test_timeliness_against_each_standard():
    table = shown(s.timeliness_table(FACTS, *YEAR))
    assert table == {
        # R1 and R2 (bank holidays) in time, R3 late; R5 was decided the year before
        "Decision within 1 working day of receipt": ["3", "2", "66.7"],
        # R1 in time, R2 late
        "Strategy meeting within 3 working days of the decision": ["2", "1", "50.0"],
        # R1 concluded 1 May (within a month of 6 April), R2 on 20 August (over 3 months)
        "Concluded within 1 month of the referral": ["2", "1", "50.0"],
        "Concluded within 3 months of the referral": ["2", "1", "50.0"],
        "Concluded within 12 months of the referral": ["2", "2", "100.0"],
    }


def test_open_cases_by_age_at_the_end_of_the_year():
    table = shown(s.open_by_age(FACTS, D(2021, 3, 31)))
    # R4 (awaiting the decision, 9 months) and R5 (met, nearly 23 months); R3 closed
    assert table == {
        "Under 1 month": ["0"],
        "1 to 3 months": ["0"],
        "3 to 12 months": ["1"],
        "Over 12 months": ["1"],
        "Total": ["2"],
    }


def test_re_referrals_about_the_same_adult():
    table = shown(s.re_referrals(FACTS, *YEAR))
    # R3 is about adult A, referred in R1; it did not meet the threshold
    assert table == {
        "All referrals": ["4", "1", "25.0"],
        "Referrals meeting the threshold": ["2", "0", "0.0"],
    }


def test_the_published_edition_suppresses_small_numbers_and_what_reveals_them():
    protected = disclosure.protect(s.by_category(FACTS, *YEAR))
    rows = dict(zip(protected.table.row_labels, protected.shown, strict=True))
    assert rows["Physical"] == ["c", "c"]
    assert rows["Total"] == ["c", ":"]
    # a true zero is shown; its share of a small total is not
    assert rows["Emotional"] == ["0", "c"]
    assert disclosure.disclosure_problems(protected) == []


def test_years_before_the_records_come_from_earlier_reports():
    day = D(2016, 6, 1)
    facts = Facts(
        referrals=[
            referral(day, f"a{i}", threshold_met=i < 100, decided_on=day) for i in range(602)
        ],
        earlier={
            2012: (None, 103),
            2013: (None, 115),
            2014: (506, 117),
            2015: (518, 98),
            2016: (1, 1),
        },  # a year with records uses the records
    )
    assert s.trend_years(facts, D(2017, 1, 1)) == [2012, 2013, 2014, 2015, 2016]
    table = shown(s.year_on_year(facts, [2012, 2013, 2014, 2015, 2016]))
    # the 2016-17 annual report's table, to 2012-13, with the changes it implies
    assert table == {
        "2016-17": ["602", "100", "16.6", "16.2", "2.0"],
        "2015-16": ["518", "98", "18.9", "2.4", "-16.2"],
        "2014-15": ["506", "117", "23.1", ":", "1.7"],  # (117-115)/115 = +1.74%
        "2013-14": [":", "115", ":", ":", "11.7"],  # (115-103)/103 = +11.65%
        "2012-13": [":", "103", ":", ":", ":"],
    }
