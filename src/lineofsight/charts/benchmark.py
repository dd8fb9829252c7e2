"""Lines comparing the partnership with its region, statistical neighbours and England by year."""

from __future__ import annotations

from collections.abc import Sequence

from lineofsight.charts.canvas import (
    BLACK,
    BLUE,
    GREEN,
    LABEL,
    ORANGE,
    Plot,
    line_axes,
    polyline,
    text,
    x_labels,
)

# The legend sits under the plot, two series to a row, so the lines use the full width and the
# names stay readable when the chart is scaled down to a phone screen (site.css sets them larger).
WIDTH, PLOT_HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 80, 16, 24, 48
LEGEND_COLUMNS, LEGEND_ROW = 2, 36
STYLES = [(BLUE, ""), (ORANGE, "6 3"), (GREEN, "2 3"), (BLACK, "10 4")]


def benchmark_chart(
    years: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    title: str,
    description: str,
    unit_suffix: str = "",
    chart_id: str = "bench",
) -> str:
    """``series``: [(name, a value or None per year)], e.g. [("Demo Borough", [...]), ...]."""
    legend_rows = -(-len(series) // LEGEND_COLUMNS)
    height = PLOT_HEIGHT + legend_rows * LEGEND_ROW
    plot = Plot(WIDTH, height, LEFT, WIDTH - RIGHT, TOP, PLOT_HEIGHT - BOTTOM)
    parts, scale, xs = line_axes(
        plot,
        [v for _, vs in series for v in vs if v is not None],
        len(years),
        chart_id=chart_id,
        title=title,
        description=description,
        unit_suffix=unit_suffix,
    )
    parts.append(x_labels(xs, list(years), PLOT_HEIGHT - BOTTOM + 24))
    column_width = (WIDTH - LEFT) / LEGEND_COLUMNS
    for index, (name, values) in enumerate(series):
        colour, dash = STYLES[index % len(STYLES)]
        points = [(x, scale.y(v)) for x, v in zip(xs, values, strict=True) if v is not None]
        parts.append(polyline(points, colour, dash, width=2.5))
        parts.extend(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{colour}"/>' for x, y in points)
        row, column = divmod(index, LEGEND_COLUMNS)
        legend_x = LEFT + column * column_width
        legend_y = PLOT_HEIGHT + row * LEGEND_ROW + LEGEND_ROW / 2 - 8
        parts.append(polyline([(legend_x, legend_y), (legend_x + 24, legend_y)], colour, dash, 2.5))
        parts.append(
            f'<text class="{LABEL}" x="{legend_x + 32}" y="{legend_y + 5}" font-size="12" '
            f'fill="{BLACK}">{text(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
