from __future__ import annotations

from lineofsight.formats import detect, read
from lineofsight.formats.tests.builders import child, cin_xml, write, write_903


def test_detect_by_content_not_name(tmp_path):
    assert detect(write(tmp_path, "data.csv", cin_xml())) == "cin_census"
    assert detect(write(tmp_path, "cin.xml", "CHILD,SEX,DOB\n1,1,01/01/2010\n")) == "ssda903"
    assert detect(write(tmp_path, "e.txt", "hello\n")) is None
    assert detect(write(tmp_path, "empty.xml", "")) is None
    assert detect(tmp_path / "missing.xml") is None


def test_grouping_and_progress(tmp_path):
    cin_a = write(tmp_path / "a", "one.xml", cin_xml(child("C1")))
    cin_b = write(tmp_path / "a", "two.xml", cin_xml(child("C2"), year=2025))
    folder = write_903(tmp_path / "903")
    seen: list[tuple[int, int]] = []
    returns = read(
        [tmp_path / "a", folder], progress=lambda done, total: seen.append((done, total))
    )
    assert sorted(r.format for r in returns) == ["cin_census", "cin_census", "ssda903"]
    total = sum(p.stat().st_size for p in [cin_a, cin_b, *folder.iterdir()])
    assert seen[-1] == (total, total)
    assert all(done <= whole for done, whole in seen)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_la_code_argument_and_mismatch(tmp_path):
    [parsed] = read([write(tmp_path, "c.xml", cin_xml(lea="371"))], la_code="370")
    assert parsed.la_code == "371"
    assert [p.rule for p in parsed.problems] == ["cin.la_mismatch"]
