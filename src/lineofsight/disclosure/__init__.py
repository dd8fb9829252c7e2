"""Disclosure control for every published table and chart (pure: no Django).

One rule, DfE's for its children in need statistics: counts of 1 to 5 are shown as ``c``, with
secondary suppression so that no suppressed count can be worked out from totals or other cells
of the same table or chart; figures built on a suppressed count are suppressed too; 0 is a true
zero and is shown; percentages and rates to one decimal place, rounded half up.  ``protect``
returns what to show and a logged decision (rule and reason) for every cell; ``check`` verifies
a published table independently.  See ``suppress`` for the rule in full.
"""

from lineofsight.disclosure.check import disclosure_problems
from lineofsight.disclosure.rounding import half_up, percentage, rate
from lineofsight.disclosure.suppress import (
    NOT_AVAILABLE,
    SUPPRESSED,
    Decision,
    Protected,
    protect,
    unprotected,
)
from lineofsight.disclosure.tables import (
    Cell,
    Sum,
    Table,
    count,
    grid,
    missing,
    number,
    percent,
    rate_per,
)

__all__ = [
    "NOT_AVAILABLE",
    "SUPPRESSED",
    "Cell",
    "Decision",
    "Protected",
    "Sum",
    "Table",
    "count",
    "disclosure_problems",
    "grid",
    "half_up",
    "missing",
    "number",
    "percent",
    "percentage",
    "protect",
    "rate",
    "rate_per",
    "unprotected",
]
