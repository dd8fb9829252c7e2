"""CDOP pages: open cases with their alerts, record a death, the case page, agency reports, the
panel review with factors, learning points (-> actions through ``actions:raise``), panel meetings
with attendance, statistics (exact to the CDOP roles, suppressed otherwise), national comparators
and the alert settings."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from lineofsight.actions.selectors import actions_for_source
from lineofsight.cdop import policies, presentation, selectors, services
from lineofsight.cdop.forms import (
    FACTOR_FIELDS,
    AgencyReportForm,
    AlertSettingsForm,
    CaseFilterForm,
    ComparatorForm,
    DeathEditForm,
    DeathForm,
    LearningPointForm,
    MeetingForm,
    PanelReviewForm,
    ReportReturnedForm,
)
from lineofsight.cdop.models import NOTIFICATION_FIELDS
from lineofsight.cdop.statistics import reporting_year, year_label
from lineofsight.lib.formviews import form_page_then
from lineofsight.lib.listing import PLAIN_EXPORT_LINKS, Export, export_if_asked
from lineofsight.lib.pages import (
    Records,
    form_view,
    initial_of,
    new_record_form,
    page_view,
    record_form,
    return_form,
    saving,
    status_and_year,
    whole_list,
    with_partnership,
    year_asked,
)
from lineofsight.partnership.access import SignedInRequest

CASE_HEADER = [
    "Reference",
    "Date of death",
    "Notified",
    "Age",
    "Expected",
    "Agency reports returned",
    "Panel review",
    "Category",
    "Outcome",
    "Closed",
    "Alerts",
]


DEATHS = Records(
    selectors.death_for,
    "death",
    caption=lambda death: death.reference,
    section="Child deaths",
    listed="cdop:list",
)


def _case_export(rows: list[dict[str, Any]]) -> Any:
    for row in rows:
        d = row["death"]
        yield [
            d.reference,
            d.died_on,
            d.notified_on,
            d.get_age_band_display(),
            d.get_expectation_display(),
            f"{row['returned']} of {row['asked']}",
            d.reviewed_on or "",
            d.category.name if d.category else "",
            d.get_outcome_display(),
            d.closed_on or "",
            "; ".join(a.text for a in row["alerts"]),
        ]


@page_view("cdop.statistics")
def case_list(request: SignedInRequest) -> HttpResponse:
    """The CDOP roles' cases; everyone else who may see the statistics goes to them."""
    if not policies.can_view_records(request.user):
        return redirect("cdop:statistics")
    years = list(range(reporting_year(timezone.localdate()), 2007, -1))[:15]
    form = CaseFilterForm(request.GET or None, years=years)
    status, year = status_and_year(request, form)
    rows = selectors.case_rows(request.user, status="" if status == "all" else status, year=year)
    return whole_list(
        request,
        "cdop/list.html",
        form=form,
        rows=rows,
        export=Export("child-deaths", CASE_HEADER, lambda: _case_export(rows)),
        status=status,
        alerting=sum(1 for r in rows if r["alerts"]),
        can_manage=policies.can_manage(request.user),
    )


create = DEATHS.new(
    "cdop.manage",
    DeathForm,
    services.create_death,
    message=lambda saved: f"Death recorded: {saved.reference}",
    title="Record a child's death",
    intro="From the notification (NCMD notification form). Children are recorded by "
    "pseudonymous reference only: never a name, date of birth or NHS number.",
    submit="Record the death",
)


@form_view("cdop.manage")
def edit(request: SignedInRequest, pk: int) -> HttpResponse:
    death = DEATHS.found(request, pk)
    if not policies.can_manage(request.user, death):
        raise PermissionDenied("cdop.manage")
    return record_form(
        request,
        death,
        DeathEditForm(request.POST or None, initial=initial_of(death, NOTIFICATION_FIELDS)),
        saving(request, services.update_death, death=death, versioned=True),
        message=lambda saved: f"Notification details saved: {saved.reference}",
        title="Change the notification details",
        caption=death.reference,
        intro="Correct what the notification recorded. Children are recorded by pseudonymous "
        "reference only: never a name, date of birth or NHS number.",
        submit="Save the notification details",
    )


@page_view("cdop.view")
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    death = DEATHS.found(request, pk)
    can_manage = policies.can_manage(request.user, death)
    learning = [
        {"point": p, "actions": list(actions_for_source(p))}
        for p in death.learning_points.prefetch_related("themes").select_related("agency")
    ]
    return render(
        request,
        "cdop/detail.html",
        {
            "death": death,
            "alerts": selectors.death_alerts(death),
            "reports": death.agency_reports.select_related("agency"),
            "factors": death.factors.all(),
            "learning": learning,
            "can_manage": can_manage,
        },
    )


add_report = DEATHS.form(
    "cdop.manage",
    with_partnership(AgencyReportForm),
    services.add_agency_report,
    message=lambda saved: f"Agency report added: {saved.agency}",
    title="Add an agency report",
    submit="Add the report",
)


@form_view("cdop.manage")
def report_returned(request: SignedInRequest, pk: int, report: int) -> HttpResponse:
    death = DEATHS.found(request, pk)
    found = get_object_or_404(death.agency_reports.select_related("agency"), pk=report)
    return record_form(
        request,
        death,
        ReportReturnedForm(request.POST or None),
        lambda data, _v: services.record_report_returned(
            actor=request.user, report=found, returned_on=data["returned_on"]
        ),
        message=f"Report returned: {found.agency}",
        title=f"Record {found.agency}'s report as returned",
        caption=death.reference,
    )


def _factor_text(death: Any, domain: str) -> str:
    return "\n".join(f"{f.grade} {f.description}" for f in death.factors.filter(domain=domain))


@form_view("cdop.manage")
def review(request: SignedInRequest, pk: int) -> HttpResponse:
    death = DEATHS.found(request, pk)
    initial = initial_of(death, ("cdr_meeting_on", "outcome"))
    initial.update(
        panel_meeting=death.panel_meeting_id,
        category=death.category_id,
        close=death.closed_on is not None,
        **{name: _factor_text(death, domain) for name, domain in FACTOR_FIELDS.items()},
    )
    form = PanelReviewForm(
        request.POST or None,
        initial=initial,
        partnership=death.partnership,
        reviewed_on=death.reviewed_on,
    )

    def save(data: dict[str, Any], version: int) -> Any:
        meeting = data["panel_meeting"]
        # a review imported without its meeting keeps its date until a meeting is chosen
        reviewed_on = meeting.held_on if meeting else death.reviewed_on
        closed_on = (death.closed_on or reviewed_on) if data["close"] and reviewed_on else None
        return services.record_panel_review(
            actor=request.user,
            death=death,
            expected_version=version,
            panel_meeting=meeting,
            category=data["category"],
            outcome=data["outcome"],
            factors=data["factors"],
            cdr_meeting_on=data["cdr_meeting_on"],
            reviewed_on=reviewed_on,
            closed_on=closed_on,
        )

    return record_form(
        request,
        death,
        form,
        save,
        message="Panel review saved",
        title="Panel review and analysis",
        caption=death.reference,
        intro="The panel's analysis (NCMD Analysis form). Grade each contributory factor 0, 1 or "
        "2; a factor graded 2 means modifiable factors were identified.",
        submit="Save the review",
    )


add_learning = DEATHS.form(
    "cdop.manage",
    with_partnership(LearningPointForm),
    services.add_learning_point,
    message=lambda saved: f"Learning point {saved.number} added",
    title="Add a learning point",
    submit="Add the learning point",
)


@page_view("cdop.view")
def meetings(request: SignedInRequest) -> HttpResponse:
    rows = selectors.meetings_for(request.user).prefetch_related("attendance__agency")
    return render(
        request,
        "cdop/meetings.html",
        {"meetings": rows, "can_manage": policies.can_manage(request.user)},
    )


@form_view("cdop.manage")
def create_meeting(request: SignedInRequest) -> HttpResponse:
    partnership = request.partnership
    form = MeetingForm(request.POST or None, partnership=partnership)
    return new_record_form(
        request,
        form,
        lambda data, _v: services.create_meeting(
            actor=request.user,
            partnership=partnership,
            held_on=data["held_on"],
            notes=data["notes"],
            attendance=form.attendance(),
        ),
        message=lambda saved: f"{saved} recorded",
        title="Record a panel meeting",
        caption="Child deaths",
        intro="The members present from each agency (leave an agency empty if nobody attended).",
        back_url=reverse("cdop:meetings"),
        submit="Record the meeting",
    )


@page_view("cdop.view")
def meeting(request: SignedInRequest, meeting: int) -> HttpResponse:
    found = selectors.meeting_for(request.user, meeting)
    return render(
        request,
        "cdop/meeting.html",
        {
            "meeting": found,
            "attendance": found.attendance.select_related("agency"),
            "cases": found.cases.select_related("category"),
        },
    )


@page_view("cdop.statistics")
def statistics(request: SignedInRequest) -> HttpResponse:
    exact = policies.sees_exact_counts(request.user)
    all_stats = selectors.statistics_for(request.user)
    national = selectors.comparators()
    export = Export(
        "child-death-statistics",
        presentation.EXPORT_HEADER,
        lambda: presentation.export_rows(all_stats, exact=exact, national=national),
    )
    exported = export_if_asked(request, export)
    if exported is not None:
        return exported
    by_year = {s.year: s for s in all_stats}
    # by default the latest complete reporting year with deaths notified or reviewed (the
    # current one is part-way)
    current = reporting_year(timezone.localdate())
    complete = [y for y, s in by_year.items() if y < current and (s.notified or s.reviewed)]
    year = year_asked(request, by_year) or max(complete or by_year)
    stats = by_year[year]
    figures = presentation.year_figures(stats, exact=exact, national=national.get(year))
    return render(
        request,
        "cdop/statistics.html",
        {
            "stats": stats,
            "sections": presentation.sections(figures),
            "years": [(y, year_label(y)) for y in sorted(by_year, reverse=True)],
            "year": year,
            "trend_years": [s.label for s in all_stats],
            "trend": presentation.trend_rows(all_stats, exact=exact),
            "trend_svg": presentation.trend_chart(all_stats, exact=exact, national=national),
            "exact": exact,
            "can_manage": policies.can_manage(request.user),
            "exports": PLAIN_EXPORT_LINKS,
        },
    )


@form_view("cdop.manage")
def comparator(request: SignedInRequest) -> HttpResponse:
    form = ComparatorForm(request.POST or None)
    return form_page_then(
        request,
        form,
        saving(request, services.set_comparator),
        done=lambda saved: (
            "National figure saved",
            f"{reverse('cdop:statistics')}?year={saved.year}",
        ),
        title="Enter a national figure",
        caption="Child death statistics",
        intro="The national comparators NCMD publishes each year; entering one again replaces it.",
        back_url=reverse("cdop:statistics"),
    )


@form_view("cdop.manage")
def alert_settings(request: SignedInRequest) -> HttpResponse:
    partnership = request.partnership
    current = selectors.alert_settings(partnership)
    names = ("agency_report_weeks", "open_warning_months", "open_overdue_months")
    form = AlertSettingsForm(request.POST or None, initial=initial_of(current, names))
    return return_form(
        request,
        form,
        saving(request, services.update_alert_settings, partnership=partnership, versioned=True),
        message="Alert settings saved",
        back="cdop:list",
        title="Timeliness alerts",
        caption="Child deaths",
        intro="When the case list and your home page flag a case.",
    )
