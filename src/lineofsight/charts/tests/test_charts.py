import xml.etree.ElementTree as ET

from lineofsight.charts import SpcPoint, benchmark_chart, spc_chart
from lineofsight.charts.canvas import Plot, Scale, line_axes, nice_ticks, spread

NS = {"s": "http://www.w3.org/2000/svg"}


def test_nice_ticks_cover_the_range_with_round_steps():
    assert nice_ticks(0, 100) == [0, 25, 50, 75, 100]
    # (27.6 - 18.3) / 4 = 2.325 -> step 2.5; first tick floor(18.3 / 2.5) * 2.5 = 17.5
    assert nice_ticks(18.3, 27.6) == [17.5, 20, 22.5, 25, 27.5, 30]
    ticks = nice_ticks(1706, 2292)
    assert ticks[0] <= 1706 and ticks[-1] >= 2292


def test_scale_maps_low_to_bottom_and_high_to_top():
    scale = Scale(0, 100, top=10, bottom=110)
    assert (scale.y(0), scale.y(100), scale.y(25)) == (110, 10, 85)


def test_spc_chart_is_accessible_svg_with_coloured_signals():
    points = [SpcPoint(f"M{i}", 10 + i, mean=12, upper=18, lower=6) for i in range(6)]
    points.append(SpcPoint("M6", 25, mean=12, upper=18, lower=6, signal="concern"))
    svg = spc_chart(points, title="Contacts", description="Contacts by month, one above the limit")
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find("s:title", NS).text == "Contacts"
    assert "one above the limit" in root.find("s:desc", NS).text
    circles = root.findall("s:circle", NS)
    assert len(circles) == 7
    assert circles[-1].get("fill") == "#b7592a" and circles[0].get("fill") == "#6f777b"
    assert circles[0].find("s:title", NS).text == "M0: 10"
    # the signal is in words too, not in colour alone
    assert circles[-1].find("s:title", NS).text == "M6: 25 (special cause, concerning)"


def test_spc_chart_breaks_the_limits_at_a_recalculation_point():
    before = [SpcPoint(f"A{i}", 10, mean=10, upper=14, lower=6) for i in range(3)]
    after = [SpcPoint(f"B{i}", 20, mean=20, upper=24, lower=16) for i in range(3)]
    root = ET.fromstring(spc_chart(before + after, title="t", description="d"))
    # mean, upper and lower each drawn as two separate lines, plus the values line
    assert len(root.findall("s:polyline", NS)) == 7


def test_text_is_escaped():
    svg = spc_chart([SpcPoint("<b>", 1), SpcPoint("x", 2)], title="A & B <script>", description="d")
    assert "<script>" not in svg and "A &amp; B &lt;script&gt;" in svg
    ET.fromstring(svg)


def test_benchmark_chart_has_a_line_and_legend_per_series():
    svg = benchmark_chart(
        ["2017-18", "2018-19", "2019-20", "2020-21"],
        [
            ("Doncaster", [25.5, 27.0, 27.6, 25.4]),
            ("England", [21.9, 22.6, 22.6, 22.7]),
            ("Statistical neighbours", [20.5, None, 20.9, 21.8]),
        ],
        title="Re-referrals",
        description="d",
        unit_suffix="%",
    )
    root = ET.fromstring(svg)
    texts = [t.text for t in root.findall("s:text", NS)]
    assert {"Doncaster", "England", "Statistical neighbours"} <= set(texts)
    assert "25%" in texts or "26%" in texts
    assert len(root.findall("s:circle", NS)) == 11  # the missing value draws no point


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast_on_white(colour: str) -> float:
    return 1.05 / (_luminance(colour) + 0.05)


def test_contrast_helper_matches_known_ratios():
    assert round(_contrast_on_white("#000000"), 1) == 21.0
    assert round(_contrast_on_white("#b1b4b6"), 1) == 2.1  # GOV.UK mid-grey: too light


def test_every_data_mark_has_3_to_1_contrast_on_white():
    """WCAG 1.4.11: the lines, points and text that carry data stand out from the page."""
    points = [SpcPoint(f"M{i}", 10 + i, mean=12, upper=18, lower=6) for i in range(6)]
    points += [
        SpcPoint("M6", 25, mean=12, upper=18, lower=6, signal=signal)
        for signal in ("concern", "improvement", "neutral")
    ]
    spc = spc_chart(points, title="t", description="d", target=15)
    bench = benchmark_chart(
        ["a", "b"],
        [(f"series {i}", [1.0 + i, 2.0]) for i in range(4)],
        title="t",
        description="d",
    )
    colours = set()
    for svg in (spc, bench):
        root = ET.fromstring(svg)
        for mark in ("circle", "polyline", "text"):
            for element in root.iter(f"{{{NS['s']}}}{mark}"):
                colours.add(element.get("stroke") if mark == "polyline" else element.get("fill"))
    assert len(colours) >= 7
    low = {c: round(_contrast_on_white(c), 2) for c in colours if _contrast_on_white(c) < 3}
    assert low == {}


def test_charts_scale_to_their_column_and_mark_labels_for_phones():
    """The SVG has a viewBox and no fixed size (site.css draws it at 100% of the column), every
    label carries the class site.css enlarges on a phone, and at most five x labels stay there."""
    months = [SpcPoint(f"M{i}", 10 + i % 3, mean=11, upper=14, lower=8) for i in range(24)]
    root = ET.fromstring(spc_chart(months, title="t", description="d"))
    assert root.get("viewBox") == "0 0 720 320"
    assert root.get("width") is None and root.get("height") is None
    texts = root.findall("s:text", NS)
    assert texts and all("los-chart__label" in t.get("class", "") for t in texts)
    x_labels = [t for t in texts if t.get("y") == texts[-1].get("y")]
    assert [x_labels[0].get("text-anchor"), x_labels[-1].get("text-anchor")] == ["start", "end"]
    shown_on_phones = [t.text for t in x_labels if "--minor" not in t.get("class")]
    # every second month on a wide screen, ending at the last (M22 would touch it)
    assert [t.text for t in x_labels] == [f"M{i}" for i in range(0, 22, 2)] + ["M23"]
    assert shown_on_phones == ["M0", "M6", "M12", "M23"]


def test_spread_picks_evenly_and_always_the_last():
    assert spread(5, 12) == [0, 1, 2, 3, 4]
    assert spread(7, 3) == [0, 3, 6]
    assert spread(8, 3) == [0, 3, 7]
    assert spread(1, 5) == [0]
    assert spread(0, 5) == []


def test_benchmark_legend_sits_under_the_plot_so_the_lines_use_the_full_width():
    names = ["This partnership", "Region", "Statistical neighbours", "England"]
    svg = benchmark_chart(
        ["2021-22", "2022-23"], [(n, [1.0, 2.0]) for n in names], title="t", description="d"
    )
    root = ET.fromstring(svg)
    legend = [t for t in root.findall("s:text", NS) if t.text in names]
    assert len(legend) == 4
    plot_bottom = max(float(c.get("cy")) for c in root.findall("s:circle", NS))
    assert all(float(t.get("y")) > plot_bottom + 24 for t in legend)
    # two names to a row, both inside the 720-unit width
    assert len({t.get("y") for t in legend}) == 2
    assert root.get("viewBox") == "0 0 720 372"


def test_x_labels_next_to_the_first_and_last_do_not_run_into_them():
    """36 months 18 px apart: "M00 18" is drawn from its point rightwards (about 37 px), so the
    label three months on (centred 54 px away) would overlap it and is left out; likewise at
    the end."""
    import re

    from lineofsight.charts.canvas import LABEL_CHAR_WIDTH, x_labels

    labels = [f"M{i:02d} 18" for i in range(36)]
    xs = [50.0 + 18 * i for i in range(36)]
    svg = x_labels(xs, labels, 200)
    spans = []
    for x, anchor, label in re.findall(
        r'x="([\d.]+)" y="200" text-anchor="(\w+)"[^>]*>([^<]+)<', svg
    ):
        width = LABEL_CHAR_WIDTH * len(label)
        left = {"start": float(x), "middle": float(x) - width / 2, "end": float(x) - width}[anchor]
        spans.append((left, left + width))
    assert len(spans) >= 8
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert "M00 18" in svg and "M35 18" in svg


def test_line_axes_open_the_svg_and_scale_the_values_into_the_plot():
    plot = Plot(200, 100, left=20, right=180, top=10, bottom=90)
    parts, scale, xs = line_axes(
        plot, [0.0, 100.0], 3, chart_id="c", title="T", description="D", unit_suffix="%"
    )
    assert parts[0].startswith("<svg") and 'viewBox="0 0 200 100"' in parts[0]
    assert '<title id="c-title">T</title>' in parts[0]
    assert ">100%</text>" in parts[1]
    assert (scale.y(0), scale.y(100)) == (90, 10)
    assert xs == [20, 100, 180]
    _, empty_scale, _ = line_axes(
        plot, [], 1, chart_id="e", title="T", description="D", unit_suffix=""
    )
    assert empty_scale.low == 0
