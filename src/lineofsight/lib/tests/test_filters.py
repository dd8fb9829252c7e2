import datetime as dt

import pytest

from lineofsight.lib.filters import filtered, reporting_year_span
from lineofsight.partnership.models import Agency


def test_a_reporting_year_span_is_april_to_march_or_none():
    assert reporting_year_span(2020) == (dt.date(2020, 4, 1), dt.date(2021, 3, 31))
    assert reporting_year_span(None) is None


@pytest.mark.django_db
def test_only_the_filters_given_are_applied(agency, other_agency):
    rows = Agency.objects.filter(pk__in=[agency.pk, other_agency.pk])
    assert filtered(rows, code="", kind=None) is rows
    assert list(filtered(rows, code=agency.code, kind=None)) == [agency]
    assert list(filtered(rows, code=agency.code, kind=other_agency.kind)) == []
