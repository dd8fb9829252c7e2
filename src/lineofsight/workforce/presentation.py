"""The training statistics as tables, charts and export rows (for the statistics page, the
course page, the CSV/Excel export and the report section)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lineofsight.charts import bar_chart
from lineofsight.workforce.models import Mode
from lineofsight.workforce.statistics import PairedEffect, share

MODES = list(Mode)
EXPORT_HEADER = ["Section", "Row", "Measure", "Value"]


def _round(value: float | None, places: int = 2) -> float | None:
    return None if value is None else round(value, places)


def effect_rows(effect: PairedEffect | None) -> list[tuple[str, Any]]:
    if effect is None:
        return [("Learners with confidence before and after", "fewer than 2")]
    return [
        ("Learners with confidence before and after", effect.n),
        ("Mean confidence before (1 to 5)", _round(effect.mean_before)),
        ("Mean confidence after (1 to 5)", _round(effect.mean_after)),
        ("Mean change", _round(effect.mean_change)),
        ("Effect size (Cohen's d, paired)", _round(effect.effect_size)),
        ("95% confidence interval, lower", _round(effect.ci_low)),
        ("95% confidence interval, upper", _round(effect.ci_high)),
    ]


def export_rows(stats: dict[str, Any]) -> Iterator[list[Any]]:
    for row in stats["courses"]:
        for mode in MODES:
            if row.sessions[mode] or row.places[mode]:
                yield [
                    "Sessions and places",
                    row.course,
                    f"Sessions: {mode.label}",
                    row.sessions[mode],
                ]
                yield ["Sessions and places", row.course, f"Places: {mode.label}", row.places[mode]]
    for row in [*stats["agencies"], stats["total"]]:
        yield ["Places by agency", row.agency, "Places", row.places]
        yield ["Places by agency", row.agency, "Attended", row.attended]
        yield ["Places by agency", row.agency, "Did not attend", row.did_not_attend]
        yield ["Places by agency", row.agency, "Non-attendance rate (%)", row.non_attendance_rate]
    for level in stats["levels"]:
        name = f"Level {level.level}: {level.name}"
        yield ["Evaluation (Guskey)", name, "Answered", level.answered]
        yield ["Evaluation (Guskey)", name, level.measure, level.positive]
        yield ["Evaluation (Guskey)", name, "Positive (%)", level.percent]
    correct, asked, percent = stats["knowledge"]
    yield ["Knowledge questions", "All", "Answered correctly", correct]
    yield ["Knowledge questions", "All", "Asked", asked]
    yield ["Knowledge questions", "All", "Correct (%)", percent]
    for label, value in effect_rows(stats["effect"]):
        yield ["Confidence before and after", "All", label, value]
    issued, answered, rate = stats["follow_up"]
    yield ["Follow-up", "All", "Follow-ups sent", issued]
    yield ["Follow-up", "All", "Answered", answered]
    yield ["Follow-up", "All", "Response rate (%)", rate]
    for key, label in IMPACT_LABELS.items():
        yield ["Reflective logs", "All", label, stats["impact"][key]]


IMPACT_LABELS = {
    "strong": "Strong impact",
    "some": "Some impact",
    "none": "No impact",
    "": "Not yet rated",
}


def level_chart(stats: dict[str, Any], chart_id: str = "levels") -> str:
    return bar_chart(
        [(f"Level {lv.level}: {lv.name}", lv.percent) for lv in stats["levels"]],
        title="Evaluation on Guskey's five levels: share answering positively",
        description="Percentage of answers that were positive at each of Guskey's levels; the "
        "table below gives the numbers answering and positive.",
        unit_suffix="%",
        chart_id=chart_id,
        most=100,
    )


def agency_chart(stats: dict[str, Any], chart_id: str = "agencies") -> str:
    return bar_chart(
        [(row.agency, float(row.places)) for row in stats["agencies"]],
        title="Training places by agency",
        description="Places booked (not cancelled) by learners of each agency; the table below "
        "gives attendance and non-attendance.",
        chart_id=chart_id,
    )


def impact_chart(stats: dict[str, Any], chart_id: str = "impact") -> str:
    rated = sum(v for k, v in stats["impact"].items() if k)
    return bar_chart(
        [(IMPACT_LABELS[k], share(stats["impact"][k], rated)) for k in ("strong", "some", "none")],
        title="Reflective logs by impact on practice",
        description="Share of rated reflective logs showing strong, some or no impact on practice.",
        unit_suffix="%",
        chart_id=chart_id,
        most=100,
    )
