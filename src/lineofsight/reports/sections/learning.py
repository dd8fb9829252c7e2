"""Sections from the records people keep: the delivery plan, Section 11, audits, case reviews,
the challenge log and the action tracker.  Counts of children (audited cases, reviews of
incidents) are ``count`` cells under the small-number rule; counts of plan items, agencies or
actions are ``number`` cells (they count no one).  Free text from records (audit summaries,
rationales) appears only in the internal edition: the published edition carries structured
fields and approved narratives."""

from __future__ import annotations

from collections import Counter

from lineofsight import disclosure
from lineofsight.actions.selectors import tally_by_source
from lineofsight.assurance.selectors import (
    challenges_by_status,
    completed_audit_tallies,
    section11_tallies,
)
from lineofsight.delivery.selectors import plan_after, plan_covering, rag_ratings
from lineofsight.reports.content import Block, Bullets, Paragraph, Subheading, TableBlock
from lineofsight.reports.registry import SectionRequest
from lineofsight.reviews.deadlines import notification_due, rapid_review_due
from lineofsight.reviews.selectors import (
    review_decisions,
    reviews_known_between,
    reviews_published_between,
)


def _internal(request: SectionRequest) -> bool:
    return request.edition == "internal"


def priorities(request: SectionRequest) -> list[Block]:
    """The priorities in force and how far the delivery plan got, by RAG rating."""
    plan = plan_covering(request.partnership, request.end)
    if plan is None:
        return [Paragraph("No delivery plan covers this period.")]
    rags = rag_ratings()
    rows, stalled = [], []
    for priority in plan.priorities.order_by("number").prefetch_related("items"):
        items = list(priority.items.all())
        tally = Counter(item.rag for item in items)
        rows.append(
            (
                f"{priority.number}. {priority.title}",
                [disclosure.number(tally.get(value, 0)) for value, _label in rags]
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
                [label for _value, label in rags] + ["All items"],
                rows,
            )
        ),
        Subheading("Areas of little or no progress"),
    ]
    blocks.append(Bullets(stalled) if stalled else Paragraph("Every item is on track."))
    return blocks


def next_priorities(request: SectionRequest) -> list[Block]:
    plan = plan_after(request.partnership, request.end) or plan_covering(
        request.partnership, request.end
    )
    if plan is None:
        return [Paragraph("No delivery plan has been agreed for next year yet.")]
    titles = [f"{p.number}. {p.title}" for p in plan.priorities.order_by("number")]
    return [Paragraph(f"From {plan.title}:"), Bullets(titles or ["No priorities recorded."])]


def section11(request: SectionRequest) -> list[Block]:
    blocks: list[Block] = []
    for round_ in section11_tallies(request.partnership, (request.start.year, request.end.year)):
        if not round_.rows:
            continue
        blocks.append(
            TableBlock(
                disclosure.grid(
                    f"Section 11 self-assessment {round_.year}: standards by rating",
                    "Agency",
                    [*round_.ratings, "Submitted (1 = yes)"],
                    [
                        (
                            agency,
                            [disclosure.number(n) for n in counts]
                            + [disclosure.number(1 if submitted else 0)],
                        )
                        for agency, counts, submitted in round_.rows
                    ],
                )
            )
        )
        if _internal(request) and round_.development_themes:
            blocks += [Subheading("Development themes"), Paragraph(round_.development_themes)]
    return blocks or [Paragraph("No Section 11 round fell in this period.")]


def audits(request: SectionRequest) -> list[Block]:
    fy = request.start.year if request.start.month >= 4 else request.start.year - 1
    quarter = (request.start.month - 4) % 12 // 3 + 1 if request.kind == "quarterly" else None
    rows: list[tuple[str, list[disclosure.Cell]]] = []
    summaries: list[str] = []
    for audit in completed_audit_tallies(request.partnership, fy, quarter):
        r = len(rows)
        rows.append(
            (
                f"{audit.title} ({audit.theme})",
                [
                    disclosure.count(audit.cases),
                    disclosure.count(audit.gradings),
                    disclosure.count(audit.good_or_better),
                    disclosure.percent(
                        audit.good_or_better, audit.gradings, depends_on=[(r, 1), (r, 2)]
                    )
                    if audit.gradings
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
    reviews = reviews_known_between(request.partnership, request.start, request.end)
    counts = Counter(r.decision for r in reviews)
    undecided = sum(1 for r in reviews if not r.decision)
    rows = [
        (label, [disclosure.count(counts.get(value, 0))]) for value, label in review_decisions()
    ]
    rows.append(("Decision not yet made", [disclosure.count(undecided)]))
    rows.append(("Serious incidents notified", [disclosure.count(len(reviews))]))
    notified = [r for r in reviews if r.notified_on]
    on_time = sum(
        r.notified_on is not None and r.notified_on <= notification_due(r.la_aware_on)
        for r in notified
    )
    rapid = [r for r in reviews if r.rapid_review_on]
    rapid_on_time = sum(
        r.rapid_review_on is not None and r.rapid_review_on <= rapid_review_due(r.la_aware_on)
        for r in rapid
    )
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
    published = reviews_published_between(request.partnership, request.start, request.end)
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
    tally = challenges_by_status(request.partnership, request.start, request.end)
    if not tally:
        return [Paragraph("No challenge was logged in this period.")]
    rows = [(label, [disclosure.number(n)]) for label, n in tally]
    return [
        TableBlock(
            disclosure.grid(
                "Challenges raised in the period, by status", "Status", ["Challenges"], rows
            )
        )
    ]


def actions_summary(request: SectionRequest) -> list[Block]:
    rows = [
        (label, [disclosure.number(n) for n in counts])
        for label, counts in tally_by_source(request.partnership, request.end)
    ]
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
