"""LADO pages: referrals with their overdue flags, consultations (which may become referrals),
a referral from receipt through the decision, meetings and progress to the outcome, the
statistics (exact to the LADO roles, suppressed for the partnership's leaders), the timeliness
standards and the lists of sectors and outcomes.  Records are read by the LADO and the deputy
only; every read is audited by the selectors and every download by ``services.record_export``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from lineofsight.lado import policies, presentation, reference, selectors, services, verbs
from lineofsight.lado.forms import (
    ConsultationForm,
    DecisionForm,
    EarlierYearForm,
    EditReferralForm,
    ListItemForm,
    MeetingForm,
    OutcomeForm,
    ProgressForm,
    ReferralFilterForm,
    ReferralForm,
    StandardsForm,
)
from lineofsight.lado.models import Outcome, Referral, Sector
from lineofsight.lado.statistics import reporting_year, trend_years, year_label, years_covered
from lineofsight.lib.formviews import form_page_then, submit
from lineofsight.lib.listing import PLAIN_EXPORT_LINKS, Export, export_if_asked
from lineofsight.lib.pages import (
    Records,
    allowed_page,
    form_view,
    initial_of,
    page_view,
    record_form,
    return_form,
    saving,
    status_and_year,
    whole_list,
    year_asked,
)
from lineofsight.partnership.access import SignedInRequest

# the adult's name is never a column of a download
REFERRAL_HEADER = [
    "Reference",
    "Received",
    "Referring agency",
    "Adult's reference",
    "Adult's role",
    "Sector",
    "Context",
    "Category",
    "Threshold met",
    "Decided",
    "Criteria",
    "Police investigation",
    "Suspended",
    "Children's social care",
    "Outcome",
    "Concluded",
    "Onward referrals",
    "Overdue",
]
YES_NO = {True: "Yes", False: "No", None: "Not yet decided"}


def _referral_export(request: SignedInRequest, rows: list[dict[str, Any]]) -> Iterator[list[Any]]:
    services.record_export(actor=request.user, what="referrals", rows=len(rows))
    for row in rows:
        r = row["referral"]
        yield [
            r.reference,
            r.received_on,
            r.get_referring_agency_display(),
            r.adult_reference,
            r.adult_role,
            r.sector.name,
            r.get_context_display(),
            r.get_category_display(),
            YES_NO[r.threshold_met],
            r.decided_on or "",
            "; ".join(dict(reference.CRITERIA)[c] for c in r.criteria),
            YES_NO[r.police_investigation],
            YES_NO[r.suspended],
            YES_NO[r.social_care_involved],
            r.outcome.name if r.outcome else "",
            r.concluded_on or "",
            "; ".join(r.onward),
            "; ".join(f.text for f in row["flags"]),
        ]


REFERRALS = Records(
    selectors.referral_for,
    "referral",
    policies.allowed,
    lambda referral: referral.reference,
    "LADO",
    "lado:list",
)
CONSULTATIONS = Records(
    selectors.consultation_for,
    "consultation",
    policies.allowed,
    lambda consultation: consultation.reference,
    "LADO",
    "lado:consultations",
)


def _years() -> list[int]:
    return list(range(reporting_year(timezone.localdate()), 2011, -1))


@page_view("lado.statistics")
def referral_list(request: SignedInRequest) -> HttpResponse:
    """The LADO roles' referrals; everyone else who may see the statistics goes to them."""
    if not policies.can_manage(request.user):
        return redirect("lado:statistics")
    form = ReferralFilterForm(request.GET or None, years=_years())
    status, year = status_and_year(request, form)
    rows = selectors.referral_rows(
        request.user, status="" if status == "all" else status, year=year
    )
    return whole_list(
        request,
        "lado/list.html",
        form=form,
        rows=rows,
        export=Export("lado-referrals", REFERRAL_HEADER, lambda: _referral_export(request, rows)),
        status=status,
        flagged=sum(1 for r in rows if r["flags"]),
        allowed=policies.allowed(request.user),
    )


create = REFERRALS.new(
    "lado.manage",
    ReferralForm,
    services.create_referral,
    message=lambda saved: f"Referral recorded: {saved.reference}",
    title="Record a referral",
    intro="An allegation that someone who works with children has harmed a child, may have "
    "committed an offence against a child, may pose a risk of harm or may not be suitable "
    "to work with children.",
    submit="Record the referral",
)
detail = REFERRALS.page(
    "lado.manage",
    "lado/detail.html",
    flags=selectors.referral_flags,
    due=selectors.referral_deadlines,
    meetings=lambda referral: referral.meetings.all(),
    criteria=lambda referral: [dict(reference.CRITERIA)[c] for c in referral.criteria],
    consultation=lambda referral: getattr(referral, "consultation", None),
)


def _edit_form(data: Any, referral: Referral) -> EditReferralForm:
    initial = initial_of(referral, ReferralForm.base_fields)
    return EditReferralForm(data, initial={**initial, "sector": referral.sector_id})


edit = REFERRALS.form(
    "lado.manage",
    _edit_form,
    services.update_referral,
    versioned=True,
    message="Referral updated",
    title="Change the referral",
)


@form_view("lado.manage")
def decision(request: SignedInRequest, pk: int) -> HttpResponse:
    referral = REFERRALS.found(request, pk)
    initial = initial_of(referral, ("decided_on",))
    if referral.threshold_met is not None:
        initial.update(
            threshold_met="yes" if referral.threshold_met else "no", criteria=referral.criteria
        )
    form = DecisionForm(request.POST or None, initial=initial, received_on=referral.received_on)
    due = selectors.referral_deadlines(referral)["decision"]
    return record_form(
        request,
        referral,
        form,
        saving(request, services.record_decision, referral=referral, versioned=True),
        message="Threshold decision recorded",
        title="Threshold decision",
        caption=referral.reference,
        intro=f"Due by {due:%-d %B %Y} (working days from receipt). Keeping Children Safe in "
        "Education part four: the four harm threshold criteria.",
        submit="Record the decision",
    )


add_meeting = REFERRALS.form(
    "lado.manage",
    MeetingForm,
    services.add_meeting,
    message=lambda saved: f"{saved} recorded",
    title="Record a strategy or evaluation meeting",
    submit="Record the meeting",
)
progress = REFERRALS.form(
    "lado.manage",
    ProgressForm,
    services.record_progress,
    change=[name for name in ProgressForm.base_fields if name != "version"],
    message="Progress recorded",
    title="Police, suspension and social care",
)


def _outcome_form(data: Any, referral: Referral) -> OutcomeForm:
    initial = {
        **initial_of(referral, ("concluded_on",)),
        "outcome": referral.outcome_id,
        "onward": [name for name, _ in reference.ONWARD if getattr(referral, name)],
    }
    return OutcomeForm(data, initial=initial, threshold_met=referral.threshold_met)


outcome = REFERRALS.form(
    "lado.manage",
    _outcome_form,
    services.record_outcome,
    versioned=True,
    message="Outcome recorded",
    title="Outcome",
    submit="Record the outcome",
)


@page_view("lado.manage")
def consultations(request: SignedInRequest) -> HttpResponse:
    rows = selectors.consultations_for(request.user)
    return allowed_page(request, "lado/consultations.html", policies.allowed, rows=rows)


create_consultation = CONSULTATIONS.new(
    "lado.manage",
    ConsultationForm,
    services.create_consultation,
    message=lambda saved: f"Consultation recorded: {saved.reference}",
    title="Record a consultation",
    intro="Advice to an employer or a professional, without naming anyone.",
    submit="Record the consultation",
)
consultation = CONSULTATIONS.page("lado.manage", "lado/consultation.html")


@form_view("lado.manage")
def convert(request: SignedInRequest, consultation: int) -> HttpResponse:
    found = CONSULTATIONS.found(request, consultation)
    if found.referral_id:
        messages.info(request, "This consultation has already become a referral")
        return redirect(reverse("lado:referral", args=[found.referral_id]))
    form = ReferralForm(
        request.POST or None,
        initial={
            "received_on": timezone.localdate(),
            "employer": found.employer,
            "sector": found.sector_id,
            "category": found.category,
        },
    )
    return form_page_then(
        request,
        form,
        saving(request, services.convert_consultation, consultation=found),
        done=lambda saved: (f"Referral recorded: {saved.reference}", saved),
        title="Make this consultation a referral",
        caption=found.reference,
        back_url=found.get_absolute_url(),
        submit="Record the referral",
    )


@page_view("lado.statistics")
def statistics(request: SignedInRequest) -> HttpResponse:
    exact = policies.sees_exact_counts(request.user)
    facts = selectors.facts_for(request.user)
    today = timezone.localdate()
    years = years_covered(facts, today)
    trend = trend_years(facts, today)
    if request.GET.get("format") in ("csv", "xlsx"):
        services.record_export(
            actor=request.user, what="statistics", rows=len(years), verb=verbs.STATISTICS_EXPORT
        )
    exported = export_if_asked(
        request,
        Export(
            "lado-statistics",
            presentation.EXPORT_HEADER,
            lambda: presentation.export_rows(facts, years, trend, exact=exact),
        ),
    )
    if exported is not None:
        return exported
    year = year_asked(request, years) or presentation.default_year(years, today)
    shown = presentation.page(facts, year, years, trend, exact=exact)
    return render(
        request,
        "lado/statistics.html",
        {
            "page": shown,
            "year": year,
            "label": year_label(year),
            "years": [(y, year_label(y)) for y in sorted(years, reverse=True)],
            "exact": exact,
            "allowed": policies.allowed(request.user),
            "exports": PLAIN_EXPORT_LINKS,
        },
    )


@form_view("lado.configure")
def standards(request: SignedInRequest) -> HttpResponse:
    partnership = request.partnership
    current = selectors.standards_of(partnership)
    names = ("decision_days", "meeting_days", "first_months", "target_months", "longest_months")
    form = StandardsForm(request.POST or None, initial=initial_of(current, names))
    return return_form(
        request,
        form,
        saving(request, services.update_standards, partnership=partnership, versioned=True),
        message="Timeliness standards saved",
        back="lado:list",
        title="Timeliness standards",
        caption="LADO",
        intro="Working days are counted with the partnership's calendar (bank holidays left "
        "out); months are calendar months from the referral.",
    )


@form_view("lado.configure")
def lists(request: SignedInRequest) -> HttpResponse:
    form = ListItemForm(request.POST or None)
    outcome_ = submit(
        request,
        form,
        lambda data, _v: services.save_list_item(
            actor=request.user,
            model=Sector if data["kind"] == "sector" else Outcome,
            code=data["code"],
            name=data["name"],
            active=data["active"],
        ),
    )
    if outcome_.saved:
        messages.success(request, f"Saved: {outcome_.result.name}")
        return redirect("lado:lists")
    return render(
        request,
        "lado/lists.html",
        {
            "form": form,
            "sectors": selectors.sectors(active_only=False),
            "outcomes": selectors.outcomes(active_only=False),
        },
        status=outcome_.status,
    )


@form_view("lado.configure")
def earlier_year(request: SignedInRequest) -> HttpResponse:
    partnership = request.partnership
    form = EarlierYearForm(request.POST or None)
    return return_form(
        request,
        form,
        saving(request, services.set_earlier_year, partnership=partnership),
        message=lambda saved: f"{saved} saved",
        back="lado:statistics",
        title="Figures from before the records",
        caption="LADO statistics",
        intro="A year's referrals and those meeting the threshold from an earlier annual report, "
        "for the year-on-year table (a year with records here always uses the records). "
        "Entering a year again replaces it; leave a figure empty where it was not kept.",
    )
