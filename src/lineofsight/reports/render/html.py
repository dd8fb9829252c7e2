"""The report as one self-contained, accessible HTML page (GOV.UK styles inlined)."""

from __future__ import annotations

from pathlib import Path

from django.template.loader import get_template

from lineofsight.reports.content import ReportDocument

CSS = Path(__file__).resolve().parent.parent / "static" / "reports" / "report.css"


def render_html(document: ReportDocument, *, for_print: bool = False) -> str:
    return get_template("reports/document.html").render(
        {"doc": document, "css": CSS.read_text(), "for_print": for_print}
    )
