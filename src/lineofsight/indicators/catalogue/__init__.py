"""The indicator catalogue: one declared ``IndicatorSpec`` per indicator, by stable id."""

from __future__ import annotations

from lineofsight.indicators.catalogue.children_in_need import CHILDREN_IN_NEED
from lineofsight.indicators.catalogue.looked_after import LOOKED_AFTER
from lineofsight.indicators.catalogue.participation import PARTICIPATION
from lineofsight.indicators.catalogue.partner_measures import PARTNER_MEASURES, template_specs
from lineofsight.indicators.catalogue.report_measures import REPORT_MEASURES
from lineofsight.indicators.catalogue.spec import IndicatorSpec

CATALOGUE: dict[str, IndicatorSpec] = {
    spec.id: spec
    for spec in CHILDREN_IN_NEED
    + LOOKED_AFTER
    + REPORT_MEASURES
    + PARTNER_MEASURES
    + PARTICIPATION  # the voice of children and families (issue 17)
}


def get(indicator_id: str) -> IndicatorSpec:
    """The spec of ``indicator_id``; ``KeyError`` naming the id when unknown."""
    try:
        return CATALOGUE[indicator_id]
    except KeyError:
        raise KeyError(f"unknown indicator: {indicator_id}") from None


# Measures in the partner-return template that no spec above reads become indicators with no code
# (catalogue/partner_measures.py ``template_specs``); a declared spec always wins.
CATALOGUE.update((spec.id, spec) for spec in template_specs(CATALOGUE))

__all__ = ["CATALOGUE", "IndicatorSpec", "get"]
