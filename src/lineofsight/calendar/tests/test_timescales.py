"""Every user of a statutory timescale takes it from ``lineofsight.calendar.timescales``."""

import ast
import datetime as dt
from pathlib import Path

import pytest

from lineofsight.calendar import timescales
from lineofsight.calendar.timescales import (
    ASSESSMENT,
    CSPR_PUBLICATION,
    ICPC,
    RAPID_REVIEW,
    SERIOUS_INCIDENT_NOTIFICATION,
)
from lineofsight.calendar.workdays import add_working_days

SRC = Path(timescales.__file__).resolve().parents[1]


def test_every_timescale_has_a_rule_a_source_and_a_positive_amount():
    assert len(timescales.ALL) >= 10
    for name, scale in timescales.ALL.items():
        assert scale.amount > 0 and scale.rule and scale.source, name
        assert name.isupper()


def test_the_indicators_count_with_the_constants():
    from lineofsight.indicators.catalogue.children_in_need import CHILDREN_IN_NEED

    by_id = {spec.id: spec for spec in CHILDREN_IN_NEED}
    for indicator, scale in (("assessments_45_days_pct", ASSESSMENT), ("icpc_15_days_pct", ICPC)):
        spec = by_id[indicator]
        assert spec.numerator_sql.endswith(f"+ 1 <= {scale.amount}"), indicator
        assert f"within {scale.amount} working days" in spec.title
        assert f"within {scale.amount} working days" in spec.dfe_definition


def test_the_review_deadlines_use_the_constants():
    from lineofsight.reviews import deadlines

    aware = dt.date(2024, 3, 27)  # Easter 2024 falls inside both deadlines
    assert deadlines.notification_due(aware) == add_working_days(
        aware, SERIOUS_INCIDENT_NOTIFICATION.amount
    )
    assert deadlines.rapid_review_due(aware) == add_working_days(aware, RAPID_REVIEW.amount)
    assert deadlines.publication_target(dt.date(2024, 1, 15)) == deadlines.add_months(
        dt.date(2024, 1, 15), CSPR_PUBLICATION.amount
    )


@pytest.mark.parametrize(
    "relative",
    [
        "indicators/catalogue/children_in_need.py",
        "reviews/deadlines.py",
        "reviews/status.py",
        "reports/deadlines.py",
        "synth/simulate.py",
        "synth/write_partnership.py",
        "config/settings.py",
    ],
)
def test_users_import_the_constants_rather_than_repeat_the_numbers(relative):
    # a user of a timescale imports it; and no working-day call passes a bare statutory number
    tree = ast.parse((SRC / relative).read_text())
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "lineofsight.calendar.timescales"
        for alias in node.names
    }
    assert imported <= set(timescales.ALL) and imported, relative
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "add_working_days":
            amount = node.args[1] if len(node.args) > 1 else None
            assert not (isinstance(amount, ast.Constant) and amount.value in {1, 5, 15, 45}), (
                f"{relative}:{node.lineno} uses a bare timescale"
            )
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            for scale in (ASSESSMENT, ICPC):
                assert f"<= {scale.amount}" not in node.value, f"{relative}:{node.lineno}"
