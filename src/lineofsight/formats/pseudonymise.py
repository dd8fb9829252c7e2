"""Replacing children's identifiers with a keyed pseudonym before anything is stored.

``pseudonym = HMAC-SHA256(key, identifier)`` as hex, cut to 32 characters (128 bits).  The key is
the partnership's secret: with it the same child links across returns and years; without it the
pseudonym cannot be turned back into the identifier.  UPN, names and postcodes are never put in
the tables at all, so only ``child_id`` needs replacing.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import hmac
import re
from collections.abc import Callable, Iterable

from lineofsight.formats.problems import Parsed, Problem

PSEUDONYM_CHARS = 32
MIN_KEY_BYTES = 16
IDENTIFIER_FIELDS = frozenset(
    {"LAchildID", "UPN", "FormerUPN", "CHILD", "child unique id", "Child Unique ID", "child_id"}
)


def pseudonym(identifier: str, key: bytes) -> str:
    """The pseudonym of one raw identifier (surrounding spaces ignored)."""
    digest = hmac.new(key, identifier.strip().encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:PSEUDONYM_CHARS]


def pseudonymise(parsed: Parsed, key: bytes) -> Parsed:
    """A copy of ``parsed`` whose tables and problems carry pseudonyms, not identifiers."""
    if not isinstance(key, bytes | bytearray) or len(key) < MIN_KEY_BYTES:
        raise ValueError(f"the pseudonymisation key must be at least {MIN_KEY_BYTES} bytes")
    if parsed.pseudonymised:
        return dataclasses.replace(parsed)
    cache: dict[str, str] = {}

    def swap(raw: object) -> object:
        if raw is None:
            return None
        text = str(raw)
        if text not in cache:
            cache[text] = pseudonym(text, bytes(key))
        return cache[text]

    tables = {
        name: [
            row | {"child_id": swap(row["child_id"])} if "child_id" in row else dict(row)
            for row in rows
        ]
        for name, rows in parsed.tables.items()
    }
    known = frozenset(_identifiers(parsed))
    problems = [_problem(problem, swap, known) for problem in parsed.problems]
    return dataclasses.replace(parsed, tables=tables, problems=problems, pseudonymised=True)


# A word that could be an identifier: not the number after "row", "line", "column" or "number"
# (a child whose identifier is "12" must not turn "row 12" into a pseudonym).
_TOKEN = re.compile(r"(?<!row )(?<!line )(?<!column )(?<!number )[A-Za-z0-9_.\-]+")


def _identifiers(parsed: Parsed) -> set[str]:
    """Every raw child identifier the return holds: in its tables and named by its problems."""
    found: set[str] = set()
    for rows in parsed.tables.values():
        found.update(str(row["child_id"]).strip() for row in rows if row.get("child_id"))
    for problem in parsed.problems:
        if problem.child:
            found.add(problem.child.strip())
        if problem.field in IDENTIFIER_FIELDS and problem.value:
            found.add(problem.value.strip())
    found.discard("")
    return found


def hide_identifiers(text: str, known: Iterable[str], swap: Callable[[object], object]) -> str:
    """``text`` with each known identifier (a whole word) replaced by its pseudonym."""
    ids = known if isinstance(known, set | frozenset) else set(known)
    if not text or not ids:
        return text
    hidden = _TOKEN.sub(lambda m: str(swap(m.group())) if m.group() in ids else m.group(), text)
    for raw in _not_single_words(frozenset(ids)):  # identifiers with spaces or punctuation
        if raw in hidden:
            hidden = hidden.replace(raw, str(swap(raw)))
    return hidden


@functools.lru_cache(maxsize=8)
def _not_single_words(ids: frozenset[str]) -> tuple[str, ...]:
    """The identifiers ``_TOKEN`` cannot match whole (worked out once per return)."""
    return tuple(raw for raw in ids if not _TOKEN.fullmatch(raw))


def _problem(problem: Problem, swap: Callable[[object], object], known: frozenset[str]) -> Problem:
    """The problem with every identifier it carries (child, location, value, message) hidden."""
    changes: dict[str, object] = {
        "location": hide_identifiers(problem.location, known, swap),
        "message": hide_identifiers(problem.message, known, swap),
        "value": hide_identifiers(problem.value, known, swap),
    }
    if problem.child is not None:
        changes["child"] = str(swap(problem.child.strip()))
    if problem.field in IDENTIFIER_FIELDS and problem.value:
        changes["value"] = "(identifier removed)"
    return dataclasses.replace(problem, **changes)  # type: ignore[arg-type]
