"""Guards every file passes before a parser sees it: size, type and encoding.

Each guard reports through a ``ProblemLog`` and returns a plain value or ``None``; none raises.
"""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

from lineofsight.formats.problems import ProblemLog

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 5_000
MAX_ZIP_RATIO = 200  # uncompressed / compressed: past this a workbook is treated as a zip bomb
HEAD_BYTES = 64 * 1024

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary .xls / .doc
ZIP_MAGIC = b"PK\x03\x04"


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def check_size(path: Path, log: ProblemLog, max_bytes: int = DEFAULT_MAX_BYTES) -> int | None:
    """The file's size if it can be read at all and is within ``max_bytes``; else ``None``."""
    try:
        if not path.is_file():
            log.error("file.not_a_file", "This is not a file that can be read.", value=str(path))
            return None
        size = path.stat().st_size
    except OSError as exc:
        log.error("file.unreadable", f"The file could not be opened: {exc.strerror or exc}.")
        return None
    if size == 0:
        log.error("file.empty", "The file is empty (0 bytes). Export the return again.")
        return None
    if size > max_bytes:
        log.error(
            "file.too_large",
            f"The file is {megabytes(size)}, over the {megabytes(max_bytes)} limit. "
            "Check it is the right file; split it or ask an administrator to raise the limit.",
            value=str(size),
        )
        return None
    return size


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The first ``size`` bytes of a file, or ``b""`` if it cannot be read."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def looks_binary(head: bytes) -> bool:
    """True for bytes that are not text in any encoding a return is written in."""
    if head.startswith(UTF16_BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head[:4096] if byte < 9 or 13 < byte < 32)
    return controls > 8


def looks_utf16(head: bytes) -> bool:
    """True for text saved as UTF-16 (with or without a byte-order mark)."""
    if head.startswith(UTF16_BOMS):
        return True
    sample = head[:200]
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    return (
        max(even.count(0) / len(even), odd.count(0) / len(odd)) > 0.9
        and min(even.count(0), odd.count(0)) == 0
    )


def first_bad_utf8(data: bytes) -> tuple[int, int, bytes] | None:
    """(line, column, bad bytes) of the first byte sequence that is not UTF-8, or ``None``."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return line, column, data[exc.start : exc.end]
    return None


def decode_text(data: bytes, log: ProblemLog) -> str | None:
    """CSV bytes as text: UTF-8 with or without a byte-order mark; anything else is a problem."""
    if looks_utf16(data[:HEAD_BYTES]):
        log.error(
            "file.encoding",
            "The file is saved as UTF-16 (Unicode text). Save it as 'CSV UTF-8' and try again.",
        )
        return None
    if looks_binary(data[:HEAD_BYTES]):
        log.error(
            "file.binary",
            "The file holds binary data, not text: it is not a CSV file (check the file type).",
        )
        return None
    bad = first_bad_utf8(data)
    if bad is not None:
        line, column, raw = bad
        log.error(
            "file.encoding",
            f"The file is not UTF-8: line {line}, character {column} has the byte(s) "
            f"{raw.hex(' ')}, "
            "which is how Windows-1252/Latin-1 text looks. Save it as 'CSV UTF-8' and try again.",
            location=f"line {line}, column {column}",
            value=raw.hex(" "),
        )
        return None
    return data.decode("utf-8-sig")


def check_workbook_zip(path: Path, log: ProblemLog, max_bytes: int) -> bool:
    """True if ``path`` is a zip whose contents are a plausible, bounded .xlsx workbook."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            unpacked = sum(entry.file_size for entry in entries)
            packed = sum(entry.compress_size for entry in entries) or 1
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        log.error(
            "file.corrupt_workbook",
            f"The workbook cannot be opened ({exc}); it may be cut short or damaged. "
            "Save it again from Excel as .xlsx.",
        )
        return False
    if "xl/workbook.xml" not in names:
        log.error(
            "file.wrong_type",
            "This is a zip file but not an Excel .xlsx workbook.",
        )
        return False
    if (
        len(entries) > MAX_ZIP_ENTRIES
        or unpacked > 5 * max_bytes
        or unpacked / packed > MAX_ZIP_RATIO
    ):
        log.error(
            "file.zip_bomb",
            f"The workbook unpacks to {megabytes(unpacked)} from {megabytes(packed)}, which is "
            "far more than a real return: it was not opened.",
            value=str(unpacked),
        )
        return False
    return _no_macros(names, log) and _no_dtd(path, entries, log)


MACRO_CONTENT_TYPES = (b"macroenabled", b"vbaproject", b"ms-office.activex", b"ms-excel.addin")
PROLOGUE_BYTES = 64 * 1024  # a DTD must come before the root element, so near the start


def _refuse_macros(log: ProblemLog) -> bool:
    log.error(
        "file.macro_workbook",
        "This workbook contains macros (VBA code): it was not opened. Macro-enabled "
        "workbooks (.xlsm) are refused even when renamed to .xlsx. Copy the sheets into a "
        "new workbook and save it as 'Excel Workbook (.xlsx)'.",
    )
    return False


def _no_macros(names: set[str], log: ProblemLog) -> bool:
    """False (with a problem) for a workbook holding a VBA project, whatever its name says."""
    if any(n.lower().rsplit("/", 1)[-1].startswith("vbaproject") for n in names):
        return _refuse_macros(log)
    return True


def _no_dtd(path: Path, entries: list[zipfile.ZipInfo], log: ProblemLog) -> bool:
    """False (with a problem) if any XML part of the workbook declares a DTD or entities, or
    names macro content types (hostile or macro-enabled, whatever the sheet names are)."""
    try:
        return _scan_parts(path, entries, log)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        log.error(
            "file.corrupt_workbook",
            f"The workbook cannot be opened ({exc}); it may be cut short or damaged. "
            "Save it again from Excel as .xlsx.",
        )
        return False


MEDIA_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".emf", ".wmf", ".tif", ".tiff", ".bmp")


def _scan_parts(path: Path, entries: list[zipfile.ZipInfo], log: ProblemLog) -> bool:
    with zipfile.ZipFile(path) as archive:
        for entry in entries:
            if entry.is_dir() or entry.filename.lower().endswith(MEDIA_SUFFIXES):
                continue
            with archive.open(entry) as part:
                start = part.read(PROLOGUE_BYTES)
            folded = start.replace(b"\x00", b"").lower()  # UTF-16 parts too
            if b"<!doctype" in folded or b"<!entity" in folded:
                log.error(
                    "file.hostile_workbook",
                    f"The workbook part '{entry.filename[:60]}' declares a DTD or entities "
                    "(<!DOCTYPE or <!ENTITY), which Excel never writes and which are used to "
                    "attack systems: the workbook was refused. Save it again from Excel as .xlsx.",
                )
                return False
            if entry.filename == "[Content_Types].xml" and any(
                t in folded for t in MACRO_CONTENT_TYPES
            ):
                return _refuse_macros(log)
    return True
