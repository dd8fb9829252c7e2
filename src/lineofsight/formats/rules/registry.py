"""The catalogue of DfE validation rules: one entry per rule, with its code, wording and severity.

Every DfE rule this project checks is registered here, whether its check is a function in
``formats/rules/cin/`` or ``formats/rules/ssda903/`` (``@rule``) or a field check the parser makes
while it reads (``inline``, mapped from the parser's own rule name and field by ``LEGACY``).  A
problem raised by a registered rule carries the DfE code in ``Problem.code`` and the rule's
severity: codes ending in Q are queries (``warning``: the analyst sees them and may accept the
return), every other code is an error (the return is rejected, as the DfE would reject it).

A rule the DfE changed between collection years has one version per span of years (``VERSIONS``),
each with that span's wording and check: a return is checked with the versions of its own
collection year (``version``, ``checks``).  ``RULES`` holds the 2024-25 version of each rule (or
the latest, for rules not in 2024-25).

``docs/validation.md`` is generated from this registry and the public validators' rule lists
(``scripts/validation_table.py``); the years a rule applies to are collection years (2025 is
2024-25).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from lineofsight.formats.problems import Problem, Severity

Family = Literal["cin", "ssda903"]
FIRST_YEAR, LAST_YEAR = 2024, 2026  # the rule sets covered: 2023-24, 2024-25, 2025-26
ALL_YEARS = frozenset(range(FIRST_YEAR, LAST_YEAR + 1))


def years(first: int = FIRST_YEAR, last: int = LAST_YEAR) -> frozenset[int]:
    return frozenset(range(first, last + 1))


@dataclass(frozen=True)
class Rule:
    family: Family
    code: str  # the DfE code, e.g. "1510" or "8525Q"
    description: str  # the DfE's wording
    years: frozenset[int]  # collection years the rule applies to
    implementation: str  # "module.function" of the check, or the parser's field check
    check: Callable[..., None] | None = None  # None for checks made by the parser
    scope: str = "child"  # "child": check(child, run) per child; "return": check(run) once

    @property
    def severity(self) -> Severity:
        return "warning" if self.code.endswith("Q") else "error"

    @property
    def kind(self) -> str:
        return "query" if self.code.endswith("Q") else "error"

    def applies(self, year: int | None) -> bool:
        return year is None or clamp(year) in self.years


REFERENCE_YEAR = 2025  # the version RULES holds: 2024-25, the year docs/validation.md is built on
RULES: dict[tuple[str, str], Rule] = {}
VERSIONS: dict[tuple[str, str], list[Rule]] = {}  # every version of each rule, oldest first
_CHECKS: dict[tuple[str, int | None], list[Rule]] = {}  # checks() by (family, year)
# (family, parser rule name, field or "") -> DfE code, for checks the parsers make while reading
LEGACY: dict[tuple[str, str, str], str] = {}


def clamp(year: int) -> int:
    """The rule-set year used for ``year``: the nearest one covered."""
    return min(max(year, FIRST_YEAR), LAST_YEAR)


def register(rule: Rule) -> Rule:
    """Add ``rule``.  A rule checked partly by the parser and partly by a function is one entry
    for the years the function covers (the parser's check stays on its own for other years);
    versions of one code for different years sit side by side.  Returns the entry made."""
    key = (rule.family, rule.code)
    versions = VERSIONS.setdefault(key, [])
    for index, old in enumerate(versions):
        shared = old.years & rule.years
        if not shared:
            continue
        if (old.check is None) == (rule.check is None):
            raise ValueError(f"rule {rule.family} {rule.code} is registered twice for a year")
        checked, parser = (rule, old) if rule.check is not None else (old, rule)
        merged = dataclasses.replace(
            checked,
            years=shared,
            implementation=f"{parser.implementation} + {checked.implementation}",
        )
        versions[index] = merged
        for rest in (old.years - shared, rule.years - shared):
            if rest:
                register(dataclasses.replace(old if rest <= old.years else rule, years=rest))
        _settle(key)
        return merged
    versions.append(rule)
    _settle(key)
    return rule


def _settle(key: tuple[str, str]) -> None:
    versions = VERSIONS[key]
    versions.sort(key=lambda r: min(r.years))
    RULES[key] = next((r for r in versions if REFERENCE_YEAR in r.years), versions[-1])
    _CHECKS.clear()


def version(family: str, code: str, year: int | None) -> Rule:
    """The version of rule ``code`` that applies to ``year`` (the 2024-25 one for no year)."""
    if year is not None:
        for candidate in VERSIONS[(family, code)]:
            if candidate.applies(year):
                return candidate
    return RULES[(family, code)]


def rule(
    family: Family,
    code: str,
    description: str,
    applies: frozenset[int] = ALL_YEARS,
    scope: str = "child",
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register the decorated function as the check of DfE rule ``code``."""

    def wrap(func: Callable[..., None]) -> Callable[..., None]:
        where = f"{func.__module__.removeprefix('lineofsight.formats.')}.{func.__name__}"
        register(Rule(family, code, description, applies, where, func, scope))
        return func

    return wrap


def inline(
    family: Family,
    code: str,
    description: str,
    where: str,
    parser_rules: Iterable[tuple[str, str]],
    applies: frozenset[int] = ALL_YEARS,
) -> None:
    """Register a rule the parser checks while reading (``where``), via its own rule names."""
    register(Rule(family, code, description, applies, where))
    for name, field in parser_rules:
        LEGACY[(family, name, field)] = code


def checks(family: Family, year: int | None) -> list[Rule]:
    """The rules with a check function that apply to ``year`` (for no year, the 2024-25
    versions), in code order."""
    load()
    key = (family, year)
    if key not in _CHECKS:
        pool = catalogue() if year is not None else sorted(RULES.values(), key=sort_key)
        _CHECKS[key] = [
            r for r in pool if r.family == family and r.check is not None and r.applies(year)
        ]
    return _CHECKS[key]


def run_checks(family: Family, year: int | None, children: Iterable[object], run: object) -> None:
    """Run every check of ``family`` for ``year``: each child rule on each child, then each
    whole-return rule once."""
    rules = checks(family, year)
    per_child = [r.check for r in rules if r.scope == "child" and r.check is not None]
    for child in children:
        for check in per_child:
            check(child, run)
    for r in rules:
        if r.scope == "return" and r.check is not None:
            r.check(run)


def sort_key(r: Rule) -> tuple[str, int, str, int]:
    digits = "".join(ch for ch in r.code if ch.isdigit())
    return (r.family, int(digits or 0), r.code, min(r.years))


def catalogue() -> list[Rule]:
    """Every version of every rule, in code order (versions oldest first)."""
    load()
    return sorted((r for versions in VERSIONS.values() for r in versions), key=sort_key)


def apply_codes(family: Family, year: int | None, problems: list[Problem], start: int = 0) -> None:
    """Give each parser problem from ``start`` on its DfE code and the rule's severity."""
    load()
    for index in range(start, len(problems)):
        p = problems[index]
        if p.code:
            continue
        code = LEGACY.get((family, p.rule, p.field)) or LEGACY.get((family, p.rule, ""))
        if code is None:
            continue
        registered = version(family, code, year)
        if not registered.applies(year):
            continue
        problems[index] = dataclasses.replace(p, code=code, severity=registered.severity)


_loaded = False


def load() -> None:
    """Import the rule modules so that their ``@rule`` functions are registered."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    from lineofsight.formats.rules import cin, ssda903  # noqa: F401 - registers the rules
