"""Administration pages (partnership administrator only): agencies, users, population,
financial year and which agency submits which return.  Every write goes through the audited
``partnership.services``."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from lineofsight.lib.formviews import render_form_page, submit
from lineofsight.partnership import admin_forms, services
from lineofsight.partnership.access import SignedInRequest, requires
from lineofsight.partnership.middleware import partnership_of
from lineofsight.partnership.models import Agency, Partnership, User
from lineofsight.partnership.roles import Role

MANAGE = "partnership.manage"


def _done(request: HttpRequest, message: str, to: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(to)


@requires(MANAGE)
@require_http_methods(["GET"])
def index(request: SignedInRequest) -> HttpResponse:
    partnership = Partnership.objects.first()
    return render(request, "partnership/admin/index.html", {"p": partnership})


@requires(MANAGE)
@require_http_methods(["GET"])
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


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def agency_add(request: SignedInRequest) -> HttpResponse:
    form = admin_forms.NewAgencyForm(request.POST or None)
    outcome = submit(
        request, form, lambda data, _v: services.add_agency(actor=request.user, **data)
    )
    if outcome.saved:
        return _done(request, f"{outcome.result.name} added", reverse("administration:agencies"))
    return render_form_page(
        request, form, title="Add an agency", back_url=reverse("administration:agencies"),
        status=outcome.status, submit="Add agency",
    )  # fmt: skip


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def agency_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=pk)
    form = admin_forms.AgencyForm(
        request.POST or None, initial={"name": agency.name, "kind": agency.kind}
    )
    outcome = submit(
        request, form,
        lambda data, _v: services.rename_agency(actor=request.user, agency=agency, **data),
    )  # fmt: skip
    if outcome.saved:
        return _done(request, f"{agency.name} saved", reverse("administration:agencies"))
    return render_form_page(
        request, form, title=f"Change {agency.name}", back_url=reverse("administration:agencies"),
        status=outcome.status, caption="Agencies",
    )  # fmt: skip


@requires(MANAGE)
@require_POST
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


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
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
    outcome = submit(
        request, form,
        lambda data, _v: services.set_agency_returns(
            actor=request.user, agency=agency, formats=data["formats"]),
    )  # fmt: skip
    if outcome.saved:
        return _done(request, f"Returns of {agency.name} saved", reverse("administration:agencies"))
    default = ", ".join(sorted(FORMAT_NAMES.get(f, f) for f in default_formats_for(agency.kind)))
    return render_form_page(
        request, form, title=f"Returns {agency.name} submits",
        back_url=reverse("administration:agencies"), status=outcome.status,
        intro=f"Default for a {agency.get_kind_display().lower()} agency: {default}.",
        caption="Agencies",
    )  # fmt: skip


@requires(MANAGE)
@require_http_methods(["GET"])
def users(request: SignedInRequest) -> HttpResponse:
    people = User.objects.select_related("agency").prefetch_related("role_assignments")
    return render(
        request,
        "partnership/admin/users.html",
        {"people": people.order_by("-is_active", "username")},
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def user_invite(request: SignedInRequest) -> HttpResponse:
    form = admin_forms.InviteForm(request.POST or None)
    outcome = submit(
        request, form,
        lambda data, _v: services.invite_user(
            actor=request.user, base_url=request.build_absolute_uri("/"),
            roles=[Role(r) for r in data.pop("roles")], **data),
    )  # fmt: skip
    if outcome.saved:
        user = outcome.result
        return _done(
            request,
            f"{user.username} invited: an email with a one-time link to set their password was "
            f"sent to {user.email}",
            reverse("administration:users"),
        )
    return render_form_page(
        request, form, title="Invite a user", back_url=reverse("administration:users"),
        status=outcome.status, submit="Send invitation", caption="Users",
        intro="They are emailed a link that works once to set their password; they then set "
        "up two-factor authentication.",
    )  # fmt: skip


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def user_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(User, pk=pk)
    initial = {
        "first_name": person.first_name, "last_name": person.last_name, "email": person.email,
        "agency": person.agency_id, "roles": sorted(person.role_set()),
        "is_active": person.is_active,
    }  # fmt: skip
    form = admin_forms.UserForm(request.POST or None, initial=initial)
    outcome = submit(
        request, form,
        lambda data, _v: services.update_user(
            actor=request.user, user=person, roles=[Role(r) for r in data.pop("roles")], **data),
    )  # fmt: skip
    if outcome.saved:
        return _done(request, f"{person.username} saved", reverse("administration:users"))
    return render(
        request,
        "partnership/admin/user.html",
        {"form": form, "person": person, "title": f"Change {person.username}"},
        status=outcome.status,
    )


@requires(MANAGE)
@require_POST
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


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def population(request: SignedInRequest) -> HttpResponse:
    partnership = Partnership.objects.get()
    form = admin_forms.PopulationForm(request.POST or None)
    outcome = submit(
        request, form,
        lambda data, _v: services.set_population(
            actor=request.user, partnership=partnership, **data),
    )  # fmt: skip
    if outcome.saved:
        return _done(
            request,
            f"Population for mid-{outcome.result.year} saved",
            reverse("administration:population"),
        )
    return render(
        request, "partnership/admin/population.html",
        {"form": form, "rows": partnership.populations.all()}, status=outcome.status,
    )  # fmt: skip


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def financial_year(request: SignedInRequest) -> HttpResponse:
    partnership = Partnership.objects.get()
    form = admin_forms.FinancialYearForm(
        request.POST or None, initial={"month": partnership.financial_year_start_month}
    )
    outcome = submit(
        request, form,
        lambda data, _v: services.set_financial_year_start(
            actor=request.user, partnership=partnership, month=data["month"]),
    )  # fmt: skip
    if outcome.saved:
        return _done(request, "Financial year start saved", reverse("administration:index"))
    return render_form_page(
        request, form, title="Financial year", back_url=reverse("administration:index"),
        status=outcome.status, caption="Administration",
    )  # fmt: skip


def _formats() -> list[tuple[str, str]]:
    from lineofsight.datasets.models import FORMAT_NAMES

    return [(k, v) for k, v in FORMAT_NAMES.items() if k != "unknown"]


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def schedule(request: SignedInRequest) -> HttpResponse:
    """The return schedule: which return each agency owes for which period, by which date."""
    from lineofsight.datasets import schedules

    form = admin_forms.ReturnDueForm(request.POST or None, formats=_formats())
    outcome = submit(
        request, form, lambda data, _v: schedules.add_return_due(actor=request.user, **data)
    )
    if outcome.saved:
        return _done(request, f"{outcome.result} added", reverse("administration:schedule"))
    return render(
        request,
        "partnership/admin/schedule.html",
        {"form": form, "rows": schedules.for_everyone(request.user)},
        status=outcome.status,
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
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
    outcome = submit(
        request, form,
        lambda data, _v: schedules.add_standard_year(
            actor=request.user, partnership=partnership, start_year=data["start_year"]
        ),
    )  # fmt: skip
    if outcome.saved:
        return _done(
            request,
            f"{len(outcome.result)} returns added to the schedule",
            reverse("administration:schedule"),
        )
    month_name = admin_forms.MONTHS[month - 1][1]
    intro = (
        "Every active agency is scheduled for the returns it submits: partner returns each "
        f"quarter of the partnership's year (which starts on 1 {month_name}), "
        "due by the end of the following month; the CIN census and SSDA903 for the DfE year "
        "(April to March), due by 31 July after it. Returns already scheduled are kept."
    )
    return render_form_page(
        request, form, title="Add a year of returns", back_url=reverse("administration:schedule"),
        status=outcome.status, intro=intro, submit="Add the year's returns",
        caption="Return schedule",
    )  # fmt: skip
