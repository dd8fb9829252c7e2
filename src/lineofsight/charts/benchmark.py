"""Lines comparing the partnership with its region, statistical neighbours and England by year."""

from __future__ import annotations

from collections.abc import Sequence

from lineofsight.charts.canvas import (
    BLACK,
    BLUE,
    GREEN,
    ORANGE,
    Scale,
    axis_ticks,
    polyline,
    svg_open,
    text,
    x_labels,
    x_positions,
    y_axis,
)

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 190, 24, 48
STYLES = [(BLUE, ""), (ORANGE, "6 3"), (GREEN, "2 3"), (BLACK, "10 4")]


def benchmark_chart(
    years: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    title: str,
    description: str,
    unit_suffix: str = "",
) -> str:
    """``series``: [(name, a value or None per year)], e.g. [("Demo Borough", [...]), ...]."""
    ticks = axis_ticks([v for _, vs in series for v in vs if v is not None] or [0.0])
    scale = Scale(ticks[0], ticks[-1], TOP, HEIGHT - BOTTOM)
    xs = x_positions(len(years), LEFT, WIDTH - RIGHT)
    parts = [svg_open("bench", WIDTH, HEIGHT, title, description)]
    parts.append(y_axis(ticks, scale, LEFT, WIDTH - RIGHT, unit_suffix))
    parts.append(x_labels(xs, list(years), HEIGHT - BOTTOM + 18))
    legend_x = WIDTH - RIGHT + 12
    for index, (name, values) in enumerate(series):
        colour, dash = STYLES[index % len(STYLES)]
        points = [(x, scale.y(v)) for x, v in zip(xs, values, strict=True) if v is not None]
        parts.append(polyline(points, colour, dash, width=2.5))
        parts.extend(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{colour}"/>' for x, y in points)
        legend_y = TOP + 10 + index * 22
        parts.append(polyline([(legend_x, legend_y), (legend_x + 24, legend_y)], colour, dash, 2.5))
        parts.append(
            f'<text x="{legend_x + 30}" y="{legend_y + 4}" font-size="12" fill="{BLACK}">'
            f"{text(name)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
