"""Streaming XML that refuses DTDs, entities and external references (via ``defusedxml``).

``iter_events`` yields ``(event, element)`` pairs like ``iterparse``; when the document is
unsafe or broken it stops and reports one specific problem instead of raising.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import Element, ParseError
from xml.parsers import expat

import defusedxml.ElementTree as safe_etree
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from lineofsight.formats.problems import ProblemLog
from lineofsight.formats.safe_files import (
    UTF16_BOMS,
    first_bad_utf8,
    looks_binary,
    looks_utf16,
    read_head,
)

Progress = Callable[[int], None]
_CODE = expat.errors.codes  # message -> number


class _CountingReader:
    """A binary file wrapper that reports how many bytes have been read."""

    def __init__(self, handle: IO[bytes], on_read: Progress | None) -> None:
        self._handle = handle
        self._on_read = on_read
        self.done = 0

    def read(self, size: int = -1) -> bytes:
        chunk = self._handle.read(size)
        self.done += len(chunk)
        if self._on_read is not None:
            self._on_read(self.done)
        return chunk


def _line_bytes(path: Path, line: int) -> bytes:
    try:
        with path.open("rb") as handle:
            for number, text in enumerate(handle, start=1):
                if number == line:
                    return text
    except OSError:
        pass
    return b""


def _explain(path: Path, exc: ParseError) -> tuple[str, str, str]:
    """(rule, plain-English message, location) for an expat error."""
    line, column = getattr(exc, "position", (0, 0))
    where = f"line {line}, column {column + 1}"
    code = getattr(exc, "code", None)
    head = read_head(path, 4096)
    if line <= 1 and looks_binary(head) and not head.startswith(UTF16_BOMS):
        if looks_utf16(head):
            return (
                "file.encoding",
                "The file looks like UTF-16 text without a byte-order mark. "
                "Save it as UTF-8 XML and try again.",
                where,
            )
        return (
            "file.binary",
            "The file holds binary data, not XML: check it is the CIN census XML file.",
            where,
        )
    if code == _CODE[expat.errors.XML_ERROR_INVALID_TOKEN]:
        bad = first_bad_utf8(_line_bytes(path, line))
        if bad is not None:
            return (
                "file.encoding",
                f"Line {line} has bytes ({bad[2].hex(' ')}) that are not UTF-8, "
                "as if part of the file was saved as Windows-1252/Latin-1. Export the file "
                "again as UTF-8.",
                where,
            )
    if code in (
        _CODE[expat.errors.XML_ERROR_NO_ELEMENTS],
        _CODE[expat.errors.XML_ERROR_UNCLOSED_TOKEN],
    ):
        if line <= 1 and column == 0:
            return ("xml.no_content", "The file has no XML elements in it.", where)
        return (
            "file.truncated",
            f"The file ends at {where} before the XML is complete: it "
            "looks cut short. Export or upload it again.",
            where,
        )
    if code == _CODE[expat.errors.XML_ERROR_SYNTAX] and line <= 1 and column == 0:
        return (
            "file.wrong_type",
            "The file does not start with XML: it is not a CIN census XML file.",
            where,
        )
    if code == _CODE[expat.errors.XML_ERROR_UNDEFINED_ENTITY]:
        return (
            "xml.entity",
            f"The XML uses an entity that is not defined at {where}. Entities "
            "other than &amp; &lt; &gt; &quot; &apos; are not allowed.",
            where,
        )
    if code in (
        _CODE[expat.errors.XML_ERROR_UNKNOWN_ENCODING],
        _CODE[expat.errors.XML_ERROR_INCORRECT_ENCODING],
    ):
        return (
            "file.encoding",
            "The XML declares an encoding that does not match its bytes or "
            "cannot be read. Export the file as UTF-8.",
            where,
        )
    reason = expat.errors.messages.get(code, str(exc)) if code else str(exc)
    return ("xml.malformed", f"The XML is not well formed at {where}: {reason}.", where)


def iter_events(
    path: Path, log: ProblemLog, on_read: Progress | None = None
) -> Iterator[tuple[str, Element]]:
    """Stream ``start``/``end`` events; on any failure log one problem and stop."""
    try:
        with path.open("rb") as handle:
            reader = _CountingReader(handle, on_read)
            events = safe_etree.iterparse(
                reader,
                events=("start", "end"),
                forbid_dtd=True,
                forbid_entities=True,
                forbid_external=True,
            )
            yield from events
    except DTDForbidden:
        log.error(
            "xml.dtd_forbidden",
            "The XML has a DOCTYPE (DTD) declaration. Returns must not "
            "have one: it can be used to attack the system, so the file was not read.",
        )
    except EntitiesForbidden:
        log.error(
            "xml.entities_forbidden",
            "The XML declares entities, which returns must not "
            "have (they can be used to attack the system), so the file was not read.",
        )
    except ExternalReferenceForbidden:
        log.error(
            "xml.external_reference",
            "The XML refers to an external file or address, which "
            "returns must not do, so the file was not read.",
        )
    except ParseError as exc:
        rule, message, where = _explain(path, exc)
        log.error(rule, message, location=where)
    except (UnicodeError, LookupError) as exc:
        log.error(
            "file.encoding", f"The file's text encoding cannot be read ({exc}). Export it as UTF-8."
        )
    except OSError as exc:
        log.error("file.unreadable", f"The file could not be read: {exc.strerror or exc}.")
    except (ValueError, RecursionError, MemoryError) as exc:
        log.error("xml.malformed", f"The XML could not be read: {type(exc).__name__}.")
