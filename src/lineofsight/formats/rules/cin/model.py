"""One CIN census child as the rules see it: its table rows, nested as in the XML.

The parser (``formats/cin_child.py``) builds one ``CinChild`` per ``Child`` element while it
reads, holding the same row dicts it puts in the normalised tables plus the few fields the
tables do not keep (UPN, former UPN, UPN unknown reason, the episode-level initial conference).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

Row = dict[str, object]


@dataclass(slots=True)
class CinPlan:
    row: Row  # cp_plans row
    reviews: list[date | None] = field(default_factory=list)  # None: a review with no date


@dataclass(slots=True)
class CinEpisode:
    number: int
    row: Row  # cin_episodes row
    icpc: date | None = None  # DateOfInitialCPC given on the CINdetails itself
    assessments: list[Row] = field(default_factory=list)
    plans: list[Row] = field(default_factory=list)  # cin_plans rows
    s47s: list[Row] = field(default_factory=list)
    cpps: list[CinPlan] = field(default_factory=list)

    @property
    def nfa(self) -> bool:
        return self.row["referral_nfa"] is True


@dataclass(slots=True)
class CinChild:
    id: str
    row: Row  # cin_children row
    upn: str | None = None
    former_upn: str | None = None
    upn_unknown: str | None = None
    episodes: list[CinEpisode] = field(default_factory=list)


def day(value: object) -> date | None:
    return value if isinstance(value, date) else None
