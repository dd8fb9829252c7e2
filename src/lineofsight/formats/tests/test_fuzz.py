"""Mutated returns (bytes and structure) always give Problems, never an exception."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lineofsight.formats import Parsed, Problem, read
from lineofsight.formats.tests.builders import (
    VALID_903,
    child,
    cin_xml,
    csv_text,
    full_episode,
    sex_2025,
)

CIN = cin_xml(child("C1"), child("C2", sex=sex_2025(), episodes=(full_episode(),))).encode()
EPISODES = csv_text("Episodes", VALID_903["Episodes"]).encode()
PARTNER = (
    b"agency_code,measure_id,period_start,period_end,value,breakdown\n"
    b"SYP,idva_referrals,2024-04-01,2024-06-30,3,\n"
)
TAGS = sorted(set(re.findall(rb"<([A-Za-z0-9]+)>", CIN)))
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def byte_mutation(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "duplicate"]))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 40))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=20))
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
    return bytes(data)


@st.composite
def structure_mutation(draw: st.DrawFn) -> bytes:
    text = CIN
    for _ in range(draw(st.integers(1, 3))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.sampled_from(["drop", "rename", "text", "repeat"]))
        pattern = re.compile(rb"<" + tag + rb">.*?</" + tag + rb">", re.S)
        found = list(pattern.finditer(text))
        if not found:
            continue
        match = found[draw(st.integers(0, len(found) - 1))]
        if kind == "drop":
            piece = b""
        elif kind == "rename":
            piece = match[0].replace(tag, draw(st.sampled_from(TAGS)))
        elif kind == "text":
            value = draw(
                st.text(alphabet=st.characters(codec="utf-8", exclude_characters="<&"), max_size=30)
            ).encode()
            piece = b"<" + tag + b">" + value + b"</" + tag + b">"
        else:
            piece = match[0] * 2
        text = text[: match.start()] + piece + text[match.end() :]
    return text


def check(name: str, data: bytes, extra: dict[str, bytes] | None = None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, name).write_bytes(data)
        for other, content in (extra or {}).items():
            Path(folder, other).write_bytes(content)
        returns = read([Path(folder)], collection_year=2024)
    assert returns and all(isinstance(parsed, Parsed) for parsed in returns)
    for parsed in returns:
        assert all(isinstance(problem, Problem) for problem in parsed.problems)
        assert "internal.unexpected" not in {problem.rule for problem in parsed.problems}
        assert parsed.rejected == any(p.severity == "error" for p in parsed.problems)


@FUZZ
@given(byte_mutation(CIN))
def test_cin_byte_mutations(data: bytes) -> None:
    check("cin.xml", data)


@FUZZ
@given(structure_mutation())
def test_cin_structure_mutations(data: bytes) -> None:
    check("cin.xml", data)


@FUZZ
@given(byte_mutation(EPISODES))
def test_903_byte_mutations(data: bytes) -> None:
    check("episodes.csv", data, {"header.csv": csv_text("Header", VALID_903["Header"]).encode()})


@FUZZ
@given(byte_mutation(PARTNER))
def test_partner_byte_mutations(data: bytes) -> None:
    check("partner.csv", data)


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    check("upload.dat", data)
