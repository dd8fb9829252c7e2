"""Administration pages (partnership administrator only): agencies, users, population,
financial year and which agency submits which return.  Every write goes through the audited
``partnership.services``."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from lineofsight.lib.pages import (
    form_view,
    own_form_page,
    page_view,
    post_view,
    return_form,
    saving,
)
from lineofsight.partnership import admin_forms, services
from lineofsight.partnership.access import SignedInRequest
from lineofsight.partnership.middleware import partnership_of
from lineofsight.partnership.models import Agency, Partnership, User
from lineofsight.partnership.roles import Role

MANAGE = "partnership.manage"


def _done(request: HttpRequest, message: str, to: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(to)


@page_view(MANAGE)
def index(request: SignedInRequest) -> HttpResponse:
    partnership = Partnership.objects.first()
    return render(request, "partnership/admin/index.html", {"p": partnership})


@page_view(MANAGE)
def agencies(request: SignedInRequest) -> HttpResponse:
    from lineofsight.datasets.models import FORMAT_NAMES
    from lineofsight.datasets.submitters import formats_for

    rows = [
        {
            "agency": agency,
            "returns": ", ".join(sorted(FORMAT_NAMES.get(f, f) for f in formats_for(agency))),
            "custom": agency.returns.exists(),
        }
        for agency in Agency.objects.order_by("retired_on", "name")
    ]
    return render(request, "partnership/admin/agencies.html", {"rows": rows})


@form_view(MANAGE)
def agency_add(request: SignedInRequest) -> HttpResponse:
    form = admin_forms.NewAgencyForm(request.POST or None)
    return return_form(
        request,
        form,
        saving(request, services.add_agency),
        message=lambda saved: f"{saved.name} added",
        back="administration:agencies",
        title="Add an agency",
        submit="Add agency",
    )


@form_view(MANAGE)
def agency_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=pk)
    form = admin_forms.AgencyForm(
        request.POST or None, initial={"name": agency.name, "kind": agency.kind}
    )
    return return_form(
        request,
        form,
        saving(request, services.rename_agency, agency=agency),
        message=lambda _saved: f"{agency.name} saved",
        back="administration:agencies",
        title=f"Change {agency.name}",
        caption="Agencies",
    )


@post_view(MANAGE)
def agency_retire(request: SignedInRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=pk)
    try:
        services.retire_agency(actor=request.user, agency=agency, on=timezone.localdate())
    except services.ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("administration:agencies")
    return _done(
        request,
        f"{agency.name} retired: its records are kept; it is offered for nothing new",
        reverse("administration:agencies"),
    )


@form_view(MANAGE)
def agency_returns(request: SignedInRequest, pk: int) -> HttpResponse:
    from lineofsight.datasets.models import FORMAT_NAMES
    from lineofsight.datasets.submitters import default_formats_for

    agency = get_object_or_404(Agency, pk=pk)
    choices = [(k, v) for k, v in FORMAT_NAMES.items() if k != "unknown"]
    form = admin_forms.AgencyReturnsForm(
        request.POST if request.method == "POST" else None,  # all unticked is a real answer
        choices=choices,
        initial={"formats": list(agency.returns.values_list("format", flat=True))},
    )
    default = ", ".join(sorted(FORMAT_NAMES.get(f, f) for f in default_formats_for(agency.kind)))
    return return_form(
        request,
        form,
        saving(request, services.set_agency_returns, agency=agency),
        message=f"Returns of {agency.name} saved",
        back="administration:agencies",
        title=f"Returns {agency.name} submits",
        intro=f"Default for a {agency.get_kind_display().lower()} agency: {default}.",
        caption="Agencies",
    )


@page_view(MANAGE)
def users(request: SignedInRequest) -> HttpResponse:
    people = User.objects.select_related("agency").prefetch_related("role_assignments")
    return render(
        request,
        "partnership/admin/users.html",
        {"people": people.order_by("-is_active", "username")},
    )


@form_view(MANAGE)
def user_invite(request: SignedInRequest) -> HttpResponse:
    form = admin_forms.InviteForm(request.POST or None)
    return return_form(
        request,
        form,
        lambda data, _v: services.invite_user(
            actor=request.user,
            base_url=request.build_absolute_uri("/"),
            roles=[Role(r) for r in data.pop("roles")],
            **data,
        ),
        message=lambda user: (
            f"{user.username} invited: an email with a one-time link to set "
            f"their password was sent to {user.email}"
        ),
        back="administration:users",
        title="Invite a user",
        submit="Send invitation",
        caption="Users",
        intro="They are emailed a link that works once to set their password; they then set "
        "up two-factor authentication.",
    )


@form_view(MANAGE)
def user_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(User, pk=pk)
    initial = {
        "first_name": person.first_name, "last_name": person.last_name, "email": person.email,
        "agency": person.agency_id, "roles": sorted(person.role_set()),
        "is_active": person.is_active,
    }  # fmt: skip
    form = admin_forms.UserForm(request.POST or None, initial=initial)
    return own_form_page(
        request,
        "partnership/admin/user.html",
        form,
        lambda data, _v: services.update_user(
            actor=request.user, user=person, roles=[Role(r) for r in data.pop("roles")], **data
        ),
        message=lambda _saved: f"{person.username} saved",
        then=reverse("administration:users"),
        person=person,
        title=f"Change {person.username}",
    )


@post_view(MANAGE)
def user_resend(request: SignedInRequest, pk: int) -> HttpResponse:
    from lineofsight.partnership.links import send_invitation

    person = get_object_or_404(User, pk=pk, is_active=True)
    partnership = Partnership.objects.get()
    send_invitation(
        person, partnership_name=partnership.name, base_url=request.build_absolute_uri("/")
    )
    services.record_link_sent(actor=request.user, user=person, verb="user.invite")
    return _done(
        request,
        f"A new one-time link was sent to {person.email}",
        reverse("administration:user", args=[person.pk]),
    )


@form_view(MANAGE)
def population(request: SignedInRequest) -> HttpResponse:
    partnership = Partnership.objects.get()
    form = admin_forms.PopulationForm(request.POST or None)
    return own_form_page(
        request,
        "partnership/admin/population.html",
        form,
        saving(request, services.set_population, partnership=partnership),
        message=lambda saved: f"Population for mid-{saved.year} saved",
        then=reverse("administration:population"),
        rows=partnership.populations.all(),
    )


@form_view(MANAGE)
def financial_year(request: SignedInRequest) -> HttpResponse:
    partnership = Partnership.objects.get()
    form = admin_forms.FinancialYearForm(
        request.POST or None, initial={"month": partnership.financial_year_start_month}
    )
    return return_form(
        request,
        form,
        saving(request, services.set_financial_year_start, partnership=partnership),
        message="Financial year start saved",
        back="administration:index",
        title="Financial year",
        caption="Administration",
    )


def _formats() -> list[tuple[str, str]]:
    from lineofsight.datasets.models import FORMAT_NAMES

    return [(k, v) for k, v in FORMAT_NAMES.items() if k != "unknown"]


@form_view(MANAGE)
def schedule(request: SignedInRequest) -> HttpResponse:
    """The return schedule: which return each agency owes for which period, by which date."""
    from lineofsight.datasets import schedules

    form = admin_forms.ReturnDueForm(request.POST or None, formats=_formats())
    return own_form_page(
        request,
        "partnership/admin/schedule.html",
        form,
        saving(request, schedules.add_return_due),
        message=lambda saved: f"{saved} added",
        then=reverse("administration:schedule"),
        rows=schedules.for_everyone(request.user),
    )


@form_view(MANAGE)
def schedule_year(request: SignedInRequest) -> HttpResponse:
    """Add a year of standard returns for every active agency (``datasets.schedules``)."""
    from lineofsight.calendar import years
    from lineofsight.datasets import schedules

    partnership = partnership_of(request)
    if partnership is None:
        raise Http404("No partnership is set up yet")
    month = partnership.financial_year_start_month
    this_year = years.start_year_of(timezone.localdate(), month)
    form = admin_forms.StandardYearForm(request.POST or None, initial={"start_year": this_year})
    month_name = admin_forms.MONTHS[month - 1][1]
    intro = (
        "Every active agency is scheduled for the returns it submits: partner returns each "
        f"quarter of the partnership's year (which starts on 1 {month_name}), "
        "due by the end of the following month; the CIN census and SSDA903 for the DfE year "
        "(April to March), due by 31 July after it. Returns already scheduled are kept."
    )
    return return_form(
        request,
        form,
        saving(request, schedules.add_standard_year, partnership=partnership),
        message=lambda rows: f"{len(rows)} returns added to the schedule",
        back="administration:schedule",
        title="Add a year of returns",
        intro=intro,
        submit="Add the year's returns",
        caption="Return schedule",
    )
