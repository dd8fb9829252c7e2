"""Honest statistics on the dashboard, on hand-built stored results (every figure worked here).

The series (contacts, a count where neither direction is better), April 2018 to March 2021:
2018-19 and 2019-20 alternate 115 and 125 (each year 1,440); 2020-21 has five months of 80 then
seven of 125 (400 + 875 = 1,275).  Mean of the 36 months = (2,880 + 400 + 875) / 36 = 115.4.
The last seven months (September 2020 to March 2021) are all above it: a run, so special cause;
the year as a whole fell (1,440 -> 1,275, -11%).  Moving ranges: 23 of 10, 45 (125 -> 80), four
of 0, 45 (80 -> 125), six of 0 -> mMR 320 / 35 = 9.14; limits 115.4 +/- 24.3 = 91.1 to 139.7.
"""

from __future__ import annotations

import json

import pytest

from lineofsight.audit.models import AuditLog
from lineofsight.cli import main
from lineofsight.indicators import periods as P
from lineofsight.indicators.methods import byars
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.roles import Role
from lineofsight.performance.models import ChangePoint, ComputeRun, IndicatorResult
from lineofsight.performance.summaries import overview, summarise
from lineofsight.performance.target_services import remove_change_point, set_change_point
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for

CONTACTS = [115, 125] * 12 + [80] * 5 + [125] * 7


def store(partnership: Partnership, indicator_id: str, monthly: list[float], yearly=()) -> None:
    """36 months from April 2018 and financial-year totals (count intervals: Byar's)."""
    run = ComputeRun.objects.create(partnership=partnership, status="complete")
    rows: list[tuple[P.Period, float, int | None, int | None, bool | None]] = []
    for index, value in enumerate(monthly):
        period = P.month(2018 + (3 + index) // 12, (3 + index) % 12 + 1)
        rows.append((period, value, None, None, None))
    for start_year, value, numerator, denominator in yearly:
        rows.append((P.financial_year(start_year), value, numerator, denominator, True))
    for period, value, numerator, denominator, is_year in rows:
        low = high = None
        if is_year and denominator and numerator is not None:
            from lineofsight.indicators.methods import wilson

            low, high = (100 * b for b in wilson(numerator, denominator))
        elif is_year:
            _, low, high = byars(value, 1, per=1)
        IndicatorResult.objects.create(
            partnership=partnership,
            indicator_id=indicator_id,
            period_type=period.period_type,
            period_label=period.label,
            period_start=period.start,
            period_end=period.end,
            numerator=numerator if numerator is not None else value,
            denominator=denominator,
            value=value,
            ci_low=low,
            ci_high=high,
            run=run,
        )


@pytest.fixture
def contacts(partnership):
    store(partnership, "contacts", CONTACTS, [(2019, 1440, None, None), (2020, 1275, None, None)])
    return partnership


@pytest.mark.django_db
def test_the_signal_in_words_never_contradicts_the_year(contacts):
    summary = summarise(contacts, _spec("contacts"), "2020-21")
    assert summary.spc.phases[0].mean == pytest.approx(4155 / 36)
    assert summary.spc.phases[0].lower_process_limit == pytest.approx(91.1, abs=0.05)
    # 1,440 -> 1,275: Poisson intervals 1,366.5 to 1,516.0 and 1,206.2 to 1,346.4;
    # high = -165 + sqrt((1,346.4 - 1,275)^2 + (1,440 - 1,366.5)^2) = -165 + 102.5 < 0: a fall
    assert summary.findings[0] == (
        "Contacts fell from 1,440 in 2019-20 to 1,275 in 2020-21 (-11%); beyond what chance "
        "would explain"
    )
    assert summary.spc_text == (
        "Unusual, look into it (neither higher nor lower is better): the last 7 months "
        "(September 2020 to March 2021) were all above the average of April 2018 to March 2021 "
        "(115.4), although the year as a whole fell on the year before"
    )


@pytest.mark.django_db
def test_an_unusual_neutral_measure_needs_attention(contacts, make_user):
    (summary,) = overview(contacts, "2020-21", ids=["contacts"])
    assert summary.unusual and summary.rank == 0
    page = client_for(make_user(Role.BOARD_MEMBER)).get("/performance/?period=2020-21")
    html = page.content.decode()
    attention = html.split("Needs attention")[1].split("All indicators")[0]
    assert "Contacts</a>: 1,275" in attention and "Unusual, look into it." in attention
    assert "Unusual: recent months higher" in html  # the tag, in words
    assert "special_cause" not in html and "[" not in attention


@pytest.mark.django_db
def test_limits_never_leave_the_possible_range(partnership):
    # percentages alternating 95 and 100: mean 97.5, mMR 5, upper limit 97.5 + 13.3 = 110.8
    # -> 100; counts alternating 0 and 3: mean 1.5, mMR 3, lower limit 1.5 - 7.98 -> 0
    store(partnership, "icpc_15_days_pct", [95, 100] * 18)
    store(partnership, "s47_enquiries", [0, 3] * 18)
    icpc = summarise(partnership, _spec("icpc_15_days_pct"), "2020-21")
    assert icpc.spc.phases[0].upper_process_limit == 100
    assert icpc.spc.phases[0].lower_process_limit == pytest.approx(97.5 - 13.3)
    s47 = summarise(partnership, _spec("s47_enquiries"), "2020-21")
    assert s47.spc.phases[0].lower_process_limit == 0
    assert s47.spc_text == (
        "Common cause variation: the latest month (3) is within the expected range (0 to 9.5)"
    )


@pytest.mark.django_db
def test_a_change_point_with_a_reason_rebases_the_limits(partnership, make_user):
    # 24 months alternating 10 and 11, then 12 at 20 and 21: one phase's mean is
    # (24 * 10.5 + 12 * 20.5) / 36 = 13.83 and the last 12 months sit above it: a shift that
    # began in April 2020 (index 24)
    store(partnership, "referrals", [10, 11] * 12 + [20, 21] * 6)
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    before = summarise(partnership, _spec("referrals"), "2020-21")
    assert before.shift_from == P.month(2020, 4).start
    with pytest.raises(Exception, match="Say why"):
        set_change_point(
            actor=analyst,
            partnership=partnership,
            indicator_id="referrals",
            month=before.shift_from,
            reason=" ",
        )
    point = set_change_point(
        actor=analyst,
        partnership=partnership,
        indicator_id="referrals",
        month=before.shift_from,
        reason="New front door opened",
    )
    audit = AuditLog.objects.get(verb="spc_change_point.set")
    assert audit.after["reason"] == "New front door opened" and audit.after["set_by"] == analyst.pk
    after = summarise(partnership, _spec("referrals"), "2020-21")
    # two phases: means 10.5 and 20.5, mMR 1 each: no signal left, no shift to offer
    assert [round(p.mean, 2) for p in after.spc.phases] == [10.5, 20.5]
    assert after.variation == "common_cause" and after.shift_from is None
    assert after.change_points == [point]
    remove_change_point(actor=analyst, point=point)
    assert not ChangePoint.objects.exists()
    assert AuditLog.objects.filter(verb="spc_change_point.remove").count() == 1


@pytest.mark.django_db
def test_analyst_rebases_from_the_page_and_a_board_member_cannot(partnership, make_user):
    store(partnership, "referrals", [10, 11] * 12 + [20, 21] * 6, [(2020, 246, None, None)])
    analyst = client_for(make_user(Role.PERFORMANCE_ANALYST))
    page = analyst.get("/performance/referrals/?period=2020-21").content.decode()
    assert "A sustained shift began in April 2020" in page
    assert '<option value="2020-04-01" selected>' in page
    refused = analyst.post(
        "/performance/referrals/change-points/", {"period": "2020-21", "month": "2020-04-01"}
    )
    assert refused.status_code == 400
    assert "Enter what changed in that month" in refused.content.decode()
    saved = analyst.post(
        "/performance/referrals/change-points/",
        {"period": "2020-21", "month": "2020-04-01", "reason": "New front door"},
    )
    assert saved.status_code == 302
    page = analyst.get("/performance/referrals/?period=2020-21").content.decode()
    assert "New front door" in page and "A sustained shift" not in page
    board = client_for(make_user(Role.BOARD_MEMBER))
    assert (
        board.post(
            "/performance/referrals/change-points/",
            {"period": "2020-21", "month": "2020-05-01", "reason": "x"},
        ).status_code
        == 403
    )
    point = ChangePoint.objects.get()
    assert board.post(f"/performance/referrals/change-points/{point.pk}/remove/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/performance/referrals/change-points/", "/performance/referrals/change-points/1/remove/"],
)
def test_outsider_refused_change_points(outsider, url):
    assert_outsider_refused(outsider, url, method="post")


@pytest.mark.django_db
def test_the_definition_box_renders_and_shows_no_codes(contacts, make_user):
    html = (
        client_for(make_user(Role.BOARD_MEMBER))
        .get("/performance/contacts/?period=2020-21")
        .content.decode()
    )
    details = html.split("How this is defined")[1]
    assert "&lt;p" not in details and '<p class="govuk-body">Contacts received' in details
    assert "Source: Ofsted Annex A. Shown as a count; neither higher nor lower is better" in details
    for code in ("annex_a", "neutral.", "special_cause", "rate_per_10k", "higher_is_better"):
        assert code not in html


@pytest.mark.django_db(transaction=True)
def test_the_command_line_prints_words_not_tags(contacts, capsys):
    assert main(["indicators", "--period", "2020-21"]) == 0
    out = capsys.readouterr().out
    assert "Contacts: 1,275  (Unusual: recent months higher)" in out
    assert "special_cause" not in out and "[" not in out
    assert main(["indicators", "--period", "2020-21", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["contacts"]["spc_text"] == "Unusual: recent months higher"


def _spec(indicator_id: str):
    from lineofsight.indicators.catalogue import get

    return get(indicator_id)
