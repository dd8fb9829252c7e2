"""Month-by-month simulation of children moving through the safeguarding system."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

from lineofsight.calendar.timescales import ICPC
from lineofsight.calendar.workdays import add_working_days, next_working_day
from lineofsight.synth.care import CareBuilder, age_on, birthday
from lineofsight.synth.config import BoroughParams, CodeLists
from lineofsight.synth.demand import draw_contacts, expected_contacts, months
from lineofsight.synth.identifiers import la_child_id, make_upn
from lineofsight.synth.model import (
    Assessment,
    Borough,
    Child,
    CinEpisode,
    Contact,
    EarlyHelp,
    Plan,
    ProtectionPlan,
    Section47,
)
from lineofsight.synth.randomness import Picker, days_after, lognormal_days

KNOWN_POOL = 40_000
EARLY_HELP_PROVIDERS = ("Council", "School", "Health", "Trust", "Voluntary sector")
NO_RETURN_REASONS = {"RC1", "RC2", "RC5", "RC6"}
CLOSURE_BY_CARE_END = {"E11": "RC1", "E45": "RC4", "E46": "RC4", "E41": "RC3", "E7": "RC6"}


class Simulator:
    def __init__(
        self,
        rng: random.Random,
        params: BoroughParams,
        codes: CodeLists,
        la_code: str,
        scale: float,
        first_year: int,
        last_year: int,
        postcodes: list[str],
    ) -> None:
        self.rng, self.params, self.codes, self.la_code = rng, params, codes, la_code
        self.scale, self.first_year, self.last_year = scale, first_year, last_year
        self.population = round(params.under18_population * scale)
        self.children: list[Child] = []
        self.scheduled: dict[tuple[int, int], list[tuple[Child, date]]] = defaultdict(list)
        self.care = CareBuilder(params, codes, postcodes, f"SC{int(la_code) * 997 % 1_000_000:06d}")
        self.pick = {
            name: Picker(weights)
            for name, weights in {
                "ethnicity": codes.ethnicity,
                "disability": codes.disability,
                "source": codes.referral_source,
                "contact_source": codes.contact_source,
                "factors": codes.assessment_factors,
                "closure": codes.cin_closure_after_plan,
                "sex": codes.sex_weights,
                "category": params.category_of_abuse_weights,
                "need": params.primary_need_weights,
            }.items()
        }

    # ---- children ----
    def new_child(self, on: date, max_age_days: int = 18 * 365 - 30) -> Child:
        rng = self.rng
        age_days = rng.randint(0, 364) if rng.random() < 0.12 else rng.randint(0, max_age_days)
        born = on - timedelta(days=age_days)
        number = len(self.children) + 1
        disabled = rng.random() < self.codes.disabled_share
        child = Child(
            child_id=la_child_id(self.la_code, number),
            upn=make_upn(
                self.la_code, 2000 + number // 1000 % 8000, born.year % 100, number % 1000
            ),
            sex=self.pick["sex"](rng),
            birth_date=born,
            ethnicity=self.pick["ethnicity"](rng),
            disabilities=self.pick["disability"].several(rng, 1 + (rng.random() < 0.3))
            if disabled
            else [],
        )
        self.children.append(child)
        return child

    # ---- the month loop ----
    def run(self) -> Borough:
        warmup_first = self.first_year - self.params.warmup_years
        self.seed_children_in_care(date(warmup_first - 1, 4, 1))
        monthly: dict[tuple[int, int], int] = {}
        for year, month in months(warmup_first, self.last_year):
            expected = expected_contacts(self.params, year, month, self.scale)
            count = draw_contacts(self.rng, expected, self.params.contact_noise_sd)
            monthly[(year, month)] = count + len(self.scheduled.get((year, month), []))
            self.month(year, month, count)
        return Borough(
            self.la_code, self.population, self.children, self.first_year, self.last_year, monthly
        )

    def month(self, year: int, month: int, count: int) -> None:
        rng, p = self.rng, self.params
        first = date(year, month, 1)
        days_in_month = ((first.replace(day=28) + timedelta(days=4)).replace(day=1) - first).days
        for child, when in self.scheduled.pop((year, month), []):
            self.contact(child, when, forced_referral=True)
        for _ in range(count):
            when = first + timedelta(days=rng.randrange(days_in_month))
            if self.children and rng.random() < p.contact_of_known_child:
                pool_start = max(0, len(self.children) - KNOWN_POOL)
                child = self.children[rng.randrange(pool_start, len(self.children))]
                if child.birth_date > when or birthday(child.birth_date, 18) <= when:
                    child = self.new_child(when)
            else:
                child = self.new_child(when)
            self.contact(child, when, forced_referral=False)

    def contact(self, child: Child, when: date, forced_referral: bool) -> None:
        rng, p = self.rng, self.params
        contact = Contact(when, self.pick["contact_source"](rng))
        child.contacts.append(contact)
        if when <= child.busy_until:
            return
        draw = rng.random()
        if forced_referral or draw < p.contact_to_referral:
            self.referral(child, when)
        elif draw < p.contact_to_referral + p.contact_to_early_help:
            contact.to_early_help = True
            self.early_help(child, when)

    def early_help(self, child: Child, when: date) -> None:
        start = days_after(when, self.rng.randint(1, 12))
        end = days_after(
            start, lognormal_days(self.rng, self.params.early_help_median_days, 0.5, 20, 700)
        )
        child.early_help.append(EarlyHelp(start, end, self.rng.choice(EARLY_HELP_PROVIDERS)))

    # ---- a referral and what follows ----
    def referral(self, child: Child, when: date, direct_care: bool = False) -> CinEpisode:
        rng, p = self.rng, self.params
        referral_date = next_working_day(when)
        nfa = rng.random() < p.referral_nfa and not direct_care
        episode = CinEpisode(referral_date, self.pick["source"](rng), self.pick["need"](rng), nfa)
        child.episodes.append(episode)
        if nfa:
            episode.closure_date, episode.closure_reason = referral_date, "RC7"
            child.busy_until = referral_date
            return episode
        assessment = self.assessment(referral_date)
        episode.assessments.append(assessment)
        care_start: date | None = None
        plan = self.section47(child, episode, assessment)  # may extend the assessment
        activity_end = assessment.authorised
        if direct_care or rng.random() < p.cla_direct_after_referral:
            care_start = referral_date
        elif plan is not None:
            activity_end, care_start = self.protection(child, episode, plan)
        elif rng.random() < p.not_in_need_after_assessment:
            reason = "RC9" if rng.random() < p.early_help_after_assessment else "RC8"
            if episode.section47s:  # RC8/RC9 mean no S47, plan or conference on the episode
                reason = "RC7"
            if reason == "RC9":
                self.early_help(child, assessment.authorised)
            return self.close(child, episode, activity_end, reason, delay=False)
        else:
            start = next_working_day(days_after(assessment.authorised, rng.randint(0, 5)))
            activity_end, care_start = self.cin_plan(episode, start)
        activity_end = max(activity_end, assessment.authorised)
        if care_start is not None:
            return self.into_care(child, episode, care_start, activity_end)
        return self.close(child, episode, activity_end, self.pick["closure"](rng), delay=True)

    def assessment(self, referral_date: date) -> Assessment:
        rng = self.rng
        start = next_working_day(days_after(referral_date, rng.randint(0, 2)))
        on_time = rng.random() < self.params.assessment_on_time
        length = rng.randint(8, 43) if on_time else rng.randint(46, 90)
        factors = self.pick["factors"].several(self.rng, rng.randint(1, 4))
        return Assessment(start, add_working_days(start, length), factors)

    def section47(
        self, child: Child, episode: CinEpisode, assessment: Assessment
    ) -> ProtectionPlan | None:
        rng, p = self.rng, self.params
        known_to_cp = child.cp_plan_count > 0
        if rng.random() >= (
            p.s47_given_referral_after_cpp if known_to_cp else p.s47_given_referral
        ):
            return None
        start = add_working_days(assessment.start, rng.randint(0, 3))
        target = add_working_days(start, ICPC.amount)
        if rng.random() >= p.icpc_given_s47:
            episode.section47s.append(Section47(start, target, None, True))
            return None
        on_time = rng.random() < p.icpc_on_time
        icpc = add_working_days(start, rng.randint(4, 13) if on_time else rng.randint(16, 35))
        episode.section47s.append(Section47(start, target, icpc, False))
        assessment.authorised = max(assessment.authorised, icpc)
        if rng.random() >= p.cpp_given_icpc:
            return None
        category = self.pick["category"](rng)
        latest = category if rng.random() < 0.9 else self.pick["category"](rng)
        if not child.cp_history_drawn:
            # plans before the records start or in another authority (NumberOfPreviousCPP)
            child.cp_history_drawn = True
            if age_on(child.birth_date, icpc) >= 1 and rng.random() < p.cpp_prior_history:
                child.cp_plan_count += 1 + (rng.random() < p.cpp_prior_history_two_or_more)
        plan = ProtectionPlan(icpc, None, category, latest, child.cp_plan_count)
        child.cp_plan_count += 1
        return plan

    def protection(
        self, child: Child, episode: CinEpisode, plan: ProtectionPlan
    ) -> tuple[date, date | None]:
        rng, p = self.rng, self.params
        length = lognormal_days(rng, p.cpp_median_days, 0.55, 40, 1100)
        end = days_after(plan.start, length)
        care_start = None
        if rng.random() < p.cla_from_cpp:
            care_start = days_after(plan.start, rng.randint(14, max(15, length - 1)))
            end = care_start
        plan.end = end
        review = add_working_days(plan.start, 60)
        while review < end:
            plan.reviews.append(review)
            review = add_working_days(review, 125)
        episode.cp_plans.append(plan)
        if care_start is None and rng.random() < p.step_down_to_cin_plan:
            return self.cin_plan(episode, days_after(end, 1))
        return end, care_start

    def cin_plan(self, episode: CinEpisode, start: date) -> tuple[date, date | None]:
        rng, p = self.rng, self.params
        length = lognormal_days(rng, p.cin_plan_median_days, 0.6, 20, 900)
        end = days_after(start, length)
        care_start = None
        if rng.random() < p.cla_from_cin_plan:
            care_start = days_after(start, rng.randint(5, length))
            end = care_start
        episode.cin_plans.append(Plan(start, end))
        return end, care_start

    def into_care(
        self, child: Child, episode: CinEpisode, start: date, activity_end: date
    ) -> CinEpisode:
        if birthday(child.birth_date, 18) <= days_after(start, 30) or self.left_care_this_year(
            child, start
        ):
            return self.close(child, episode, activity_end, "RC7", delay=True)
        period = self.care.build(self.rng, child.birth_date, start, episode.primary_need)
        child.care_periods.append(period)
        end = period.end or start
        reason = CLOSURE_BY_CARE_END.get(period.episodes[-1].reason_ceased or "", "RC7")
        return self.close(child, episode, max(end, activity_end), reason, delay=False)

    @staticmethod
    def left_care_this_year(child: Child, start: date) -> bool:
        """Whether a period of care ended earlier in the collection year of ``start``. The 903
        rule SW12STG2 compares every social worker episode with every care episode, which no
        return can satisfy for two periods of care in one year, so the child does not return."""
        year_start = date(start.year if start.month >= 4 else start.year - 1, 4, 1)
        return any(p.end is not None and p.end >= year_start for p in child.care_periods)

    def close(
        self, child: Child, episode: CinEpisode, after: date, reason: str, delay: bool
    ) -> CinEpisode:
        rng = self.rng
        closure = next_working_day(days_after(after, rng.randint(1, 20) if delay else 0))
        episode.closure_date, episode.closure_reason = closure, reason
        child.busy_until = closure
        if reason not in NO_RETURN_REASONS and rng.random() < self.params.return_after_closure:
            back = days_after(closure, 1 + int(rng.expovariate(1 / self.params.return_mean_days)))
            if back < birthday(child.birth_date, 18):
                self.scheduled[(back.year, back.month)].append((child, back))
        return episode

    # ---- the stock of children already in care when the simulation starts ----
    def seed_children_in_care(self, start: date) -> None:
        rng = self.rng
        count = round(self.params.initial_cla_rate_per_10000 * self.population / 10_000)
        for _ in range(count):
            child = self.new_child(start)
            age_days = (start - child.birth_date).days
            if age_days < 60:
                continue
            care_start = start - timedelta(days=rng.randint(30, min(age_days - 1, 8 * 365)))
            if age_on(child.birth_date, care_start) >= 17:
                continue
            referral = next_working_day(care_start - timedelta(days=rng.randint(1, 20)))
            episode = CinEpisode(referral, self.pick["source"](rng), self.pick["need"](rng), False)
            child.episodes.append(episode)
            period = self.care.build(
                rng,
                child.birth_date,
                care_start,
                episode.primary_need,
                outcome="long_term" if rng.random() < 0.7 else None,
            )
            child.care_periods.append(period)
            end = period.end or care_start
            reason = CLOSURE_BY_CARE_END.get(period.episodes[-1].reason_ceased or "", "RC7")
            self.close(child, episode, end, reason, delay=False)
