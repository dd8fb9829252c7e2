"""The simulated world: children and everything that happens to them (plain dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Assessment:
    start: date
    authorised: date
    factors: list[str]


@dataclass
class Section47:
    start: date
    icpc_target: date
    icpc_date: date | None  # None with ``icpc_not_required``
    icpc_not_required: bool


@dataclass
class ProtectionPlan:
    start: date
    end: date | None
    initial_category: str
    latest_category: str
    previous_plans: int
    reviews: list[date] = field(default_factory=list)


@dataclass
class Plan:
    """A CIN plan."""

    start: date
    end: date | None


@dataclass
class CinEpisode:
    referral_date: date
    referral_source: str
    primary_need: str
    referral_nfa: bool
    closure_date: date | None = None
    closure_reason: str | None = None
    assessments: list[Assessment] = field(default_factory=list)
    section47s: list[Section47] = field(default_factory=list)
    cin_plans: list[Plan] = field(default_factory=list)
    cp_plans: list[ProtectionPlan] = field(default_factory=list)


@dataclass
class CareEpisode:
    """One SSDA903 episode (a row of episodes.csv)."""

    start: date
    reason_new_episode: str  # RNE
    legal_status: str  # LS
    cin_category: str  # CIN N1-N8
    placement: str  # PLACE
    provider: str  # PLACE_PROVIDER
    home_postcode: str
    placement_postcode: str
    urn: str
    reason_place_change: str | None = None  # why this episode's placement ended
    end: date | None = None
    reason_ceased: str | None = None  # REC


@dataclass
class MissingEpisode:
    start: date
    end: date
    kind: str = "M"


@dataclass
class CarePeriod:
    """A period of care: consecutive 903 episodes, reviews and missing episodes."""

    episodes: list[CareEpisode]
    reviews: list[date] = field(default_factory=list)
    missing: list[MissingEpisode] = field(default_factory=list)

    @property
    def start(self) -> date:
        return self.episodes[0].start

    @property
    def end(self) -> date | None:
        return self.episodes[-1].end


@dataclass
class Contact:
    date: date
    source: str
    to_early_help: bool = False  # the front door passed it to early help


@dataclass
class EarlyHelp:
    start: date
    end: date
    provider: str


@dataclass
class Child:
    child_id: str
    upn: str
    sex: str  # M/F/U
    birth_date: date
    ethnicity: str
    disabilities: list[str]
    contacts: list[Contact] = field(default_factory=list)
    early_help: list[EarlyHelp] = field(default_factory=list)
    episodes: list[CinEpisode] = field(default_factory=list)
    care_periods: list[CarePeriod] = field(default_factory=list)
    busy_until: date = date.min  # an open CIN episode until this date
    cp_plan_count: int = 0  # plans so far, including any before the records (see below)
    cp_history_drawn: bool = False  # whether plans before the records have been drawn


@dataclass
class Borough:
    la_code: str
    population: int
    children: list[Child]
    first_year: int  # first collection year (ending 31 March)
    last_year: int
    monthly_contacts: dict[tuple[int, int], int]
