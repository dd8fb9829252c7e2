import datetime as dt

import pytest

from lineofsight.lado.tests.conftest import ADULT_NAME
from lineofsight.reports.assemble import build
from lineofsight.reports.content import ChartBlock, Paragraph, TableBlock
from lineofsight.reports.registry import section

pytestmark = pytest.mark.django_db


def _tables(document):
    [content] = document.sections
    return {
        block.table.title: dict(zip(block.table.row_labels, block.published.shown, strict=True))
        for block in content.information
        if isinstance(block, TableBlock) and block.published is not None
    }, content


def test_the_section_is_registered_with_its_owner():
    spec = section("lado")
    assert spec.owner == "Local authority designated officer (LADO)"
    assert spec.kinds == ("quarterly", "annual")


def test_the_annual_report_has_the_year_on_year_table_exact_inside_and_suppressed_outside(
    partnership, make_referral
):
    make_referral(received_on=dt.date(2021, 5, 4))
    make_referral(received_on=dt.date(2020, 6, 1), adult_reference="A-2")
    internal, content = _tables(build(partnership, "annual", "2021-22", "internal", ["lado"]))
    yoy = internal["Referrals and those meeting the harm threshold, by year"]
    assert list(yoy) == ["2021-22", "2020-21", "2019-20", "2018-19", "2017-18"]
    assert yoy["2021-22"][:2] == ["1", "0"] and yoy["2020-21"][:2] == ["1", "0"]
    [chart] = [b for b in content.information if isinstance(b, ChartBlock)]
    assert "<svg" in chart.svg  # years along the x axis, a line for each measure
    assert chart.table.row_labels == ["2017-18", "2018-19", "2019-20", "2020-21", "2021-22"]
    assert chart.table.columns == ["Referrals", "Met threshold"]
    words = [b.text for b in content.information if isinstance(b, Paragraph)]
    assert words == [  # neither referral decided yet: no threshold share, no timeliness
        "In 2021-22 the designated officer (LADO) received 1 referral about people who work "
        "with children, as many as in 2020-21. None met the harm threshold.",
        "Most referrals concerned people working in education: schools and colleges "
        "(1, 100.0% of all).",
    ]
    published, content = _tables(build(partnership, "annual", "2021-22", "published", ["lado"]))
    yoy = published["Referrals and those meeting the harm threshold, by year"]
    assert yoy["2021-22"][0] == "c"
    words = " ".join(b.text for b in content.information if isinstance(b, Paragraph))
    assert "fewer than 6 referrals" in words and "1 referral" not in words
    everything = str(internal) + words
    assert ADULT_NAME not in everything and "A-2" not in everything


def test_the_quarterly_report_has_the_breakdowns_only(partnership, make_referral):
    make_referral(received_on=dt.date(2021, 5, 4))
    tables, _ = _tables(build(partnership, "quarterly", "2021Q1", "internal", ["lado"]))
    assert "Referrals and those meeting the harm threshold, by year" not in tables
    sectors = tables["Referrals and those meeting the threshold, by employing sector"]
    assert sectors["Total"][0] == "1"
