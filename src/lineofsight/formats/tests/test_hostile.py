"""Hostile and broken files: each gives one clear, specific problem and never an exception."""

from __future__ import annotations

import codecs
import os
import zipfile

import pytest

from lineofsight.formats import read
from lineofsight.formats.tests.builders import child, cin_xml, errors, write, write_903

VALID = cin_xml(child("C1"))


@pytest.mark.parametrize(
    ("content", "rule"),
    [
        (VALID.replace("</ChildIdentifiers>", "</ChildIdentifier>"), "xml.malformed"),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE Message [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            "<Message>&xxe;</Message>",
            "xml.dtd_forbidden",
        ),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
            "<Message>&lol2;</Message>",
            "xml.dtd_forbidden",
        ),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE Message SYSTEM "http://example.invalid/cin.dtd">'
            "<Message/>",
            "xml.dtd_forbidden",
        ),
        ("<Message><Children>&undefined;</Children></Message>", "xml.entity"),
        (VALID[: len(VALID) // 2], "file.truncated"),
        ("", "file.empty"),
        ("not xml at all, just words\n", "file.not_recognised"),
        ("<Message><Children></Children></Message><Junk/>", "xml.malformed"),
    ],
)
def test_broken_xml(read_one, content, rule):
    parsed = read_one(content)
    assert errors(parsed) == {rule}
    assert parsed.rejected
    assert all(p.message.endswith(".") or p.message.endswith(")") for p in parsed.problems)


def test_xxe_does_not_leak_file_contents(read_one):
    parsed = read_one(
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        "<Message><Children><Child><ChildIdentifiers><LAchildID>&x;</LAchildID>"
        "</ChildIdentifiers></Child></Children></Message>"
    )
    assert parsed.tables.get("cin_children", []) == []
    assert errors(parsed) == {"xml.dtd_forbidden"}


def test_utf16_xml_with_byte_order_mark_is_read(read_one):
    data = codecs.BOM_UTF16_LE + VALID.replace('encoding="utf-8"', 'encoding="utf-16"').encode(
        "utf-16-le"
    )
    parsed = read_one(data)
    assert parsed.problems == [] and parsed.record_count == 1


def test_utf16_without_byte_order_mark(read_one):
    parsed = read_one(VALID.encode("utf-16-le"))
    [problem] = parsed.problems
    assert problem.rule == "file.encoding" and "UTF-16" in problem.message


def test_latin1_bytes_in_utf8_xml(read_one):
    data = VALID.replace("C1", "C\u00e91").encode("latin-1")
    [problem] = read_one(data).problems
    assert problem.rule == "file.encoding" and "e9" in problem.message
    assert problem.location.startswith("line 2")


def test_wrong_encodings_in_csv(tmp_path):
    folder = write_903(tmp_path)
    header = (folder / "export_0.csv").read_text()
    write(folder, "export_0.csv", header.replace("L1", "L\u00e9").encode("cp1252"))
    [parsed] = read([folder], collection_year=2024)
    [problem] = [p for p in parsed.problems if p.rule == "file.encoding"]
    assert "line 2" in problem.location and "CSV UTF-8" in problem.message
    write(folder, "export_0.csv", header.encode("utf-16"))
    [parsed] = read([folder], collection_year=2024)
    assert "file.encoding" in errors(parsed)


def test_utf8_bom_csv_is_fine(tmp_path):
    folder = write_903(tmp_path)
    path = folder / "export_0.csv"
    path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    [parsed] = read([folder], collection_year=2024)
    assert parsed.problems == []


@pytest.mark.parametrize(
    ("data", "rule"),
    [
        (bytes(range(256)) * 40, "file.binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "file.binary"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "file.wrong_type"),
        (b"PK\x03\x04" + b"\x00" * 100, "file.corrupt_workbook"),
    ],
)
def test_binary_and_wrong_type(read_one, data, rule):
    assert errors(read_one(data, "upload.xml")) == {rule}


def test_truncated_workbook(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "List 1"
    book.save(tmp_path / "a.xlsx")
    data = (tmp_path / "a.xlsx").read_bytes()
    write(tmp_path, "cut.xlsx", data[: len(data) // 2])
    [parsed] = read([tmp_path / "cut.xlsx"])
    assert errors(parsed) == {"file.corrupt_workbook"}


def test_zip_bomb_workbook(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (20 * 1024 * 1024))
    [parsed] = read([path])
    assert errors(parsed) == {"file.zip_bomb"}


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.xml"
    with path.open("wb") as handle:  # a sparse 100 MB file: cheap to make
        handle.truncate(100 * 1024 * 1024)
    opened = []
    monkeypatch.setattr(
        "lineofsight.formats.cin_census.parse_cin_census", lambda *a, **k: opened.append(a)
    )
    [parsed] = read([path], max_bytes=50 * 1024 * 1024)
    assert errors(parsed) == {"file.too_large"} and not opened
    assert "100.0 MB" in parsed.problems[0].message and "50.0 MB" in parsed.problems[0].message


def test_default_limit_is_200_mb(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024 + 1)
    [parsed] = read([path])
    assert errors(parsed) == {"file.too_large"}


def test_element_flood_inside_a_child(read_one):
    flood = "<x/>" * 60_000
    parsed = read_one(
        cin_xml(child("C1").replace("</ChildCharacteristics>", "</ChildCharacteristics>" + flood))
    )
    assert errors(parsed) == {"cin.child_too_large"}


def test_missing_path_and_directory_of_junk(tmp_path):
    write(tmp_path, "junk.bin", os.urandom(64) + b"\x00")
    returns = read([tmp_path / "nope.xml", tmp_path])
    assert [sorted(errors(r)) for r in returns] == [["file.not_found"], ["file.binary"]]


def test_huge_csv_cell_is_a_problem(tmp_path):
    folder = write_903(tmp_path)
    write(folder, "export_2.csv", 'CHILD,DOB,REVIEW,REVIEW_CODE\n"' + "x" * 20_000 + '",,,\n')
    [parsed] = read([folder], collection_year=2024)
    assert "csv.malformed" in errors(parsed)


def test_values_in_problems_are_short_and_printable(read_one):
    long_code = "Z" * 500 + "\x07"
    parsed = read_one(cin_xml(child(ethnicity=long_code)))
    [problem] = parsed.problems
    assert len(problem.value) <= 80 and problem.value.isprintable()


# ---- issue 8 item 12: macro-enabled and DTD-carrying workbooks ----
def _annex_a_parts(tmp_path):
    """The parts of a real, valid Annex A workbook (openpyxl), to tamper with."""
    from datetime import datetime

    from lineofsight.formats.tests.test_annex_a_partner import annex_a, contact

    path = annex_a(tmp_path / "good.xlsx", [contact("K1", datetime(2023, 6, 1))])
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _rebuild(tmp_path, parts, name="renamed.xlsx"):
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return path


def test_a_macro_workbook_renamed_to_xlsx_is_refused(tmp_path):
    parts = _annex_a_parts(tmp_path)
    parts["xl/vbaProject.bin"] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    [parsed] = read([_rebuild(tmp_path, parts)], collection_year=2024)
    assert errors(parsed) == {"file.macro_workbook"}
    assert "macros" in parsed.problems[0].message and parsed.tables.get("contacts") in (None, [])


def test_a_workbook_declaring_macro_content_types_is_refused(tmp_path):
    parts = _annex_a_parts(tmp_path)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml"
    )
    [parsed] = read([_rebuild(tmp_path, parts)], collection_year=2024)
    assert errors(parsed) == {"file.macro_workbook"}


@pytest.mark.parametrize(
    ("part", "declaration"),
    [
        ("xl/workbook.xml", b'<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
        ("xl/worksheets/sheet1.xml", b'<!DOCTYPE s [<!ENTITY lol "lol">]>'),
        ("xl/sharedStrings.xml", b'<!DOCTYPE s SYSTEM "http://example.invalid/x.dtd">'),
    ],
)
def test_a_workbook_with_a_dtd_is_refused_as_hostile(tmp_path, part, declaration):
    parts = _annex_a_parts(tmp_path)
    if part not in parts:
        parts[part] = b'<?xml version="1.0"?><sst/>'
    body = parts[part]
    head, _, rest = body.partition(b"?>")
    parts[part] = head + b"?>" + declaration + rest if rest else declaration + body
    [parsed] = read([_rebuild(tmp_path, parts)], collection_year=2024)
    assert errors(parsed) == {"file.hostile_workbook"}
    assert "no sheets named" not in parsed.problems[0].message
    assert "DTD" in parsed.problems[0].message


def test_a_plain_workbook_still_passes_the_checks(tmp_path):
    [parsed] = read([_rebuild(tmp_path, _annex_a_parts(tmp_path))], collection_year=2024)
    assert parsed.format == "annex_a" and not parsed.rejected
