"""The published edition shows no count of 1 to 5 and lets none be worked out: every table and
chart of every published report (annual and quarterly, every format), from every registered
section (the reports app's own and those of child deaths, governance, scrutiny, voice, LADO and
training), is checked."""

import io
import re
import zlib

import pytest
from docx import Document

from lineofsight.disclosure import disclosure_problems
from lineofsight.reports.assemble import build
from lineofsight.reports.content import ChartBlock, TableBlock
from lineofsight.reports.registry import sections
from lineofsight.reports.render import render

# sections other apps register: each must put tables in the annual report checked below
MODULE_SECTIONS = {"child_deaths", "governance", "scrutiny", "voice", "lado", "training"}


def published_documents(partnership):
    return [
        build(partnership, "annual", "2020-21", "published"),
        build(partnership, "quarterly", "2020Q4", "published"),
    ]


@pytest.mark.django_db
def test_every_table_and_chart_of_every_published_report_is_safe(whole_borough):
    suppressed = 0
    with_tables: dict[str, set[str]] = {}
    for document in published_documents(whole_borough):
        assert [s.key for s in document.sections] == [s.key for s in sections(document.kind)]
        with_tables[document.kind] = {
            section.key
            for section in document.sections
            for block in section.information
            if isinstance(block, TableBlock | ChartBlock)
        }
        blocks = document.tables()
        assert len(blocks) > 10, document.title
        for block in blocks:
            assert disclosure_problems(block.published) == []
            suppressed += len(block.published.suppressions)
            if isinstance(block, ChartBlock):
                for position in block.published.hidden:
                    assert block.published.value(position) is None  # no point drawn
        html = render(document, "html").decode()
        _assert_rendered_tables_match(document, _html_tables(html))
        word = Document(io.BytesIO(render(document, "docx")))
        _assert_rendered_tables_match(
            document,
            [[[cell.text for cell in row.cells[1:]] for row in t.rows[1:]] for t in word.tables],
        )
    assert suppressed > 0  # the small synthetic borough has small numbers: the rule bit
    assert MODULE_SECTIONS <= with_tables["annual"]
    assert {"lado", "training"} <= with_tables["quarterly"]


def _html_tables(html):
    tables = []
    for table in re.findall(r"<table>.*?</table>", html, re.S):
        rows = re.findall(r"<tr><th scope=\"row\">.*?</th>(.*?)</tr>", table, re.S)
        tables.append([re.findall(r"<td class=\"num\">(.*?)</td>", row) for row in rows])
    return tables


def _assert_rendered_tables_match(document, rendered):
    """What the format shows is exactly what disclosure control decided, table by table."""
    expected = [block.published.shown for block in document.tables()]
    assert len(rendered) == len(expected)
    for shown, got in zip(expected, rendered, strict=True):
        assert [[value.replace("&#34;", '"') for value in row] for row in got] == shown


@pytest.mark.django_db
def test_internal_edition_shows_small_counts_the_published_one_hides(borough):
    internal = build(borough, "annual", "2020-21", "internal")
    published = build(borough, "annual", "2020-21", "published")
    small = [
        (i, position)
        for i, block in enumerate(internal.tables())
        for position in block.table.positions()
        if block.table.cell(position).kind == "count"
        and 1 <= (block.table.cell(position).count or 0) <= 5
    ]
    assert small, "expected small counts in the small synthetic borough"
    for index, (row, column) in small:
        assert internal.tables()[index].published.shown[row][column] not in ("c",)
        assert published.tables()[index].published.shown[row][column] == "c"


@pytest.mark.django_db
def test_regenerating_from_the_same_inputs_gives_the_same_figures(borough):
    first = build(borough, "annual", "2020-21", "published")
    second = build(borough, "annual", "2020-21", "published")
    assert first.inputs == second.inputs
    assert first.inputs["compute_run"] and first.inputs["indicator_definitions"]
    assert [b.published.shown for b in first.tables()] == [
        b.published.shown for b in second.tables()
    ]


@pytest.mark.django_db
def test_the_pdf_is_tagged_pdf_ua(borough):
    document = build(borough, "annual", "2020-21", "published", only=["case_reviews"])
    pdf = render(document, "pdf")
    assert pdf.startswith(b"%PDF")
    text = _inflated(pdf)
    assert b"/StructTreeRoot" in text and b"/MarkInfo" in text and b"/Lang" in text
    assert b"pdfuaid" in text  # PDF/UA identification in the XMP metadata
    assert text.count(b"/TH") >= 2  # table headers are tagged


def _inflated(pdf):
    """The PDF with its compressed streams (object streams included) inflated, to search."""
    text = bytearray(pdf)
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            text += zlib.decompress(match.group(1))
        except zlib.error:
            continue
    return bytes(text)
