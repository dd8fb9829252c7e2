"""The Word file's contents: one line per section heading, each linked to a bookmark round that
heading with its page number as a PAGEREF field, and Word told to update fields on opening."""

import io

from docx import Document
from docx.oxml.ns import qn

from lineofsight.reports.content import Paragraph, ReportDocument, SectionContent
from lineofsight.reports.render.word import render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _document():
    sections = [
        SectionContent("early_help", "Early help", [Paragraph("Early help text.")]),
        SectionContent("front_door", "Front door", [Paragraph("Front door text.")]),
        SectionContent("lado", "Allegations (LADO)", [Paragraph("LADO text.")]),
    ]
    return ReportDocument(
        partnership="Example Partnership",
        title="Example Partnership: annual report 2020-21",
        kind="annual",
        period_label="2020-21",
        period_text="1 April 2020 to 31 March 2021",
        edition="internal",
        sections=sections,
        generated_at="1 May 2021 at 10:00",
    )


def test_the_contents_lists_every_section_heading_with_a_page_reference_to_it():
    word = Document(io.BytesIO(render_docx(_document())))
    entries = [p for p in word.paragraphs if p.style.name == "TOC 1"]
    headings = [p for p in word.paragraphs if p.style.name == "Heading 1"]
    assert [h.text for h in headings] == ["Early help", "Front door", "Allegations (LADO)"]
    assert [e.text.strip() for e in entries] == [h.text for h in headings]
    for entry, heading in zip(entries, headings, strict=True):
        marks = heading._p.findall(qn("w:bookmarkStart"))
        assert len(marks) == 1
        name = marks[0].get(qn("w:name"))
        link = entry._p.find(qn("w:hyperlink"))
        assert link.get(qn("w:anchor")) == name
        instructions = [t.text.strip() for t in entry._p.iter(f"{W}instrText")]
        assert instructions == [f"PAGEREF {name} \\h"]
        kinds = [c.get(qn("w:fldCharType")) for c in entry._p.iter(f"{W}fldChar")]
        assert kinds == ["begin", "separate", "end"]
    names = [h._p.find(qn("w:bookmarkStart")).get(qn("w:name")) for h in headings]
    assert len(set(names)) == 3


def test_word_is_told_to_update_the_page_numbers_when_the_file_opens():
    word = Document(io.BytesIO(render_docx(_document())))
    settings = word.settings.element
    update = settings.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    children = [child.tag for child in settings]
    # the schema's order (Word refuses a settings part out of order): before w:compat
    assert children.index(qn("w:updateFields")) < children.index(qn("w:compat"))
