"""Horizontal bars: one labelled bar per category (places by agency, positive answers per
evaluation level...).  Labels sit above their bars so that long names stay readable on a phone;
each bar carries its value as text, and the page shows the same figures as a table."""

from __future__ import annotations

from collections.abc import Sequence

from lineofsight.charts.canvas import BLACK, BLUE, DARK_GREY, LABEL, format_tick, svg_open, text

WIDTH = 720
LEFT, RIGHT, TOP = 8, 96, 12
ROW = 44  # a label line and a bar
BAR = 18


def bar_chart(
    bars: Sequence[tuple[str, float | None]],
    *,
    title: str,
    description: str,
    unit_suffix: str = "",
    chart_id: str = "bars",
    most: float | None = None,
) -> str:
    """``bars``: [(label, value or None)]; None (not available, or suppressed) draws no bar and
    says so.  ``most``: the value of a full-width bar (default: the largest value; 100 for
    percentages)."""
    values = [v for _, v in bars if v is not None]
    top = most if most is not None else max(values or [0.0])
    height = TOP + ROW * max(len(bars), 1) + 8
    span = WIDTH - LEFT - RIGHT
    parts = [svg_open(chart_id, WIDTH, height, title, description)]
    for index, (label, value) in enumerate(bars):
        y = TOP + index * ROW
        parts.append(
            f'<text class="{LABEL}" x="{LEFT}" y="{y + 12}" font-size="13" '
            f'fill="{BLACK}">{text(label)}</text>'
        )
        bar_y = y + 18
        if value is None:
            parts.append(
                f'<text class="{LABEL}" x="{LEFT}" y="{bar_y + 13}" font-size="12" '
                f'fill="{DARK_GREY}">not available</text>'
            )
            continue
        length = 0.0 if top <= 0 else round(span * max(value, 0) / top, 2)
        parts.append(
            f'<rect x="{LEFT}" y="{bar_y}" width="{length}" height="{BAR}" fill="{BLUE}"/>'
        )
        parts.append(
            f'<text class="{LABEL}" x="{LEFT + length + 6}" y="{bar_y + 14}" font-size="12" '
            f'fill="{BLACK}">{text(format_tick(value) + unit_suffix)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
