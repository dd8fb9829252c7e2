"""Periods of care for children looked after: SSDA903 episodes, reviews and missing episodes."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from lineofsight.calendar.workdays import add_working_days, covered_years
from lineofsight.synth.config import BoroughParams, CodeLists
from lineofsight.synth.model import CareEpisode, CarePeriod, MissingEpisode
from lineofsight.synth.randomness import Picker, days_after, lognormal_days, poisson

NEXT_LEGAL_STATUS = {"V2": "C1", "C1": "C2"}
FOSTER_PROVIDERS = {"U1": "PR1", "U2": "PR1", "U3": "PR1", "U4": "PR1", "U5": "PR4", "U6": "PR4"}


def birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February
        return date(born.year + years, 3, 1)


def age_on(born: date, when: date) -> int:
    return when.year - born.year - ((when.month, when.day) < (born.month, born.day))


Placement = tuple[str, str, str, str, str]


@dataclass(frozen=True)
class _Change:
    when: date
    placement: bool
    legal: bool


class CareBuilder:
    """Builds one period of care from a start date, the child's birth date and the rates."""

    def __init__(self, params: BoroughParams, codes: CodeLists, postcodes: list[str], urn: str):
        self.params = params
        self.postcodes = postcodes
        self.urn = urn
        self.outcome = Picker(params.cla_outcome_weights)
        self.foster = Picker(codes.placement_foster)
        self.placement_type = Picker(codes.placement_by_type)
        self.move_reason = Picker(codes.reason_place_change)

    def build(
        self, rng: random.Random, born: date, start: date, need: str, outcome: str | None = None
    ) -> CarePeriod:
        outcome = outcome or self.outcome(rng)
        age = age_on(born, start)
        if outcome == "adoption" and age >= 5:
            outcome = "long_term"
        eighteen = birthday(born, 18)
        end, reason = self._end(rng, outcome, start, eighteen, age)
        changes = self._changes(rng, start, end, outcome)
        home = rng.choice(self.postcodes)
        legal = "V2" if rng.random() < 0.35 else "C1"
        foster_only = outcome == "sgo"
        episodes: list[CareEpisode] = []
        place = self._placement(rng, born, start, legal, home, foster_only)
        cin_category = need if need in {f"N{i}" for i in range(1, 9)} else "N8"
        current = CareEpisode(start, "S", legal, cin_category, *place)
        for change in changes:
            if not change.legal and place[0] == "A6":
                continue  # placed for adoption: no further moves
            current.end, current.reason_ceased = change.when, "X1"
            episodes.append(current)
            if change.legal:
                legal = "E1" if outcome == "adoption" else NEXT_LEGAL_STATUS.get(legal, "C2")
                rne = "L"
            else:
                previous = place
                while place == previous:
                    place = self._placement(rng, born, change.when, legal, home, foster_only)
                if outcome == "adoption" and legal == "E1":
                    place = ("A6", "PR1", home, self._other_postcode(rng, home), self.urn)
                current.reason_place_change = self.move_reason(rng)
                rne = "P"
            current = CareEpisode(change.when, rne, legal, cin_category, *place)
        current.end, current.reason_ceased = end, reason
        episodes.append(current)
        period = CarePeriod(episodes)
        period.reviews = self._reviews(start, end)
        boundaries = [e.start for e in episodes[1:]] + [end]
        period.missing = [
            m
            for m in self._missing(rng, born, start, end)
            if not any(m.start <= b <= m.end for b in boundaries)
        ]
        return period

    def _end(
        self, rng: random.Random, outcome: str, start: date, eighteen: date, age: int
    ) -> tuple[date, str]:
        if outcome == "return_home":
            end = days_after(start, lognormal_days(rng, 160, 0.9, 8, 2000))
            reason = "E4A" if rng.random() < 0.8 else "E13"
        elif outcome == "adoption":
            end, reason = days_after(start, rng.randint(420, 1000)), "E11"
        elif outcome == "sgo":
            end, reason = days_after(start, rng.randint(250, 1200)), rng.choice(["E45", "E46"])
        else:
            end, reason = eighteen, "E8"
        if end >= eighteen:
            end, reason = eighteen, rng.choice(["E8", "E17", "E7", "E7"])
        if reason == "E7" and age_on_date(end, start, age) < 16:
            reason = "E8"
        if (end.month, end.day) == (3, 31) and end != eighteen:
            # the 903 rules count a child leaving on 31 March as looked after all year, which
            # then forbids the adoption and care leaver returns (rule 187): leave a day earlier
            end -= timedelta(days=1)
        return end, reason

    def _changes(self, rng: random.Random, start: date, end: date, outcome: str) -> list[_Change]:
        span = (end - start).days
        moves = poisson(rng, self.params.placement_moves_per_year * span / 365)
        days = {rng.randint(7, max(8, span - 7)): False for _ in range(moves)}
        if rng.random() < self.params.legal_status_change_probability or outcome == "adoption":
            legal_day = min(span - 25, rng.randint(60, 300))
            if legal_day > 1:
                days[legal_day] = True
                if outcome == "adoption":
                    days[legal_day + rng.randint(5, 20)] = False
        return [
            _Change(days_after(start, d), not legal, legal)
            for d, legal in sorted(days.items())
            if 0 < d < span - 1
        ]

    def _placement(
        self, rng: random.Random, born: date, when: date, legal: str, home: str, foster_only: bool
    ) -> Placement:
        """(PLACE, PLACE_PROVIDER, HOME_POST, PL_POST, URN) for a new placement."""
        age = age_on(born, when)
        kind = "foster" if foster_only else self.placement_type(rng)
        if kind == "parents" and legal in {"C1", "C2"}:
            return "P1", "PR0", home, home, ""
        if kind == "residential" and age >= 11:
            return "R1", "PR4", home, self._other_postcode(rng, home), ""
        place = self.foster(rng)
        return place, FOSTER_PROVIDERS[place], home, self._other_postcode(rng, home), self.urn

    def _other_postcode(self, rng: random.Random, home: str) -> str:
        choice = rng.choice(self.postcodes)
        return choice if choice != home else self.postcodes[self.postcodes.index(home) - 1]

    def _reviews(self, start: date, end: date) -> list[date]:
        reviews = [add_working_days(start, 18), add_working_days(start, 80)]
        # reviews after the calendar's last year fall outside any collection year it can write
        horizon = min(end, date(covered_years()[1], 6, 30))
        while reviews[-1] + timedelta(days=182) < horizon:
            reviews.append(add_working_days(reviews[-1], 125))
        return [r for r in reviews if r < end]

    def _missing(
        self, rng: random.Random, born: date, start: date, end: date
    ) -> list[MissingEpisode]:
        span = (end - start).days
        if span < 10 or age_on(born, start) < 12:
            return []
        if rng.random() >= self.params.missing_child_probability_12plus:
            return []
        days = sorted({rng.randint(1, span - 5) for _ in range(1 + poisson(rng, 2.0))})
        episodes: list[MissingEpisode] = []
        for d in days:
            begin = days_after(start, d)
            if episodes and begin <= episodes[-1].end:
                continue  # one missing period at a time
            episodes.append(
                MissingEpisode(begin, days_after(start, min(span - 1, d + rng.randint(0, 3))))
            )
        return episodes


def age_on_date(when: date, start: date, age_at_start: int) -> int:
    return age_at_start + (when - start).days // 365
