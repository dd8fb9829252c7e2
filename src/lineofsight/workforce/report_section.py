"""The "Training and its impact" section of the quarterly and annual reports (registered with
``reports.registry`` by ``register``): sessions and places by course, places and attendance by
agency, evaluation on Guskey's five levels, the change in confidence with its effect size,
follow-up response and the impact ratings of reflective logs.

Counts of learners are ``count`` cells: the report's assembler puts every table through
``lineofsight.disclosure``, so the published edition shows 1 to 5 as ``c`` (with secondary
suppression).  The sentences carry no count below 6 in the published edition.
"""

from __future__ import annotations

from typing import Any

from lineofsight import disclosure
from lineofsight.reports.content import Block, Paragraph, Subheading, TableBlock
from lineofsight.reports.registry import SectionRequest, register_section
from lineofsight.workforce import presentation, selectors
from lineofsight.workforce.statistics import PairedEffect

SMALL = 5


def _effect_words(effect: PairedEffect | None, published: bool) -> str:
    if effect is None or (published and effect.n <= SMALL):
        return (
            "Too few learners gave their confidence before and after a course to estimate "
            "the change."
        )
    if effect.effect_size is None or effect.ci_low is None or effect.ci_high is None:
        return (
            f"{effect.n} learners gave their confidence before and after; every one changed by "
            f"the same amount ({effect.mean_change:+.2f} on a five-point scale)."
        )
    return (
        f"{effect.n} learners gave their confidence before and after a course: on average it "
        f"rose from {effect.mean_before:.2f} to {effect.mean_after:.2f} out of 5, a paired "
        f"effect size of {effect.effect_size:.2f} (95% confidence interval "
        f"{effect.ci_low:.2f} to {effect.ci_high:.2f})."
    )


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'s' * (count != 1)}"


def _pct(part: int, whole: int) -> str:
    return f"{disclosure.percentage(part, whole)}%"


def _summary_words(stats: dict[str, Any], courses: int, sessions: int, published: bool) -> str:
    """The year in two sentences: places taken up and lost to non-attendance (and the agency
    with the highest rate), then the first and last of Guskey's levels.  In the published
    edition no count or percentage built on 1 to 5 learners is given."""

    def safe(*counts: int) -> bool:
        return not published or all(n == 0 or n > SMALL for n in counts)

    total = stats["total"]
    recorded = total.attended + total.did_not_attend
    run = f"{_n(sessions, 'session')} of {_n(courses, 'course')}"
    text = (
        f"{run} offered {_n(total.places, 'place')}"
        if safe(total.places)
        else f"{run} {'was' if sessions == 1 else 'were'} run"
    )
    if recorded and safe(total.attended, total.did_not_attend):
        text += (
            f"; {total.attended:,} {'was' if total.attended == 1 else 'were'} attended and "
            f"{total.did_not_attend:,} missed "
            f"({_pct(total.did_not_attend, recorded)} non-attendance)"
        )
    rates = [
        (row.did_not_attend / (row.attended + row.did_not_attend), row)
        for row in stats["agencies"]
        if row.attended + row.did_not_attend and safe(row.attended, row.did_not_attend)
    ]
    if len(rates) > 1:
        _, worst = max(rates, key=lambda pair: pair[0])
        text += (
            f", highest in {worst.agency} "
            f"({_pct(worst.did_not_attend, worst.attended + worst.did_not_attend)})"
        )
    text += "."
    levels = {lv.level: lv for lv in stats["levels"]}
    first, last = levels.get(1), levels.get(5)
    if first and first.answered and safe(first.answered, first.positive):
        text += (
            f" {_pct(first.positive, first.answered)} of learners rated the course positively "
            "at the end"
        )
        if last and last.answered and safe(last.answered, last.positive):
            text += (
                f", and {_pct(last.positive, last.answered)} of follow-up answers reported an "
                "effect on outcomes for children (Guskey's level 5)"
            )
        text += "."
    return text


def build(request: SectionRequest) -> list[Block]:
    stats = selectors.statistics_of(request.partnership.pk, request.start, request.end)
    published = request.edition == "published"
    if not stats["courses"] and not stats["total"].places:
        return [Paragraph("No training sessions were recorded in this period.")]
    courses = [
        (
            row.course,
            [
                disclosure.number(sum(row.sessions.values())),
                disclosure.count(sum(row.places.values())),
            ],
        )
        for row in stats["courses"]
    ]
    total_sessions = sum(sum(r.sessions.values()) for r in stats["courses"])
    total_places = sum(sum(r.places.values()) for r in stats["courses"])
    courses.append(
        ("All courses", [disclosure.number(total_sessions), disclosure.count(total_places)])
    )
    agencies = [
        (
            row.agency,
            [
                disclosure.count(row.places),
                disclosure.count(row.attended),
                disclosure.count(row.did_not_attend),
                disclosure.percent(row.did_not_attend, row.attended + row.did_not_attend),
            ],
        )
        for row in [*stats["agencies"], stats["total"]]
    ]
    levels = [
        (
            f"Level {lv.level}: {lv.name}",
            [
                disclosure.count(lv.answered),
                disclosure.count(lv.positive),
                disclosure.percent(lv.positive, lv.answered),
            ],
        )
        for lv in stats["levels"]
    ]
    impact = stats["impact"]
    rated = [
        (label, [disclosure.count(impact[key])])
        for key, label in presentation.IMPACT_LABELS.items()
    ]
    issued, answered, _rate = stats["follow_up"]
    correct, asked, knowledge = stats["knowledge"]
    blocks: list[Block] = [
        Paragraph(_summary_words(stats, len(courses) - 1, total_sessions, published)),
        TableBlock(
            disclosure.grid(
                "Sessions and places by course",
                "Course",
                ["Sessions", "Places"],
                courses,
                total_row=True,  # a suppressed place count cannot be worked out from the total
            )
        ),
        TableBlock(
            disclosure.grid(
                "Places and attendance by agency",
                "Agency",
                ["Places", "Attended", "Did not attend", "Non-attendance (%)"],
                agencies,
                total_row=True,
            )
        ),
        Subheading("Evidence of impact"),
        TableBlock(
            disclosure.grid(
                "Evaluation on Guskey's five levels",
                "Level",
                ["Answered", "Positive", "Positive (%)"],
                levels,
                note="Levels 1 and 2 at the end of the course; 3 to 5 in the follow-up to the "
                "learner and their manager.",
            )
        ),
        Paragraph(_effect_words(stats["effect"], published)),
    ]
    if asked and not (published and asked <= SMALL):
        blocks.append(
            Paragraph(
                f"Knowledge questions at the end of courses were answered correctly "
                f"{knowledge}% of the time ({correct} of {asked})."
            )
        )
    if issued and not (published and (issued <= SMALL or 0 < answered <= SMALL)):
        blocks.append(
            Paragraph(
                f"{answered} of {issued} follow-up evaluations sent to learners and their "
                "managers were answered."
            )
        )
    blocks.append(
        TableBlock(
            disclosure.grid(
                "Reflective logs by impact on practice",
                "Impact",
                ["Reflective logs"],
                rated,
                total_row=False,
            )
        )
    )
    return blocks


def register() -> None:
    register_section(
        "training", "Training and its impact", build, order=170, owner="Training manager"
    )
