"""Replacing children's identifiers with a keyed pseudonym before anything is stored.

``pseudonym = HMAC-SHA256(key, identifier)`` as hex, cut to 32 characters (128 bits).  The key is
the partnership's secret: with it the same child links across returns and years; without it the
pseudonym cannot be turned back into the identifier.  UPN, names and postcodes are never put in
the tables at all, so only ``child_id`` needs replacing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
from collections.abc import Callable

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
    problems = [_problem(problem, swap) for problem in parsed.problems]
    return dataclasses.replace(parsed, tables=tables, problems=problems, pseudonymised=True)


def _problem(problem: Problem, swap: Callable[[object], object]) -> Problem:
    if problem.child is None and problem.field not in IDENTIFIER_FIELDS:
        return problem
    changes: dict[str, object] = {}
    if problem.child is not None:
        hidden = str(swap(problem.child))
        changes["child"] = hidden
        changes["location"] = problem.location.replace(problem.child, hidden)
        if problem.child in problem.value:
            changes["value"] = problem.value.replace(problem.child, hidden)
    if problem.field in IDENTIFIER_FIELDS and problem.value:
        changes["value"] = "(identifier removed)"
    return dataclasses.replace(problem, **changes)  # type: ignore[arg-type]
