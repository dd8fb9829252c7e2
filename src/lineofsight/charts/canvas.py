"""Small drawing helpers shared by the charts: scales, escaping and tick choice."""

from __future__ import annotations

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

# GOV.UK colour palette.  Every colour that draws data (lines, points, text) has a contrast of at
# least 3:1 on the white page (WCAG 1.4.11, non-text contrast): GOV.UK's mid-grey (#b1b4b6, 2.1:1)
# and orange (#f47738, 2.8:1) do not, so the charts use a darker grey and GOV.UK orange shaded by
# a quarter towards black.
BLUE = "#1d70b8"
DARK_GREY = "#505a5f"
GREY = "#6f777b"
ORANGE = "#b7592a"
RED = "#d4351c"
GREEN = "#00703c"
PURPLE = "#4c2c92"
BLACK = "#0b0c0c"


# Chart text that site.css sets larger on a phone (the SVG scales to the column, so a 12-unit
# label on a 720-unit chart would be about 5 px high at 375 px), and the most x-axis labels that
# fit at that size.
LABEL = "los-chart__label"
NARROW_MOST = 5


def text(value: object) -> str:
    return escape(str(value), {'"': "&quot;"})


@dataclass(frozen=True)
class Scale:
    """Maps data values in [low, high] to pixels in [top, bottom] (SVG y grows downward)."""

    low: float
    high: float
    top: float
    bottom: float

    def y(self, value: float) -> float:
        if self.high == self.low:
            return (self.top + self.bottom) / 2
        share = (value - self.low) / (self.high - self.low)
        return round(self.bottom - share * (self.bottom - self.top), 2)


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (1, 2, 2.5 or 5 times a power of ten apart)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


def format_tick(value: float) -> str:
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if value == int(value):
        return f"{int(value)}"
    return f"{value:g}"


def axis_ticks(values: list[float]) -> list[float]:
    """Ticks for the values; the axis starts at zero unless the data sit far above it."""
    low, high = min(values), max(values)
    if 0 <= low < high * 0.3:
        low = 0.0
    return nice_ticks(low, high)


def svg_open(chart_id: str, width: int, height: int, title: str, description: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="los-chart" viewBox="0 0 {width} {height}" '
        f'preserveAspectRatio="xMidYMid meet" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{text(title)}</title>'
        f'<desc id="{chart_id}-desc">{text(description)}</desc>'
    )


def y_axis(ticks: list[float], scale: Scale, left: float, right: float, suffix: str) -> str:
    parts = []
    for tick in ticks:
        y = scale.y(tick)
        parts.append(f'<line x1="{left}" x2="{right}" y1="{y}" y2="{y}" stroke="#f3f2f1"/>')
        parts.append(
            f'<text class="{LABEL}" x="{left - 8}" y="{y + 4}" text-anchor="end" font-size="12" '
            f'fill="{DARK_GREY}">{text(format_tick(tick) + suffix)}</text>'
        )
    return "".join(parts)


def spread(count: int, most: int) -> list[int]:
    """At most ``most`` evenly spaced indices of ``count``, the first and the last among them.

    The last replaces the one before it when they would be closer than the others (their labels
    would collide).
    """
    if count <= 0:
        return []
    step = max(1, math.ceil(count / most))
    picked = list(range(0, count, step))
    if picked[-1] != count - 1:
        if len(picked) > 1 and count - 1 - picked[-1] < step:
            picked[-1] = count - 1
        else:
            picked.append(count - 1)
    return picked


LABEL_CHAR_WIDTH = 6.2  # about the width of a character at 11 px in Arial or Liberation Sans


def _clear_of_the_ends(drawn: list[int], xs: list[float], labels: list[str]) -> list[int]:
    """Leave out the label next to the first (drawn from its point rightwards) or the last
    (drawn leftwards to its point) when the two would overlap."""
    if len(drawn) < 4:
        return drawn

    def width(index: int) -> float:
        return LABEL_CHAR_WIDTH * len(labels[index])

    first, second = drawn[0], drawn[1]
    if xs[second] - width(second) / 2 < xs[first] + width(first) + 4:
        drawn = [first, *drawn[2:]]
    before, end = drawn[-2], drawn[-1]
    if xs[before] + width(before) / 2 > xs[end] - width(end) - 4:
        drawn = [*drawn[:-2], end]
    return drawn


def x_labels(
    xs: list[float], labels: list[str], y: float, most: int = 12, most_narrow: int = NARROW_MOST
) -> str:
    """Labels along the x axis: at most ``most`` on a wide screen, ``most_narrow`` on a phone.

    On a phone the labels are drawn larger (site.css), so those past the narrow budget are marked
    minor and hidden there.
    """
    drawn = spread(len(labels), most)
    narrow = {drawn[i] for i in spread(len(drawn), most_narrow)}
    last = len(labels) - 1
    drawn = _clear_of_the_ends(drawn, xs, labels)
    parts = []
    for index in drawn:
        classes = LABEL if index in narrow else f"{LABEL} {LABEL}--minor"
        # The first label starts at its point and the last ends at its own, so that neither
        # runs into the y-axis labels or past the edge of the chart.
        anchor = "start" if index == 0 and last else "end" if index == last and last else "middle"
        parts.append(
            f'<text class="{classes}" x="{xs[index]}" y="{y}" text-anchor="{anchor}" '
            f'font-size="11" fill="{DARK_GREY}">{text(labels[index])}</text>'
        )
    return "".join(parts)


def polyline(
    points: list[tuple[float, float]], colour: str, dash: str = "", width: float = 2
) -> str:
    if len(points) < 2:
        return ""
    coords = " ".join(f"{x},{y}" for x, y in points)
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<polyline points="{coords}" fill="none" stroke="{colour}" '
        f'stroke-width="{width}"{dashed}/>'
    )


def x_positions(count: int, left: float, right: float) -> list[float]:
    step = (right - left) / max(count - 1, 1)
    return [round(left + i * step, 2) for i in range(count)]


@dataclass(frozen=True)
class Plot:
    """Where a line chart draws: the SVG's size and the plot's edges inside it (``bottom`` is the
    x axis)."""

    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float


def line_axes(
    plot: Plot,
    values: list[float],
    count: int,
    *,
    chart_id: str,
    title: str,
    description: str,
    unit_suffix: str,
) -> tuple[list[str], Scale, list[float]]:
    """A line chart's start: the SVG opened with its title and description and the y axis drawn
    for ``values`` (zero where there are none), with the scale and the x of each of ``count``
    points."""
    ticks = axis_ticks(values or [0.0])
    scale = Scale(ticks[0], ticks[-1], plot.top, plot.bottom)
    xs = x_positions(count, plot.left, plot.right)
    parts = [svg_open(chart_id, plot.width, plot.height, title, description)]
    parts.append(y_axis(ticks, scale, plot.left, plot.right, unit_suffix))
    return parts, scale, xs
