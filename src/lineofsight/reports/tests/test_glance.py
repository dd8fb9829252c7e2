"""The year at a glance names the measures that moved beyond chance or sit worse than England
and the statistical neighbours, with their section, and gives no figure."""

import datetime as dt
from types import SimpleNamespace

from lineofsight.reports.content import Bullets, Paragraph, Subheading
from lineofsight.reports.registry import SectionRequest, section
from lineofsight.reports.sections import glance


def _summary(concern=False, improvement=False, unusual=False, worse=False, empty=False, months=()):
    return SimpleNamespace(
        headline=None if empty else object(),
        monthly=[SimpleNamespace(value=v) for v in months],
        concern=concern,
        improvement=improvement,
        unusual=unusual,
        worse_than_benchmarks=worse,
    )


def test_measures_are_grouped_by_what_their_figures_say(monkeypatch):
    summaries = {
        "referrals": _summary(unusual=True),
        "rereferral_pct": _summary(concern=True, worse=True),
        "assessments_45_days_pct": _summary(improvement=True),
        "cp_plan_starts": _summary(),
        # a count that is 0 most months: its signal is noise (no chart in its section either)
        "s47_enquiries": _summary(concern=True, months=(0, 0, 0, 1)),
        "cp_repeat_plan_pct": _summary(empty=True),  # nothing computed: not counted as moved
    }
    monkeypatch.setattr(glance, "Sources", lambda *args: None)
    monkeypatch.setattr(glance, "summarise", lambda _p, spec, _l, _s: summaries[spec.id])
    request = SectionRequest(
        None, "annual", "2020-21", dt.date(2020, 4, 1), dt.date(2021, 3, 31), "published"
    )
    blocks = glance.at_a_glance(
        [
            ("Front door", ["referrals", "rereferral_pct", "assessments_45_days_pct"]),
            (
                "Child protection",
                ["cp_plan_starts", "s47_enquiries", "cp_repeat_plan_pct", "not_an_indicator"],
            ),
        ],
        request,
    )
    assert blocks[0] == Paragraph(
        "Across 6 measures in the sections that follow, 1 got worse and 1 improved beyond what "
        "chance would explain in 2020-21, and 1 was worse than both England and the "
        "statistical neighbours in the latest published year. Each is explained, with its "
        "figures and charts, in its section."
    )
    assert blocks[1:] == [
        Subheading("Getting worse beyond what chance would explain"),
        Bullets(["Re-referrals within 12 months (front door)"]),
        Subheading("Improving beyond what chance would explain"),
        Bullets(["Assessments completed within 45 working days (front door)"]),
        Subheading("Changed beyond chance where neither direction is better: to look into"),
        Bullets(["Referrals (front door)"]),
        Subheading("Worse than both England and the statistical neighbours"),
        Bullets(["Re-referrals within 12 months (front door)"]),
    ]


def test_it_opens_the_annual_report_only():
    spec = section("at_a_glance")
    assert spec.kinds == ("annual",) and spec.order < section("local_context").order
