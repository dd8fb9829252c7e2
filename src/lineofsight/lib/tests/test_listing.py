import pytest
from django import forms
from django.http import HttpResponse
from django.test import RequestFactory

from lineofsight.lib import listing
from lineofsight.lib.exports import CSV_TYPE, XLSX_TYPE
from lineofsight.lib.listing import (
    Export,
    active_filters,
    export_links,
    govuk_pagination,
    list_response,
    query_without,
)

HEADER = ["Number"]


class FilterForm(forms.Form):
    status = forms.CharField(required=False)
    year = forms.IntegerField(required=False)


@pytest.fixture
def rendered(monkeypatch):
    """What list_response would render: (template, context)."""
    seen = {}

    def fake_render(request, template, context):
        seen.update(template=template, context=context)
        return HttpResponse("page")

    monkeypatch.setattr(listing, "render", fake_render)
    return seen


def _export(rows):
    return Export("numbers", HEADER, lambda: ([n] for n in rows))


def test_active_filters_leave_out_empty_values_and_invalid_forms():
    assert active_filters(FilterForm(None)) == {}
    assert active_filters(FilterForm({"status": "open", "year": ""})) == {"status": "open"}
    assert active_filters(FilterForm({"status": "open", "year": "nope"})) == {}


def test_query_without_and_export_links():
    request = RequestFactory().get("/", {"status": "open", "page": "2", "format": "csv"})
    assert query_without(request, "page", "format") == "status=open"
    assert export_links(request) == {
        "csv": "?status=open&format=csv",
        "xlsx": "?status=open&format=xlsx",
    }
    assert export_links(request, param="export")["xlsx"] == "?status=open&format=csv&export=xlsx"


@pytest.mark.parametrize(("fmt", "content_type"), [("csv", CSV_TYPE), ("xlsx", XLSX_TYPE)])
def test_export_is_the_whole_filtered_list(rendered, fmt, content_type):
    request = RequestFactory().get("/", {"export": fmt, "page": "2"})
    rows = list(range(120))
    response = list_response(
        request, "x.html", form=FilterForm(None), rows=rows, export=_export(rows), param="export"
    )
    assert response["Content-Type"] == content_type
    assert 'filename="numbers.' in response["Content-Disposition"]
    if fmt == "csv":
        assert response.content.decode("utf-8-sig").splitlines()[-1] == "119"
    assert not rendered


def test_other_format_parameter_is_not_an_export(rendered):
    request = RequestFactory().get("/", {"export": "csv"})
    list_response(request, "x.html", form=FilterForm(None), rows=[1], export=_export([1]))
    assert rendered["template"] == "x.html"


def test_paginated_page_context(rendered):
    request = RequestFactory().get("/", {"status": "open", "page": "2", "export": "pdf"})
    form = FilterForm(request.GET)
    rows = list(range(120))
    list_response(
        request,
        "x.html",
        form=form,
        rows=rows,
        export=_export(rows),
        param="export",
        context={"today": "now"},
    )
    context = rendered["context"]
    assert context["form"] is form and context["today"] == "now"
    assert list(context["page"]) == list(range(50, 100))
    assert context["count"] == 120
    assert context["query"] == "status=open"
    assert [i["href"] for i in context["pagination"]["items"]] == [
        "?status=open&page=1",
        "?status=open&page=2",
        "?status=open&page=3",
    ]
    assert context["exports"]["csv"] == "?status=open&export=csv"


def test_unpaginated_page_keeps_other_parameters(rendered):
    request = RequestFactory().get("/", {"page": "2", "format": "pdf"})
    list_response(
        request, "x.html", form=FilterForm(None), rows=[1], export=_export([1]), per_page=None
    )
    context = rendered["context"]
    assert "page" not in context and "pagination" not in context
    assert context["query"] == "page=2"


def test_govuk_pagination_single_page_and_edges():
    from django.core.paginator import Paginator

    assert govuk_pagination(Paginator([1, 2], 50).page(1), "") is None
    first = govuk_pagination(Paginator(list(range(60)), 50).page(1), "")
    assert first["next"] == {"href": "?page=2"} and "previous" not in first
    assert first["items"][0] == {"number": 1, "href": "?page=1", "current": True}
