"""An indicator section gives a monthly count that is mostly 0 as a table, not an SPC chart."""

from types import SimpleNamespace

from lineofsight.indicators import catalogue
from lineofsight.reports.sections.figures import too_sparse


def _months(*values):
    return [SimpleNamespace(value=v) for v in values]


def test_a_count_that_is_zero_in_half_the_months_is_too_sparse_for_a_control_chart():
    complaints = catalogue.get("pm_complaints_received")
    assert complaints.unit == "count"
    assert too_sparse(complaints, _months(0, 0, 1, 2))  # 2 of 4 months are 0
    assert not too_sparse(complaints, _months(0, 3, 1, 2))  # 1 of 4
    assert not too_sparse(complaints, _months(None, None))  # nothing to chart at all


def test_a_percentage_is_never_too_sparse_by_this_rule():
    attended = catalogue.get("cp_conference_children_attended_pct")
    assert attended.unit == "percent"
    assert not too_sparse(attended, _months(0.0, 0.0, 0.0, 50.0))
