"""SSDA903 rules on one child: episodes in order, ages, motherhood, SDQ, reviews, missing."""

from __future__ import annotations

from lineofsight.formats.rules.registry import rule, years
from lineofsight.formats.rules.ssda903.common import birthday, each_row
from lineofsight.formats.rules.ssda903.run import Child903, Row903, Run903

SUPPORTING_TABLES = {  # table -> (code when the child is not in the Header, code when DOB differs)
    "AD1": ("INT01", "INT11"),
    "PlacedAdoption": ("INT02", "INT12"),
    "Missing": ("INT04", "INT13"),
    "OC2": ("INT05", "INT14"),
    "OC3": ("INT06", "INT15"),
    "PrevPerm": ("INT07", "INT16"),
    "Reviews": ("INT08", "INT17"),
    "UASC": ("INT09", "INT18"),
}
ONCE_ONLY = {"AD1": "INT31", "OC2": "INT33", "OC3": "INT34", "PrevPerm": "INT35", "UASC": "INT36"}


def _sdq_given(item: Row903) -> bool:
    return item.row.get("SDQ_SCORE") is not None or bool(item.row.get("SDQ_REASON"))


# ---- episodes ----


@rule("ssda903", "142", "A new episode has started, but the previous episode has not ended.")
def previous_not_ended(child: Child903, run: Run903) -> None:
    for item in child.episodes[:-1]:
        if item.row.get("DECOM") is not None and (
            item.row.get("DEC") is None or not item.row.get("REC")
        ):
            run.report("142", item, "DEC")


@rule("ssda903", "501", "A new episode has started before the end date of the previous episode.")
def starts_before_previous_ended(child: Child903, run: Run903) -> None:
    for before, item in zip(child.episodes, child.episodes[1:], strict=False):
        start, ended = item.day("DECOM"), before.day("DEC")
        if start is not None and ended is not None and start < ended:
            run.report("501", item, "DECOM", start.strftime("%d/%m/%Y"))


@rule(
    "ssda903",
    "431",
    "The reason for new episode is started to be looked after, but the "
    "previous episode ended on the same day.",
)
def new_period_on_previous_end(child: Child903, run: Run903) -> None:
    for before, item in zip(child.episodes, child.episodes[1:], strict=False):
        start, ended = item.day("DECOM"), before.day("DEC")
        if item.row.get("RNE") == "S" and start is not None and ended is not None:
            if start <= ended:
                run.report("431", item, "RNE", "S")


@rule(
    "ssda903",
    "437",
    "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.",
)
def died_or_18_with_later_episodes(child: Child903, run: Run903) -> None:
    for item in child.episodes[:-1]:
        if item.row.get("REC") in ("E2", "E15"):
            run.report("437", item, "REC", item.row.get("REC"))


@rule("ssda903", "302", "First episode starts before child was born.")
def first_episode_before_birth(child: Child903, run: Run903) -> None:
    born = child.birth
    if born is not None and child.episodes:
        first = child.episodes[0]
        start = first.day("DECOM")
        if start is not None and start < born:
            run.report("302", first, "DECOM", start.strftime("%d/%m/%Y"))


def _ceased_at_age(
    child: Child903, run: Run903, code: str, reasons: tuple[str, ...], fails: object
) -> None:
    born = child.birth
    if born is None:
        return
    for item in child.episodes:
        ended = item.day("DEC")
        if ended is not None and item.row.get("REC") in reasons and fails(born, ended):  # type: ignore[operator]
            run.report(code, item, "REC", item.row.get("REC"))


@rule("ssda903", "386", "Reason episode ceased is adopted but child has reached age 18.")
def adopted_at_18(child: Child903, run: Run903) -> None:
    _ceased_at_age(child, run, "386", ("E11", "E12"), lambda b, d: birthday(b, 18) <= d)


@rule(
    "ssda903",
    "387",
    "Reason episode ceased is child moved into independent living "
    "arrangement, but the child is aged under 14.",
)
def independent_under_14(child: Child903, run: Run903) -> None:
    _ceased_at_age(child, run, "387", ("E5", "E6"), lambda b, d: birthday(b, 14) > d)


@rule(
    "ssda903",
    "407",
    "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
)
def sgo_at_18(child: Child903, run: Run903) -> None:
    _ceased_at_age(
        child, run, "407", ("E45", "E46", "E47", "E48"), lambda b, d: birthday(b, 18) < d
    )


# ---- header: motherhood ----


@each_row(
    "174",
    "Mother's child date of birth is recorded but gender shows that the child is a male.",
    "Header",
    "MC_DOB",
    applies=years(2024, 2024),
)
@each_row(
    "174",
    "Mother's child date of birth is recorded but sex shows that the child is a male.",
    "Header",
    "MC_DOB",
    applies=years(2025),
)
def male_mother(item: Row903, run: Run903) -> bool:
    return item.row.get("MC_DOB") is not None and item.row.get("SEX") in ("M", "1")


@each_row("611", "Date of birth field is blank, but child is a mother.", "Header", "MC_DOB")
def mother_without_child_birth(item: Row903, run: Run903) -> bool:
    return item.row.get("MOTHER") is True and item.row.get("MC_DOB") is None


@each_row(
    "612",
    "Date of birth field has been completed but mother field indicates child is not a mother.",
    "Header",
    "MOTHER",
)
def child_birth_without_mother(item: Row903, run: Run903) -> bool:
    return (
        item.row.get("MOTHER") is not True
        and item.row.get("SEX") in ("F", "2")
        and item.row.get("MC_DOB") is not None
    )


@each_row(
    "620",
    "Child has been recorded as a mother, but date of birth shows that the "
    "mother is under 11 years of age.",
    "Header",
    "DOB",
)
def mother_under_11(item: Row903, run: Run903) -> bool:
    born = item.day("DOB")
    return item.row.get("MOTHER") is True and born is not None and birthday(born, 11) > run.start


@each_row(
    "621",
    "Mother’s field has been completed but date of birth shows that the "
    "mother is younger than her child.",
    "Header",
    "MC_DOB",
)
def mother_younger_than_child(item: Row903, run: Run903) -> bool:
    born, first = item.day("DOB"), item.day("MC_DOB")
    return born is not None and first is not None and first <= born


@rule(
    "ssda903",
    "625",
    "Date of birth of the first child is beyond the end of this reporting "
    "year or the date the child ceased to be looked after.",
)
def child_born_after_care(child: Child903, run: Run903) -> None:
    ended = [d for e in child.episodes if (d := e.day("DEC")) is not None]
    if not ended:
        return
    last = max(ended)
    for item in child.header:
        first = item.day("MC_DOB")
        if first is not None and first <= run.end and first > last:
            run.report("625", item, "MC_DOB")


# ---- OC2: SDQ and outcomes ----


@rule(
    "ssda903",
    "180",
    "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
)
def sdq_score_range(child: Child903, run: Run903) -> None:
    for item in child.tables.get("OC2", []):
        score = item.row.get("SDQ_SCORE")
        if isinstance(score, int) and score > 40:
            run.report("180", item, "SDQ_SCORE", score)


@rule(
    "ssda903",
    "188",
    "Child is aged under 4 years at the end of the year, but a Strengths and "
    "Difficulties (SDQ) score or a reason for no SDQ score has been completed. ",
)
def sdq_under_4(child: Child903, run: Run903) -> None:
    for item in child.tables.get("OC2", []):
        born = item.day("DOB")
        if born is not None and birthday(born, 4) > run.end and _sdq_given(item):
            run.report("188", item, "SDQ_SCORE")


@rule(
    "ssda903",
    "189",
    "Child is aged 17 years or over at the beginning of the year, but an "
    "Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) "
    "score has been completed.",
)
def sdq_over_17(child: Child903, run: Run903) -> None:
    for item in child.tables.get("OC2", []):
        born = item.day("DOB")
        if born is not None and birthday(born, 17) < run.start and _sdq_given(item):
            run.report("189", item, "SDQ_REASON")


@rule(
    "ssda903",
    "197a",
    "Reason for no Strengths and Difficulties (SDQ) score is not required "
    "if Strengths and Difficulties Questionnaire score is filled in.",
)
def sdq_score_and_reason(child: Child903, run: Run903) -> None:
    for item in child.tables.get("OC2", []):
        if item.row.get("SDQ_SCORE") is not None and item.row.get("SDQ_REASON"):
            run.report("197a", item, "SDQ_REASON")


@rule(
    "ssda903",
    "542",
    "A child aged under 10 at 31 March should not have conviction information completed.",
)
def convicted_under_10(child: Child903, run: Run903) -> None:
    for item in child.tables.get("OC2", []):
        born = item.day("DOB")
        if (
            born is not None
            and birthday(born, 10) > run.end
            and item.row.get("CONVICTED") is not None
        ):
            run.report("542", item, "CONVICTED")


# ---- UASC, reviews, missing ----


@rule(
    "ssda903",
    "304",
    "Date unaccompanied asylum-seeking child (UASC) status ceased must be on "
    "or before the 18th birthday of a child.",
)
def uasc_ceased_after_18(child: Child903, run: Run903) -> None:
    for item in child.tables.get("UASC", []):
        born, ceased = item.day("DOB"), item.day("DUC")
        if born is not None and ceased is not None and ceased > birthday(born, 18):
            run.report("304", item, "DUC")


@rule(
    "ssda903",
    "440",
    "Participation method indicates child was under 4 years old at the time "
    "of the review, but date of birth and review date indicates the child was 4 years old or "
    "over.",
)
def pn0_aged_4(child: Child903, run: Run903) -> None:
    for item in child.tables.get("Reviews", []):
        born, held = item.day("DOB"), item.day("REVIEW")
        if item.row.get("REVIEW_CODE") == "PN0" and born and held and held > birthday(born, 4):
            run.report("440", item, "REVIEW_CODE", "PN0")


@rule(
    "ssda903",
    "441",
    "Participation method indicates child was 4 years old or over at the "
    "time of the review, but the date of birth and review date indicates the child was under "
    "4 years old.",
)
def participation_under_4(child: Child903, run: Run903) -> None:
    for item in child.tables.get("Reviews", []):
        born, held, code = item.day("DOB"), item.day("REVIEW"), item.row.get("REVIEW_CODE")
        if code in PARTICIPATION and born and held and held < birthday(born, 4):
            run.report("441", item, "REVIEW_CODE", code)


PARTICIPATION = frozenset({"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"})


@rule("ssda903", "586", "Dates of missing periods are before child’s date of birth.")
def missing_before_birth(child: Child903, run: Run903) -> None:
    for item in child.tables.get("Missing", []):
        born, went = item.day("DOB"), item.day("MIS_START")
        if born is not None and went is not None and went <= born:
            run.report("586", item, "MIS_START")


# ---- the same child across tables ----


def _register_supporting() -> None:
    """One rule per supporting table: its child must be in the Header, with the same DOB."""
    for table, (absent, differs) in SUPPORTING_TABLES.items():
        name = table
        prefix = "Data Integrity Check" if absent == "INT01" else "Internal Check"

        def not_in_header(child: Child903, run: Run903, table: str = table, code: str = absent):
            if "Header" in run.typed and not child.header:
                for item in child.tables.get(table, []):
                    run.report(code, item, "CHILD")

        def dob_differs(child: Child903, run: Run903, table: str = table, code: str = differs):
            born = child.birth
            if born is None:
                return
            for item in child.tables.get(table, []):
                dob = item.day("DOB")
                if dob is not None and dob != born:
                    run.report(code, item, "DOB")

        not_in_header.__name__ = f"{table.lower()}_child_not_in_header"
        dob_differs.__name__ = f"{table.lower()}_dob_differs_from_header"
        rule("ssda903", absent, f"{prefix}: Child in {name} does not exist in Header.")(
            not_in_header
        )
        rule("ssda903", differs, f"Internal Check: DOB in {name} is different to DOB in Header.")(
            dob_differs
        )
    for table, code in ONCE_ONLY.items():

        def twice(child: Child903, run: Run903, table: str = table, code: str = code) -> None:
            for item in child.tables.get(table, [])[1:]:
                run.report(code, item, "CHILD")

        twice.__name__ = f"{table.lower()}_child_twice"
        rule("ssda903", code, f"Internal Check: Child should only exist once in {table}.")(twice)


_register_supporting()
