"""Renderers: one report document to HTML, a tagged PDF (WeasyPrint, PDF/UA-1) or Word."""

from __future__ import annotations

from lineofsight.reports.content import ReportDocument

FORMATS = ("html", "pdf", "docx")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def render(document: ReportDocument, fmt: str) -> bytes:
    if fmt == "html":
        from lineofsight.reports.render.html import render_html

        return render_html(document).encode()
    if fmt == "pdf":
        from lineofsight.reports.render.pdf import render_pdf

        return render_pdf(document)
    if fmt == "docx":
        from lineofsight.reports.render.word import render_docx

        return render_docx(document)
    raise ValueError(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
