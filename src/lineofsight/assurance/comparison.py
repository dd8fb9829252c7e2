"""Comparing an audit with its re-audit from the agencies' gradings (pure, no database)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

GOOD_GRADES = frozenset({"outstanding", "good"})


@dataclass(frozen=True)
class GradeShare:
    label: str
    good: int
    total: int

    @property
    def pct(self) -> float | None:
        return 100.0 * self.good / self.total if self.total else None


def good_share(label: str, grades: Iterable[str]) -> GradeShare:
    grades = list(grades)
    return GradeShare(label, sum(1 for g in grades if g in GOOD_GRADES), len(grades))


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    before: GradeShare
    after: GradeShare

    @property
    def change(self) -> float | None:
        if self.before.pct is None or self.after.pct is None:
            return None
        return self.after.pct - self.before.pct

    @property
    def sentence(self) -> str:
        subject = f"Good or outstanding gradings ({self.label.lower()})"
        before_pct, after_pct = self.before.pct, self.after.pct
        if before_pct is None or after_pct is None:  # no change to speak of
            return f"{subject}: not comparable (no gradings in one of the audits)"
        before, after = round(before_pct), round(after_pct)
        if after > before:
            verb = "rose"
        elif after < before:
            verb = "fell"
        else:
            return f"{subject} stayed at {after}%"
        return f"{subject} {verb} from {before}% to {after}%"


def compare(
    before: Iterable[tuple[str, str, str]],
    after: Iterable[tuple[str, str, str]],
    group_labels: dict[str, str] | None = None,
) -> list[ComparisonRow]:
    """Rows for all cases and then for each group present in either audit.

    ``before`` and ``after`` are ``(group, agency, grade)`` triples (group: case type or agency
    name); the share is of gradings that are good or outstanding.
    """
    before, after = list(before), list(after)
    labels = group_labels or {}
    rows = [
        ComparisonRow(
            "All cases",
            good_share("before", (g for _, _, g in before)),
            good_share("after", (g for _, _, g in after)),
        )
    ]
    groups = sorted(
        {grp for grp, _, _ in before} | {grp for grp, _, _ in after},
        key=lambda grp: labels.get(grp, grp),
    )
    for group in groups:
        rows.append(
            ComparisonRow(
                labels.get(group, group),
                good_share("before", (g for grp, _, g in before if grp == group)),
                good_share("after", (g for grp, _, g in after if grp == group)),
            )
        )
    return rows
