"""CIN rules on the child: UPN and LA child ID, birth, death, sex and disabilities."""

from __future__ import annotations

from datetime import date, timedelta

from lineofsight.formats.rules.cin.model import CinChild, day
from lineofsight.formats.rules.cin.run import CinRun, at
from lineofsight.formats.rules.registry import rule, years

CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"  # 0..22, without I, O and S
LAST_CHARACTERS = frozenset(CHECK_LETTERS + "0123456789")
SEX_AS_U_FROM = 2025  # 2024-25 replaced GenderCurrent (unborn: 0) with Sex (unborn: U)


def _la_codes() -> frozenset[str]:
    """Valid post-April-1998 LA codes and pseudo-LA codes for UPN characters 2-4 (rule 1530)."""
    ranges = [
        (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373),
        (380, 384), (390, 394), (660, 681), (701, 708), (800, 803), (805, 808), (810, 813),
        (820, 823), (835, 839), (850, 852), (855, 857), (865, 896), (935, 938), (940, 941),
    ]  # fmt: skip
    singles = [420, 815, 816, 825, 826, 830, 831, 840, 841, 845, 846, 860, 861, 908, 909, 916,
               919, 921, 925, 926, 928, 929, 931, 933, 942, 943]  # fmt: skip
    found = {n for low, high in ranges for n in range(low, high + 1)} | set(singles)
    return frozenset(f"{n:03d}" for n in found)


LA_CODES = _la_codes()


def upn_check_letter(upn: str) -> str | None:
    """The check letter of a 13-character UPN whose characters 2-13 are digits, else None."""
    digits = upn[1:]
    if len(upn) != 13 or not (digits.isascii() and digits.isdigit()):
        return None
    total = sum(int(ch) * weight for weight, ch in enumerate(digits, start=2))
    return CHECK_LETTERS[total % 23]


@rule("cin", "1510", "UPN invalid (wrong check letter at character 1)")
def upn_check_letter_wrong(child: CinChild, run: CinRun) -> None:
    upn = child.upn
    if upn is not None:
        letter = upn_check_letter(upn)
        if letter is not None and upn[0] != letter:
            run.report("1510", child, at(child), "UPN", upn)


@rule("cin", "1530", "UPN invalid (characters 2-4 not a recognised LA code)")
def upn_la_code(child: CinChild, run: CinRun) -> None:
    upn = child.upn
    if upn is not None and len(upn) == 13 and upn[1:4] not in LA_CODES:
        run.report("1530", child, at(child), "UPN", upn)


@rule("cin", "1540", "UPN invalid (characters 5-12 not all numeric)")
def upn_numeric(child: CinChild, run: CinRun) -> None:
    upn = child.upn
    if upn is not None and not (upn[4:12].isascii() and upn[4:12].isdigit()):
        run.report("1540", child, at(child), "UPN", upn)


@rule("cin", "1550", "UPN invalid (character 13 not a recognised value)")
def upn_last_character(child: CinChild, run: CinRun) -> None:
    upn = child.upn
    if upn is not None and len(upn) == 13 and upn[12] not in LAST_CHARACTERS:
        run.report("1550", child, at(child), "UPN", upn)


@rule(
    "cin",
    "1560Q",
    "Please check and either amend or provide a reason: Former UPN wrongly formatted",
)
def former_upn(child: CinChild, run: CinRun) -> None:
    upn = child.former_upn
    if upn is not None and (
        len(upn) != 13 or not upn[0].isalpha() or not (upn[1:].isascii() and upn[1:].isdigit())
    ):
        run.report("1560Q", child, at(child), "FormerUPN", upn)


@rule("cin", "1570", "LA Child ID must not be longer than 20 characters", years(2025))
def child_id_length(child: CinChild, run: CinRun) -> None:
    if len(child.id) > 20:
        run.report("1570", child, at(child), "LAchildID", child.id)


@rule("cin", "1580", "LA Child ID must not contain any non-alphanumeric characters", years(2025))
def child_id_characters(child: CinChild, run: CinRun) -> None:
    if not child.id.isalnum():
        run.report("1580", child, at(child), "LAchildID", child.id)


@rule(
    "cin", "8525Q", "Either Date of Birth or Expected Date of Birth must be provided (but not both)"
)
def both_birth_dates(child: CinChild, run: CinRun) -> None:
    """Both dates given (neither given is the parser's missing PersonBirthDate, also 8525Q)."""
    if child.row["birth_date"] is not None and child.row["expected_birth_date"] is not None:
        run.report("8525Q", child, at(child), "ExpectedPersonBirthDate")


@rule(
    "cin",
    "8530Q",
    "Please check and either amend data or provide a reason: Expected Date of "
    "Birth is outside the expected range for this census (March to December of the Census Year "
    "end)",
)
def expected_birth_range(child: CinChild, run: CinRun) -> None:
    """Expected birth between the reference date less 30 days and plus 9 months (exclusive)."""
    expected = day(child.row["expected_birth_date"])
    if expected is None:
        return
    ref = run.reference_date
    latest = _add_months(ref, 9)
    if expected >= latest or expected <= ref - timedelta(days=30):
        run.report("8530Q", child, at(child), "ExpectedPersonBirthDate", expected.isoformat())


def _add_months(value: date, months: int) -> date:
    month = value.month - 1 + months
    year, month = value.year + month // 12, month % 12 + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][month - 1]  # fmt: skip
    return date(year, month, min(value.day, last))


@rule(
    "cin",
    "8535Q",
    "Please check and either amend data or provide a reason: Child’s date of "
    "death should not be prior to the date of birth",
)
def death_without_birth(child: CinChild, run: CinRun) -> None:
    """A death date with no birth date (a death before birth is the parser's check)."""
    if child.row["death_date"] is not None and child.row["birth_date"] is None:
        run.report("8535Q", child, at(child), "PersonDeathDate")


@rule(
    "cin",
    "8545Q",
    "Please check and either amend data or provide a reason: Child's date of "
    "death should be within the census year",
)
def death_in_year(child: CinChild, run: CinRun) -> None:
    death = day(child.row["death_date"])
    if death is not None and not run.in_year(death):
        run.report("8545Q", child, at(child), "PersonDeathDate", death.isoformat())


@rule("cin", "8555Q", "Child cannot be referred after its recorded date of death")
def referred_after_death(child: CinChild, run: CinRun) -> None:
    death = day(child.row["death_date"])
    if death is None:
        return
    for episode in child.episodes:
        referral = day(episode.row["referral_date"])
        if referral is not None and referral > death:
            run.report("8555Q", child, at(child, episode), "CINreferralDate", referral.isoformat())


@rule(
    "cin",
    "8585Q",
    "Please check and either amend or provide a reason: CIN episode shows Died "
    "as the Closure Reason, however child has no recorded Date of Death",
)
def died_without_death_date(child: CinChild, run: CinRun) -> None:
    if child.row["death_date"] is not None:
        return
    for episode in child.episodes:
        if episode.row["closure_reason"] == "RC2":
            run.report("8585Q", child, at(child, episode), "ReasonForClosure", "RC2")


@rule("cin", "8540", "Child’s disability is missing or invalid (see Disability table)")
def disability_missing(child: CinChild, run: CinRun) -> None:
    """Born, with a referral that went on to further action, and no Disability at all."""
    if child.row["birth_date"] is None or child.row["disabilities"]:
        return
    if any(episode.row["referral_nfa"] is False for episode in child.episodes):
        run.report("8540", child, at(child), "Disability")


@rule("cin", "8606", "Child referral date is more than 40 weeks before DOB or expected DOB")
def referral_long_before_birth(child: CinChild, run: CinRun) -> None:
    born = day(child.row["birth_date"]) or day(child.row["expected_birth_date"])
    if born is None:
        return
    earliest = born - timedelta(days=280)
    for episode in child.episodes:
        referral = day(episode.row["referral_date"])
        if referral is not None and referral < earliest:
            run.report("8606", child, at(child, episode), "CINreferralDate", referral.isoformat())


@rule("cin", "8750", "Gender must equal 0 for an unborn child", years(2024, 2024))
@rule("cin", "8750", "Sex must equal U for an unborn child", years(2025))
def unborn_sex(child: CinChild, run: CinRun) -> None:
    """Before 2024-25 the unborn child's GenderCurrent must be 0 (not known)."""
    row = child.row
    if row["birth_date"] is not None or row["expected_birth_date"] is None:
        return
    wanted = "U" if run.year is None or run.year >= SEX_AS_U_FROM else "0"
    if row["sex"] != wanted:
        run.report("8750", child, at(child), "Sex", row["sex"])


@rule(
    "cin",
    "8770Q",
    "Please check and either amend data or provide a reason: UPN or reason UPN missing "
    "expected for a child who is more than 5 years old",
    years(2024, 2024),
)
@rule(
    "cin",
    "8770Q",
    "Please check and either amend data or provide a reason: UPN is missing or "
    "reason UPN is missing or is UN1 for a child who is of school age.",
    years(2025),
)
def school_age_upn(child: CinChild, run: CinRun) -> None:
    """School age: born on or before 31 August six years before the census year's September.

    The peer counts from the reference date plus 4 months and 31 days, less 6 years; the
    child must have a referral that went on to further action.  Until 2023-24 the rule was
    "more than 5 years old": born on or before the reference date six years earlier.
    """
    born = day(child.row["birth_date"])
    born_by = (
        _add_months(run.reference_date, -72)
        if run.year is not None and run.year < SEX_AS_U_FROM
        else _school_age_born_by(run.reference_date)
    )
    if born is None or born > born_by:
        return
    if not any(episode.row["referral_nfa"] is False for episode in child.episodes):
        return
    if child.upn is None and (child.upn_unknown is None or child.upn_unknown == "UN1"):
        run.report("8770Q", child, at(child), "UPNunknown", child.upn_unknown or "")


def _school_age_born_by(reference: date) -> date:
    start = _add_months(reference, 4) + timedelta(days=31)
    return _add_months(start, -72)


@rule(
    "cin",
    "8772",
    "UPN unknown reason is UN7 (Referral with no further action) but at least "
    "one CIN details is a referral going on to further action",
)
def un7_with_further_action(child: CinChild, run: CinRun) -> None:
    if child.upn_unknown == "UN7" and any(
        episode.row["referral_nfa"] is False for episode in child.episodes
    ):
        run.report("8772", child, at(child), "UPNunknown", "UN7")


@rule(
    "cin",
    "8775Q",
    "Please check and either amend data or provide a reason: Child is over 25 years old",
)
def over_25(child: CinChild, run: CinRun) -> None:
    born = day(child.row["birth_date"])
    if born is None or born >= _add_months(run.reference_date, -300):
        return
    turned_25 = _add_months(born, 300)
    for episode in child.episodes:
        closure = day(episode.row["closure_date"])
        if closure is None or closure > turned_25:
            run.report("8775Q", child, at(child, episode), "PersonBirthDate", born.isoformat())
            return


@rule("cin", "8790", "Disability information includes both None and other values")
def disability_none_and_others(child: CinChild, run: CinRun) -> None:
    found = str(child.row["disabilities"] or "").split()
    if "NONE" in found and len(set(found)) > 1:
        run.report("8790", child, at(child), "Disability", " ".join(found))


@rule("cin", "8794", "Child has two or more disabilities with the same code")
def disability_repeated(child: CinChild, run: CinRun) -> None:
    found = str(child.row["disabilities"] or "").split()
    if len(found) != len(set(found)):
        run.report("8794", child, at(child), "Disability", " ".join(found))


@rule("cin", "1520", "More than one record with the same UPN.", scope="return")
def upn_duplicates(run: CinRun) -> None:
    counts: dict[str, int] = {}
    for child in run.children:
        if child.upn is not None:
            counts[child.upn] = counts.get(child.upn, 0) + 1
    for child in run.children:
        if child.upn is not None and counts[child.upn] > 1:
            run.report("1520", child, at(child), "UPN", child.upn)


@rule("cin", "100", "Reference Date is incorrect", scope="return")
def reference_date(run: CinRun) -> None:
    """ReferenceDate must be 31 March of the collection year."""
    given = run.header_reference_date
    if run.year is not None and given is not None and given != date(run.year, 3, 31):
        run.report("100", None, "Header", "ReferenceDate", given.isoformat())


@rule(
    "cin",
    "2886Q",
    "Please check and either amend or provide a reason: Percentage of children "
    "with no gender recorded is more than 2% (excluding unborns)",
    years(2024, 2024),
    scope="return",
)
@rule(
    "cin",
    "2886Q",
    "Please check and either amend or provide a reason: Percentage of children "
    "with no sex recorded is more than 2% (excluding unborns)",
    years(2025),
    scope="return",
)
def sex_not_recorded(run: CinRun) -> None:
    """Sex U (GenderCurrent 0 before 2024-25) or none.  The peer's 2023-24 rule reads
    ``isna() | GenderCurrent == 0``, which Python groups as ``(isna() | GenderCurrent) == 0``;
    we follow the DfE's wording (0 or missing)."""
    if not run.children:
        return
    unknown = ("U", "0", None)
    missing = sum(
        1 for c in run.children if c.row["sex"] in unknown and c.row["expected_birth_date"] is None
    )
    if missing / len(run.children) > 0.02:
        run.report("2886Q", None, "whole return", "Sex", f"{missing} of {len(run.children)}")


@rule(
    "cin",
    "2887Q",
    "Please check and either amend or provide a reason: Less than 8 disability "
    "codes have been used in your return",
    scope="return",
)
def few_disability_codes(run: CinRun) -> None:
    used = {code for c in run.children for code in str(c.row["disabilities"] or "").split()}
    used.discard("NONE")
    if len(used) < 8:
        run.report("2887Q", None, "whole return", "Disability", f"{len(used)} codes")


@rule(
    "cin",
    "2888Q",
    "Please check and either amend or provide a reason: Only one disability "
    "code is recorded per child and multiple disabilities should be recorded where "
    "possible.",
    scope="return",
)
def one_disability_each(run: CinRun) -> None:
    counts = [
        len(found)
        for c in run.children
        if (found := set(str(c.row["disabilities"] or "").split()) - {"NONE"})
    ]
    if counts and max(counts) == 1:
        run.report("2888Q", None, "whole return", "Disability", "")


@rule(
    "cin",
    "2883",
    "There are more child protection plans starting than initial conferences taking place",
    scope="return",
)
def more_plans_than_conferences(run: CinRun) -> None:
    plans = conferences = 0
    for child in run.children:
        for episode in child.episodes:
            for cpp in episode.cpps:
                start = day(cpp.row["start_date"])
                plans += start is not None and run.in_year(start)
            if episode.icpc is not None and run.in_year(episode.icpc):
                conferences += 1
            for s in episode.s47s:
                conference = day(s["icpc_date"])
                conferences += conference is not None and run.in_year(conference)
    if plans > conferences:
        run.report("2883", None, "whole return", "CPPstartDate", f"{plans} > {conferences}")
