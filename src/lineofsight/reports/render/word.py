"""The report as a Word document: real headings, a contents list with page numbers (fields
that Word and LibreOffice lay out), tables with a repeating header row, charts as PNG pictures
(the same SVG, rendered by CairoSVG) with alt text, page numbers and the partnership's name in
the header."""

from __future__ import annotations

import io

import cairosvg
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from lineofsight.reports.content import (
    Bullets,
    ChartBlock,
    Paragraph,
    ReportDocument,
    Subheading,
    TableBlock,
)

CHART_WIDTH = Cm(16)
LONG_ROWS = 25  # a table with more rows than this may break across pages (as in the PDF)
PAGE_TEXT_WIDTH = Cm(17.4)  # A4 less 1.8 cm margins


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _field_char(parent, kind: str) -> None:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        char.set(qn("w:dirty"), "true")  # Word recomputes it when the document opens
    run.append(char)
    parent.append(run)


def _instruction(parent, text: str) -> None:
    _text_run(parent, f" {text} ", tag="w:instrText")


def _text_run(parent, text: str, tag: str = "w:t") -> None:
    """A run holding ``text`` as it is (spaces kept): plain text, or a field's instruction."""
    run = OxmlElement("w:r")
    element = OxmlElement(tag)
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run.append(element)
    parent.append(run)


def _bookmark(paragraph, name: str, number: int) -> None:
    """A bookmark round a heading's text: the target of its contents entry and page number."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    first_run = paragraph._p.find(qn("w:r"))
    if first_run is None:
        paragraph._p.append(start)
    else:
        first_run.addprevious(start)
    paragraph._p.append(end)


def bookmark_name(number: int) -> str:
    """Word's own form for contents targets (``_Toc`` and digits): a leading underscore keeps
    the bookmark out of the reader's list of bookmarks."""
    return f"_Toc{100000000 + number}"


def _contents(document, entries: list[tuple[str, str]]) -> None:
    """The contents: one line per section, its title linked to the heading and its page number
    a ``PAGEREF`` field to a bookmark round the heading, after a dotted leader.

    Not a ``TOC`` field: LibreOffice shows a ``TOC`` field's stored text as it is (so the page
    numbers would have to be worked out here, which needs a layout engine), whereas it lays out
    a ``PAGEREF`` as it opens the file.  Word updates the ``PAGEREF`` fields as it opens the
    file (``w:updateFields`` in the settings, and each field marked dirty).  ``entries``:
    (title, bookmark)."""
    heading = document.add_paragraph("Contents", style="TOC Heading")
    heading.paragraph_format.keep_with_next = True
    style = _toc_style(document)
    for title, bookmark in entries:
        paragraph = document.add_paragraph(style=style)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), bookmark)
        link.set(qn("w:history"), "1")
        paragraph._p.append(link)
        _text_run(link, title)
        tab = OxmlElement("w:r")
        tab.append(OxmlElement("w:tab"))
        link.append(tab)
        _field_char(link, "begin")
        _instruction(link, f"PAGEREF {bookmark} \\h")
        _field_char(link, "separate")
        _text_run(link, "")  # the field's result: laid out by the reader
        _field_char(link, "end")


def _toc_style(document):
    """Word's "TOC 1" style (its contents' style): a dotted leader to the page number at the
    right margin."""
    styles = document.styles
    if "TOC 1" in [s.name for s in styles]:
        return styles["TOC 1"]
    style = styles.add_style("TOC 1", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.paragraph_format.space_after = Pt(4)
    style.paragraph_format.tab_stops.add_tab_stop(
        PAGE_TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
    )
    return style


def _update_fields_on_open(document) -> None:
    """``w:updateFields`` in settings.xml: Word updates the contents and page references when
    the file is opened (after asking)."""
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    compat = settings.find(qn("w:compat"))  # the schema's order: updateFields comes before it
    if compat is not None:
        compat.addprevious(update)
    else:
        settings.append(update)


def _table(document, block: TableBlock | ChartBlock) -> None:
    table, shown = block.table, block.published
    assert shown is not None
    caption = document.add_paragraph(table.title, style="Caption")
    caption.paragraph_format.keep_with_next = True
    caption.paragraph_format.space_before = Pt(12)  # not read as the previous table's note
    grid = document.add_table(rows=1, cols=len(table.columns) + 1)
    grid.style = "Table Grid"
    header = grid.rows[0]
    row_props = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row_props.append(repeat)
    for index, text in enumerate([table.row_header, *table.columns]):
        cell = header.cells[index]
        cell.text = text
        if index:  # figures' headers sit over the figures, on the right (as in the PDF)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for label, values in zip(table.row_labels, shown.shown, strict=True):
        cells = grid.add_row().cells
        cells[0].text = label
        for index, value in enumerate(values, start=1):
            cells[index].text = value
            cells[index].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _fit(grid, len(table.columns))
    if table.note:  # plain small text: the caption style is the tables' titles
        note = document.add_paragraph()
        note.paragraph_format.space_before = Pt(3)
        note.add_run(table.note).font.size = Pt(9)


def _fit(grid, columns: int) -> None:
    """A wide first column for labels (narrow when there are many figure columns), the rest
    shared out; small type so that a year of months fits across the page."""
    grid.autofit = False
    first = Cm(1.9)
    if columns <= 6:  # long labels beside one or two figures (child deaths' measures): room
        first = Cm(max(5.5, min(11.0, PAGE_TEXT_WIDTH.cm - columns * 3.0)))
    other = int((PAGE_TEXT_WIDTH - first) / max(columns, 1))
    for index, column in enumerate(grid.columns):  # the grid LibreOffice lays out by
        column.width = first if index == 0 else other
    rows = list(grid.rows)
    for number, row in enumerate(rows, start=1):
        for index, cell in enumerate(row.cells):
            cell.width = first if index == 0 else other
            for paragraph in cell.paragraphs:
                # a table that fits on a page stays on one; a longer one keeps its first rows
                # with its caption and header and then breaks where it must
                paragraph.paragraph_format.keep_with_next = number < min(len(rows), LONG_ROWS)
                for run in paragraph.runs:
                    run.font.size = Pt(8 if columns > 6 else 9)


def _chart(document, block: ChartBlock) -> None:
    png = cairosvg.svg2png(bytestring=block.svg.encode(), output_width=1440)
    document.add_picture(io.BytesIO(png), width=CHART_WIDTH)
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    picture = document.inline_shapes[-1]
    properties = picture._inline.docPr
    properties.set("descr", block.description)
    properties.set("title", block.table.title)
    description = document.add_paragraph(block.description, style="Caption")
    description.paragraph_format.keep_with_next = True


def render_docx(doc: ReportDocument) -> bytes:
    document = Document()
    document.core_properties.title = doc.title
    document.core_properties.author = doc.partnership
    document.core_properties.language = "en-GB"
    styles = document.styles
    styles["Normal"].font.name = "Arial"
    styles["Normal"].font.size = Pt(11)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.8)
    head = section.header.paragraphs[0]
    head.text = f"{doc.partnership} - {doc.period_label} ({doc.edition} edition)"
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot.add_run("Page ")
    _field(foot, "PAGE")
    foot.add_run(" of ")
    _field(foot, "NUMPAGES")

    document.add_heading(doc.title, level=0)
    document.add_paragraph(f"{doc.period_text}. Generated by Line of Sight on {doc.generated_at}.")
    if doc.edition == "published":
        document.add_paragraph(
            "Published edition. To protect children's privacy, any count from 1 to 5 is shown "
            "as c, and other figures are also shown as c where they would let a suppressed "
            "count be worked out (the Department for Education's rule for its children in need "
            "statistics). 0 means none; : means not available."
        )
    else:
        document.add_paragraph(
            "Internal edition: not for publication. Every figure is shown in full."
        )
    _contents(
        document,
        [(item.title, bookmark_name(number)) for number, item in enumerate(doc.sections, start=1)],
    )
    _update_fields_on_open(document)
    for number, item in enumerate(doc.sections, start=1):
        heading = document.add_heading(item.title, level=1)
        heading.paragraph_format.page_break_before = True
        _bookmark(heading, bookmark_name(number), number)
        document.add_heading("What does the information tell us?", level=2)
        for block in item.information:
            if isinstance(block, Paragraph):
                document.add_paragraph(block.text)
            elif isinstance(block, Bullets):
                for text in block.items:
                    document.add_paragraph(text, style="List Bullet")
            elif isinstance(block, Subheading):
                document.add_heading(block.text, level=3)
            elif isinstance(block, ChartBlock):
                _chart(document, block)
                _table(document, block)
            elif isinstance(block, TableBlock):
                _table(document, block)
        if item.narrative is not None:
            for title, text in (
                ("What has been done?", item.narrative.done),
                ("What next?", item.narrative.next),
                ("Impact", item.narrative.impact),
            ):
                document.add_heading(title, level=2)
                for para in (text or "Not recorded.").split("\n\n"):
                    document.add_paragraph(para)
        elif doc.edition == "internal":
            document.add_paragraph(
                f"No narrative has been written for this period yet ({item.owner})."
            )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
