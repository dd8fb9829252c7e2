"""The report as a tagged PDF (PDF/UA-1): contents page with page numbers, the partnership's
name and page numbers in the margins (see ``report.css``, ``@page``)."""

from __future__ import annotations

import logging

from weasyprint import HTML

from lineofsight.reports.content import ReportDocument
from lineofsight.reports.render.html import render_html

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def render_pdf(document: ReportDocument) -> bytes:
    html = render_html(document, for_print=True)
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", uncompressed_pdf=False)
    assert pdf is not None
    return pdf
