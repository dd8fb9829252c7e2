"""DfE's published local-authority tables as benchmarks: England, regions and every LA.

PURE: no Django import (a test enforces it). Typical use::

    from lineofsight.published import benchmark_series, default_neighbours, read_tables

    values = read_tables()                      # the shipped DfE files, all indicators
    rows = benchmark_series(values, "371", "rereferral_pct", default_neighbours("2021"))

The shipped files and their licence are described in ``data/SOURCES.md``.
"""

from lineofsight.published.benchmarks import (
    BenchmarkRow,
    PublishedIndex,
    benchmark_series,
    statistical_neighbour_average,
)
from lineofsight.published.files import (
    DATA_DIR,
    default_files,
    default_neighbours,
    read_tables,
)
from lineofsight.published.layouts import LAYOUTS, UnknownTableError, detect_table
from lineofsight.published.more_tables import published_ids, published_titles
from lineofsight.published.neighbours import read_neighbours
from lineofsight.published.population import (
    PopulationEstimate,
    PopulationIndex,
    population_for_year_ending,
    read_population,
)
from lineofsight.published.tables import read_table
from lineofsight.published.values import INDICATOR_IDS as _CORE_IDS
from lineofsight.published.values import TITLES as _CORE_TITLES
from lineofsight.published.values import PublishedValue

INDICATOR_IDS = (*_CORE_IDS, *published_ids())
TITLES = {**_CORE_TITLES, **published_titles()}

__all__ = [
    "DATA_DIR",
    "INDICATOR_IDS",
    "LAYOUTS",
    "BenchmarkRow",
    "PopulationEstimate",
    "PopulationIndex",
    "PublishedIndex",
    "PublishedValue",
    "TITLES",
    "UnknownTableError",
    "benchmark_series",
    "default_files",
    "default_neighbours",
    "detect_table",
    "population_for_year_ending",
    "read_neighbours",
    "read_population",
    "read_table",
    "read_tables",
    "statistical_neighbour_average",
]
