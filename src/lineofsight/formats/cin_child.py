"""One CIN census ``Child``: its rows for the normalised tables and the rules it must meet."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from xml.etree.ElementTree import Element

from lineofsight.formats.cin_fields import FieldReader
from lineofsight.formats.problems import ProblemLog
from lineofsight.formats.rules.cin.model import CinChild, CinEpisode, CinPlan

Row = dict[str, object]
SEX_FROM_YEAR = 2025  # the 2024-25 census replaced GenderCurrent (1/2/0/9) with Sex (M/F/U)


@dataclass
class CinContext:
    log: ProblemLog
    collection_year: int | None
    reference_date: date | None
    tables: dict[str, list[Row]]
    seen: set[str] = field(default_factory=set)
    children: list[CinChild] = field(default_factory=list)  # for the rules (formats/rules/cin)
    position: int = 0  # the child's place in the file, for children without an LAchildID


def read_child(element: Element, ctx: CinContext) -> None:
    ctx.position += 1
    ids = element.find("ChildIdentifiers")
    raw_id = ids.findtext("LAchildID", "").strip() if ids is not None else ""
    if not raw_id:
        ctx.log.error(
            "cin.missing_element",
            "The child has no LAchildID, so none of its records can be used.",
            location=f"child number {ctx.position} in the file",
            field="LAchildID",
        )
        return
    where = f"child {raw_id}"
    fields = FieldReader(ctx.log, ctx.reference_date, raw_id)
    if raw_id in ctx.seen:
        ctx.log.error(
            "cin.duplicate_child",
            "This LAchildID appears more than once: each child "
            "must be one Child element holding all their CINdetails.",
            location=where,
            field="LAchildID",
            child=raw_id,
        )
    ctx.seen.add(raw_id)
    row = _child_row(element, ids, raw_id, where, fields, ctx)
    ctx.tables["cin_children"].append(row)
    record = CinChild(raw_id, row)
    if ids is not None:
        record.upn = fields.text(ids, "UPN")
        record.former_upn = fields.text(ids, "FormerUPN")
        record.upn_unknown = fields.text(ids, "UPNunknown")
    ctx.children.append(record)
    episodes = element.findall("CINdetails")
    if not episodes:
        fields.missing("CINdetails", where, why="Every child needs at least one CINdetails.")
    for number, episode in enumerate(episodes, start=1):
        record.episodes.append(
            _episode(episode, raw_id, number, f"{where} / CINdetails {number}", fields, ctx.tables)
        )


def _child_row(
    element: Element,
    ids: Element | None,
    raw_id: str,
    where: str,
    fields: FieldReader,
    ctx: CinContext,
) -> Row:
    row: Row = {"child_id": raw_id}
    if ids is None:
        fields.missing("ChildIdentifiers", where)
        ids = Element("ChildIdentifiers")
    birth = fields.date(ids, "PersonBirthDate", where)
    expected = fields.date(ids, "ExpectedPersonBirthDate", where, may_be_after_reference=True)
    if birth is None and expected is None and fields.text(ids, "PersonBirthDate") is None:
        fields.missing(
            "PersonBirthDate",
            where,
            why="Give PersonBirthDate, or ExpectedPersonBirthDate for an unborn child.",
        )
    death = fields.date(ids, "PersonDeathDate", where, may_be_after_reference=True)
    fields.order(
        birth,
        death,
        "cin.death_before_birth",
        "PersonDeathDate is before PersonBirthDate.",
        where,
        "PersonDeathDate",
    )
    upn_unknown = fields.text(ids, "UPNunknown")
    if upn_unknown is not None:
        fields.check_code(upn_unknown, "UPNunknown", "cin_upn_unknown", where, "warning")
    row.update(
        sex=_sex(ids, where, fields, ctx.collection_year),
        birth_date=birth,
        expected_birth_date=expected,
        death_date=death,
    )
    traits = element.find("ChildCharacteristics")
    if traits is None:
        fields.missing("ChildCharacteristics", where, "warning")
        row.update(ethnicity=None, disabilities=None)
        return row
    row["ethnicity"] = fields.code(
        traits, "Ethnicity", "ethnicity", where, required=True, severity="warning"
    )
    found = [(d.text or "").strip() for d in traits.iterfind("Disabilities/Disability")]
    for code in found:
        fields.check_code(code, "Disability", "cin_disability", where, "warning")
    row["disabilities"] = " ".join(found) or None
    return row


def _sex(ids: Element, where: str, fields: FieldReader, year: int | None) -> str | None:
    sex = fields.text(ids, "Sex")
    gender = fields.text(ids, "GenderCurrent")
    if sex is not None:
        fields.check_code(sex, "Sex", "cin_sex", where, "warning")
        if year is not None and year < SEX_FROM_YEAR:
            ctx_log_layout(fields, where, "Sex", "GenderCurrent (1, 2, 0 or 9)", year)
        return sex
    if gender is not None:
        fields.check_code(gender, "GenderCurrent", "cin_gender_current", where, "warning")
        if year is not None and year >= SEX_FROM_YEAR:
            ctx_log_layout(fields, where, "GenderCurrent", "Sex (M, F or U)", year)
        return gender
    tag = "Sex" if year is None or year >= SEX_FROM_YEAR else "GenderCurrent"
    fields.missing(tag, where, "warning")
    return None


def ctx_log_layout(fields: FieldReader, where: str, used: str, expected: str, year: int) -> None:
    fields.log.warning(
        "cin.sex_layout",
        f"A {year - 1}-{year % 100:02d} census records {expected}, not {used}.",
        location=where,
        field=used,
        child=fields.child,
    )


@cache
def _before(later: str, earlier: str) -> str:
    """The message for a date before the one it must follow (made once per pair of names)."""
    return f"{later} is before {earlier}."


@dataclass
class _Episode:
    """One CINdetails element being read: where its rows go and how its parts are told."""

    element: Element
    child: str
    number: int
    where: str
    fields: FieldReader
    tables: dict[str, list[Row]]
    referral: date | None = None

    def parts(self, tag: str) -> Iterator[tuple[str, Element]]:
        """Each ``tag`` element of the episode, with where it is ("... / Assessments 2")."""
        for k, item in enumerate(self.element.iterfind(tag), start=1):
            yield f"{self.where} / {tag} {k}", item

    def not_before_referral(self, start: date | None, rule: str, name: str, at: str) -> None:
        """A warning when date ``name`` comes before the episode's referral."""
        self.fields.order(
            self.referral,
            start,
            rule,
            _before(name, "the CINreferralDate of its episode"),
            at,
            name,
            "warning",
        )

    def span(
        self, item: Element, start_name: str, end_name: str, rule: str, at: str
    ) -> tuple[date | None, date | None]:
        """A part's start date (required) and end date, the end not before the start."""
        start = self.fields.date(item, start_name, at, required=True)
        end = self.fields.date(item, end_name, at)
        self.fields.order(start, end, rule, _before(end_name, start_name), at, end_name)
        return start, end

    def add(self, table: str, **values: object) -> Row:
        """A row of ``table`` for this episode (child and episode number first)."""
        row: Row = {"child_id": self.child, "episode_no": self.number, **values}
        self.tables[table].append(row)
        return row


def _episode(
    ep: Element,
    child: str,
    number: int,
    where: str,
    fields: FieldReader,
    tables: dict[str, list[Row]],
) -> CinEpisode:
    referral = fields.date(ep, "CINreferralDate", where, required=True)
    fields.code(ep, "ReferralSource", "cin_referral_source", where, required=True)
    need = fields.code(ep, "PrimaryNeedCode", "cin_primary_need", where, severity="warning")
    closure = fields.date(ep, "CINclosureDate", where)
    reason = fields.code(ep, "ReasonForClosure", "cin_reason_for_closure", where)
    nfa = fields.boolean(ep, "ReferralNFA", where, required=True)
    icpc = fields.date(ep, "DateOfInitialCPC", where)
    fields.order(
        referral,
        closure,
        "cin.closure_before_referral",
        "CINclosureDate is before CINreferralDate.",
        where,
        "CINclosureDate",
    )
    if closure is not None and reason is None and fields.text(ep, "ReasonForClosure") is None:
        fields.missing("ReasonForClosure", where, why="A closed episode needs a reason.")
    if reason is not None and closure is None and fields.text(ep, "CINclosureDate") is None:
        fields.missing(
            "CINclosureDate",
            where,
            why=f"ReasonForClosure {reason} is given, so "
            "the episode has closed and needs its closure date.",
        )
    if need is None and nfa is False and fields.text(ep, "PrimaryNeedCode") is None:
        fields.missing(
            "PrimaryNeedCode",
            where,
            "warning",
            "A referral that was not NFA should have a primary need.",
        )
    episode = _Episode(ep, child, number, where, fields, tables, referral)
    row = episode.add(
        "cin_episodes",
        referral_date=referral,
        referral_source=fields.text(ep, "ReferralSource"),
        primary_need=need,
        closure_date=closure,
        closure_reason=reason,
        referral_nfa=nfa,
    )
    record = CinEpisode(number, row, icpc)
    marks = [len(tables[name]) for name in ("cin_assessments", "cin_plans", "s47_enquiries")]
    _assessments(episode)
    for at, plan in episode.parts("CINPlanDates"):
        start, end = episode.span(
            plan, "CINPlanStartDate", "CINPlanEndDate", "cin.cin_plan_end_before_start", at
        )
        episode.add("cin_plans", start_date=start, end_date=end)
    _section47s(episode)
    _protection_plans(episode, record)
    record.assessments = tables["cin_assessments"][marks[0] :]
    record.plans = tables["cin_plans"][marks[1] :]
    record.s47s = tables["s47_enquiries"][marks[2] :]
    return record


def _assessments(episode: _Episode) -> None:
    fields = episode.fields
    for at, item in episode.parts("Assessments"):
        start = fields.date(
            item, "AssessmentActualStartDate", at, required=True, may_be_after_reference=True
        )
        review = fields.date(item, "AssessmentInternalReviewDate", at)
        authorised = fields.date(item, "AssessmentAuthorisationDate", at)
        fields.order(
            start,
            authorised,
            "cin.assessment_authorised_before_start",
            "AssessmentAuthorisationDate is before AssessmentActualStartDate.",
            at,
            "AssessmentAuthorisationDate",
        )
        episode.not_before_referral(
            start, "cin.assessment_before_referral", "AssessmentActualStartDate", at
        )
        factors = [
            (f.text or "").strip()
            for f in item.iterfind("FactorsIdentifiedAtAssessment/AssessmentFactors")
        ]
        for code in factors:
            fields.check_code(code, "AssessmentFactors", "cin_assessment_factor", at, "warning")
        episode.add(
            "cin_assessments",
            start_date=start,
            internal_review_date=review,
            authorisation_date=authorised,
            factors=" ".join(factors) or None,
        )


def _section47s(episode: _Episode) -> None:
    fields = episode.fields
    for at, item in episode.parts("Section47"):
        start = fields.date(
            item, "S47ActualStartDate", at, required=True, may_be_after_reference=True
        )
        target = fields.date(item, "InitialCPCtarget", at, may_be_after_reference=True)
        icpc = fields.date(item, "DateOfInitialCPC", at)
        not_required = fields.boolean(item, "ICPCnotRequired", at, required=True)
        fields.order(
            start,
            icpc,
            "cin.icpc_before_s47",
            "DateOfInitialCPC is before S47ActualStartDate: the conference cannot "
            "come before the enquiry that led to it.",
            at,
            "DateOfInitialCPC",
        )
        episode.not_before_referral(start, "cin.s47_before_referral", "S47ActualStartDate", at)
        episode.add(
            "s47_enquiries",
            start_date=start,
            icpc_target_date=target,
            icpc_date=icpc,
            icpc_not_required=not_required,
        )


def _protection_plans(episode: _Episode, record: CinEpisode) -> None:
    fields = episode.fields
    for at, plan in episode.parts("ChildProtectionPlans"):
        start, end = episode.span(
            plan, "CPPstartDate", "CPPendDate", "cin.cpp_end_before_start", at
        )
        episode.not_before_referral(start, "cin.cpp_before_referral", "CPPstartDate", at)
        initial = fields.code(
            plan, "InitialCategoryOfAbuse", "category_of_abuse", at, required=True
        )
        latest = fields.code(plan, "LatestCategoryOfAbuse", "category_of_abuse", at, required=True)
        previous = fields.whole_number(plan, "NumberOfPreviousCPP", at, required=True)
        row = episode.add(
            "cp_plans",
            start_date=start,
            end_date=end,
            initial_category=initial,
            latest_category=latest,
            previous_plans=previous,
        )
        cpp = CinPlan(row)
        record.cpps.append(cpp)
        for review_el in plan.iterfind("Reviews/CPPreviewDate"):
            raw = (review_el.text or "").strip() or None
            review = fields.date_value(raw, "CPPreviewDate", at, required=True)
            cpp.reviews.append(review)
            episode.add("cp_reviews", plan_start_date=start, review_date=review)
