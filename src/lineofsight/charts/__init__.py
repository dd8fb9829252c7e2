"""SVG charts for dashboards and reports (pure: no Django). Every chart has a title and a text
description, and the page or report shows the data as a table beside it."""

from lineofsight.charts.bar import bar_chart
from lineofsight.charts.benchmark import benchmark_chart
from lineofsight.charts.spc import SpcPoint, spc_chart

__all__ = ["SpcPoint", "bar_chart", "benchmark_chart", "spc_chart"]
