"""A statistical process control (XmR) chart in the NHS "Making Data Count" style.

Points are joined by a grey line; the mean is a solid line and the process limits dashed.  Points
in a special-cause signal are coloured: orange for concern, blue for improvement, purple where the
direction is neutral.  Recalculation points start new limits: each point carries its own mean and
limits, and a change between points breaks those lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lineofsight.charts.canvas import (
    BLACK,
    BLUE,
    DARK_GREY,
    GREY,
    ORANGE,
    PURPLE,
    RED,
    Plot,
    Scale,
    format_tick,
    line_axes,
    polyline,
    text,
    x_labels,
)

WIDTH, HEIGHT = 720, 320
# The left margin leaves room for the y-axis labels at their phone size (site.css).
LEFT, RIGHT, TOP, BOTTOM = 80, 16, 24, 56
PLOT = Plot(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM)
SIGNAL_COLOURS = {"concern": ORANGE, "improvement": BLUE, "neutral": PURPLE}
# The signal in words as well as colour (WCAG 1.4.1), in "Making Data Count" terms.
SIGNAL_WORDS = {
    "concern": "special cause, concerning",
    "improvement": "special cause, improving",
    "neutral": "special cause, neither improving nor concerning",
}


@dataclass(frozen=True)
class SpcPoint:
    label: str
    value: float | None
    mean: float | None = None
    upper: float | None = None
    lower: float | None = None
    signal: str | None = None  # "concern" | "improvement" | "neutral" | None


def _runs(
    xs: list[float], values: list[float | None], scale: Scale
) -> list[list[tuple[float, float]]]:
    """Runs of consecutive equal-phase, non-missing values (a gap or a new phase breaks a line)."""
    runs: list[list[tuple[float, float]]] = [[]]
    previous: float | None = None
    for x, value in zip(xs, values, strict=True):
        if value is None or (previous is not None and value != previous and runs[-1]):
            runs.append([])
        if value is not None:
            runs[-1].append((x, scale.y(value)))
        previous = value
    return [run for run in runs if run]


def _value_runs(
    xs: list[float], points: Sequence[SpcPoint], scale: Scale
) -> list[list[tuple[float, float]]]:
    runs: list[list[tuple[float, float]]] = [[]]
    for x, point in zip(xs, points, strict=True):
        if point.value is None:
            runs.append([])
        else:
            runs[-1].append((x, scale.y(point.value)))
    return [run for run in runs if run]


def spc_chart(
    points: Sequence[SpcPoint],
    *,
    title: str,
    description: str,
    target: float | None = None,
    unit_suffix: str = "",
    chart_id: str = "spc",
) -> str:
    """The chart as an SVG string (``role="img"`` with a title and a description)."""
    values = [p.value for p in points if p.value is not None]
    limits = [v for p in points for v in (p.upper, p.lower) if v is not None]
    parts, scale, xs = line_axes(
        PLOT,
        values + limits + ([target] if target is not None else []),
        len(points),
        chart_id=chart_id,
        title=title,
        description=description,
        unit_suffix=unit_suffix,
    )
    for attr, colour, dash in (
        ("mean", BLACK, ""),
        ("upper", DARK_GREY, "6 4"),
        ("lower", DARK_GREY, "6 4"),
    ):
        for run in _runs(xs, [getattr(p, attr) for p in points], scale):
            parts.append(polyline(run, colour, dash, width=1.5))
    if target is not None:
        parts.append(
            polyline([(LEFT, scale.y(target)), (WIDTH - RIGHT, scale.y(target))], RED, "2 3", 1.5)
        )
    for run in _value_runs(xs, points, scale):  # a missing (or suppressed) month breaks the line
        parts.append(polyline(run, GREY))
    for x, point in zip(xs, points, strict=True):
        if point.value is not None:
            colour = SIGNAL_COLOURS.get(point.signal or "", GREY)
            tooltip = f"{point.label}: {format_tick(point.value)}{unit_suffix}"
            if point.signal in SIGNAL_WORDS:
                tooltip += f" ({SIGNAL_WORDS[point.signal]})"
            parts.append(
                f'<circle cx="{x}" cy="{scale.y(point.value)}" r="4" fill="{colour}">'
                f"<title>{text(tooltip)}</title></circle>"
            )
    parts.append(x_labels(xs, [p.label for p in points], HEIGHT - BOTTOM + 24))
    parts.append("</svg>")
    return "".join(parts)
