"""Sections from the records people keep: the delivery plan, Section 11, audits, case reviews,
the challenge log and the action tracker.  Counts of children (audited cases, reviews of
incidents) are ``count`` cells under the small-number rule; counts of plan items, agencies or
actions are ``number`` cells (they count no one).  Free text from records (audit summaries,
rationales) appears only in the internal edition: the published edition carries structured
fields and approved narratives."""

from __future__ import annotations

from collections import Counter
from datetime import date

from lineofsight import disclosure
from lineofsight.actions.models import Action
from lineofsight.actions.sources import action_sources
from lineofsight.assurance.models import GOOD_OR_BETTER, Audit, Challenge, Rating, Section11Round
from lineofsight.delivery.models import Plan, Rag
from lineofsight.reports.content import Block, Bullets, Paragraph, Subheading, TableBlock
from lineofsight.reports.registry import SectionRequest
from lineofsight.reviews.deadlines import notification_due, rapid_review_due
from lineofsight.reviews.models import Review


def _internal(request: SectionRequest) -> bool:
    return request.edition == "internal"


def _plan_covering(request: SectionRequest, day: date) -> Plan | None:
    return (
        Plan.objects.filter(partnership=request.partnership, starts__lte=day, ends__gte=day)
        .order_by("-starts")
        .first()
    )


def priorities(request: SectionRequest) -> list[Block]:
    """The priorities in force and how far the delivery plan got, by RAG rating."""
    plan = _plan_covering(request, request.end)
    if plan is None:
        return [Paragraph("No delivery plan covers this period.")]
    rags = list(Rag)
    rows, stalled = [], []
    for priority in plan.priorities.order_by("number").prefetch_related("items"):
        items = list(priority.items.all())
        tally = Counter(item.rag for item in items)
        rows.append(
            (
                f"{priority.number}. {priority.title}",
                [disclosure.number(tally.get(r, 0)) for r in rags]
                + [disclosure.number(len(items))],
            )
        )
        stalled += [
            f"Priority {priority.number} ({item.reference}): {item.text} - {item.get_rag_display()}"
            for item in items
            if item.rag in ("red", "amber")
        ]
    blocks: list[Block] = [
        Paragraph(f"{plan.title} ({plan.starts:%-d %B %Y} to {plan.ends:%-d %B %Y})."),
        TableBlock(
            disclosure.grid(
                "Delivery plan items by latest RAG rating",
                "Priority",
                [r.label for r in rags] + ["All items"],
                rows,
            )
        ),
        Subheading("Areas of little or no progress"),
    ]
    blocks.append(Bullets(stalled) if stalled else Paragraph("Every item is on track."))
    return blocks


def next_priorities(request: SectionRequest) -> list[Block]:
    plan = (
        Plan.objects.filter(partnership=request.partnership, starts__gt=request.end)
        .order_by("starts")
        .first()
    ) or _plan_covering(request, request.end)
    if plan is None:
        return [Paragraph("No delivery plan has been agreed for next year yet.")]
    titles = [f"{p.number}. {p.title}" for p in plan.priorities.order_by("number")]
    return [Paragraph(f"From {plan.title}:"), Bullets(titles or ["No priorities recorded."])]


def section11(request: SectionRequest) -> list[Block]:
    rounds = Section11Round.objects.filter(
        partnership=request.partnership, year__in=(request.start.year, request.end.year)
    ).prefetch_related("returns__agency", "returns__answers")
    blocks: list[Block] = []
    for round_ in rounds:
        rows = []
        for response in round_.returns.all():
            ratings = Counter(a.rating for a in response.answers.all() if a.rating)
            rows.append(
                (
                    str(response.agency),
                    [disclosure.number(ratings.get(rating.value, 0)) for rating in Rating]
                    + [disclosure.number(1 if response.status == "submitted" else 0)],
                )
            )
        if not rows:
            continue
        blocks.append(
            TableBlock(
                disclosure.grid(
                    f"Section 11 self-assessment {round_.year}: standards by rating",
                    "Agency",
                    [rating.label for rating in Rating] + ["Submitted (1 = yes)"],
                    rows,
                )
            )
        )
        if _internal(request) and round_.development_themes:
            blocks += [Subheading("Development themes"), Paragraph(round_.development_themes)]
    return blocks or [Paragraph("No Section 11 round fell in this period.")]


def audits(request: SectionRequest) -> list[Block]:
    fy = request.start.year if request.start.month >= 4 else request.start.year - 1
    found = Audit.objects.filter(
        partnership=request.partnership, year=fy, status=Audit.Status.COMPLETE
    ).prefetch_related("cases__gradings")
    if request.kind == "quarterly":
        quarter = (request.start.month - 4) // 3 + 1
        found = found.filter(quarter=quarter)
    rows, summaries = [], []
    for audit in found:
        grades = [g.grade for case in audit.cases.all() for g in case.gradings.all()]
        good = sum(grade in GOOD_OR_BETTER for grade in grades)
        cases = audit.cases.count()
        r = len(rows)
        rows.append(
            (
                f"{audit.title} ({audit.theme})",
                [
                    disclosure.count(cases),
                    disclosure.count(len(grades)),
                    disclosure.count(good),
                    disclosure.percent(good, len(grades), depends_on=[(r, 1), (r, 2)])
                    if grades
                    else disclosure.missing(),
                ],
            )
        )
        if audit.summary:
            summaries.append(f"{audit.title}: {audit.summary}")
    if not rows:
        return [Paragraph("No multi-agency audit was completed in this period.")]
    blocks: list[Block] = [
        TableBlock(
            disclosure.grid(
                "Multi-agency audits completed",
                "Audit",
                ["Cases audited", "Agency gradings", "Good or better", "% good or better"],
                rows,
            )
        )
    ]
    if _internal(request) and summaries:
        blocks += [Subheading("What the audits found"), Bullets(summaries)]
    return blocks


def case_reviews(request: SectionRequest) -> list[Block]:
    reviews = list(
        Review.objects.filter(
            partnership=request.partnership, la_aware_on__range=(request.start, request.end)
        )
    )
    decisions = [d for d in Review.Decision]
    counts = Counter(r.decision for r in reviews)
    undecided = sum(1 for r in reviews if not r.decision)
    rows = [(d.label, [disclosure.count(counts.get(d.value, 0))]) for d in decisions]
    rows.append(("Decision not yet made", [disclosure.count(undecided)]))
    rows.append(("Serious incidents notified", [disclosure.count(len(reviews))]))
    notified = [r for r in reviews if r.notified_on]
    on_time = sum(r.notified_on <= notification_due(r.la_aware_on) for r in notified)
    rapid = [r for r in reviews if r.rapid_review_on]
    rapid_on_time = sum(r.rapid_review_on <= rapid_review_due(r.la_aware_on) for r in rapid)
    timeliness = disclosure.grid(
        "Timeliness of notifications and rapid reviews",
        "Step",
        ["Done", "Within the statutory timescale", "%"],
        [
            (
                "Panel notified (5 working days)",
                [
                    disclosure.count(len(notified)),
                    disclosure.count(on_time),
                    disclosure.percent(on_time, len(notified), depends_on=[(0, 0), (0, 1)]),
                ],
            ),
            (
                "Rapid review completed (15 working days)",
                [
                    disclosure.count(len(rapid)),
                    disclosure.count(rapid_on_time),
                    disclosure.percent(rapid_on_time, len(rapid), depends_on=[(1, 0), (1, 1)]),
                ],
            ),
        ],
    )
    published = Review.objects.filter(
        partnership=request.partnership, published_on__range=(request.start, request.end)
    )
    blocks: list[Block] = [
        TableBlock(
            disclosure.grid(
                "Serious incidents and the decisions on review",
                "Decision",
                ["Number"],
                rows,
                total_row=True,
            )
        ),
        TableBlock(timeliness),
        Subheading("Reviews published in the period"),
        Bullets(
            [
                f"{review.reference}, published {review.published_on:%-d %B %Y}"
                + (f": {review.publication_url}" if review.publication_url else "")
                for review in published
            ]
        )
        if published
        else Paragraph("No review was published in this period."),
    ]
    return blocks


def challenge(request: SectionRequest) -> list[Block]:
    raised = Challenge.objects.filter(
        partnership=request.partnership, raised_on__range=(request.start, request.end)
    )
    tally = Counter(c.status for c in raised)
    if not tally:
        return [Paragraph("No challenge was logged in this period.")]
    rows = [(s.label, [disclosure.number(tally.get(s.value, 0))]) for s in Challenge.Status]
    return [
        TableBlock(
            disclosure.grid(
                "Challenges raised in the period, by status", "Status", ["Challenges"], rows
            )
        )
    ]


def actions_summary(request: SectionRequest) -> list[Block]:
    actions = Action.objects.filter(
        owner_agency__partnership=request.partnership, created_at__date__lte=request.end
    )
    rows = []
    for source in action_sources():
        mine = [a for a in actions if a.source == source.key]
        if not mine:
            continue
        rows.append(
            (
                source.label,
                [
                    disclosure.number(sum(a.status in Action.ACTIVE for a in mine)),
                    disclosure.number(sum(a.is_active and a.due_date < request.end for a in mine)),
                    disclosure.number(sum(a.status == Action.Status.CLOSED for a in mine)),
                    disclosure.number(len(mine)),
                ],
            )
        )
    if not rows:
        return [Paragraph("No actions are recorded.")]
    return [
        TableBlock(
            disclosure.grid(
                f"Actions by source at {request.end:%-d %B %Y}",
                "Source",
                ["Open", "Overdue", "Closed with evidence of impact", "All"],
                rows,
            )
        )
    ]
