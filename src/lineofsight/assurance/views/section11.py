from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from lineofsight.actions.selectors import actions_for_source
from lineofsight.assurance import forms, policies, selectors, standards
from lineofsight.assurance.models import Section11Return, Section11Round
from lineofsight.assurance.services import section11
from lineofsight.lib.formviews import form_page, run_service, submit
from lineofsight.lib.listing import Export, export_if_asked, export_links
from lineofsight.lib.pages import (
    Records,
    allowed_page,
    form_view,
    one_of,
    page_view,
    post_view,
    saving,
)
from lineofsight.partnership.access import SignedInRequest, has_permission

ROUNDS = Records(one_of(selectors.rounds_for), "round_", caption="")


@page_view("learning.view")
def round_list(request: SignedInRequest) -> HttpResponse:
    rounds = list(selectors.rounds_for(request.user))
    responder = policies.is_responder(request.user)
    for round_ in rounds:
        round_.own = selectors.own_return(request.user, round_) if responder else None  # type: ignore[attr-defined]  # a row decorated for the template
        round_.submitted_count = round_.returns.filter(  # type: ignore[attr-defined]  # a row decorated for the template
            status=Section11Return.Status.SUBMITTED
        ).count()
    return allowed_page(
        request,
        "assurance/section11_rounds.html",
        policies.allowed,
        rounds=rounds,
        responder=responder,
    )


@form_view("learning.manage")
def round_create(request: SignedInRequest) -> HttpResponse:
    form = forms.RoundForm(request.POST or None)
    return form_page(
        request,
        form,
        saving(request, section11.create_round, partnership=request.partnership),
        title="Open a Section 11 round",
        back_url=reverse("assurance:section11"),
        intro="Each agency's lead then completes their own agency's return.",
    )


EXPORT_HEADER = ["Agency", "Status", "Standard", "Rating", "Evidence", "Development point"]


@page_view("learning.view")
def round_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    round_ = ROUNDS.found(request, pk)
    visible = list(selectors.returns_for(request.user, round_))
    export = Export(
        f"Section 11 {round_.year}",
        EXPORT_HEADER,
        lambda: (
            [
                r.agency.name,
                r.get_status_display(),
                standards.standard(a.standard).title,
                a.get_rating_display(),
                a.evidence,
                a.development_point,
            ]
            for r in visible
            for a in sorted(r.answers.all(), key=lambda a: standards.standard(a.standard).number)
        ),
    )
    exported = export_if_asked(request, export)
    if exported:
        return exported
    summary = selectors.round_summary(request.user, round_)
    for row in summary.rows:
        for point in row.development_points:
            point.action_list = list(actions_for_source(point))  # type: ignore[attr-defined]  # a row decorated for the template
    context = {
        "round": round_,
        "statuses": selectors.return_statuses(request.user, round_),
        "visible": {r.agency_id: r for r in visible},
        "summary": summary,
        "exports": export_links(request),
        "responder": policies.is_responder(request.user),
        "allowed": policies.allowed(request.user),
    }
    return render(request, "assurance/section11_round.html", context)


round_edit = ROUNDS.form(
    "learning.manage",
    forms.RoundSummaryForm,
    section11.update_round,
    change=("due_date", "status", "strengths", "development_themes"),
    title=lambda round_: f"Summary of {round_}",
    intro="The partnership's strengths and development themes across the "
    "agencies' submitted returns.",
)


@form_view("section11.respond")
def respond(request: SignedInRequest, pk: int) -> HttpResponse:
    """The signed-in lead's own agency's return: start it, save it as a draft, submit it."""
    round_ = ROUNDS.found(request, pk)
    agency = request.user.agency
    if agency is None:
        raise Http404("You are not in an agency")
    own = selectors.own_return(request.user, round_)
    if own is None:
        if request.method != "POST" or round_.status != Section11Round.Status.OPEN:
            return render(request, "assurance/section11_start.html", {"round": round_})
        own, status = run_service(
            forms.forms.Form(),
            lambda: section11.start_return(actor=request.user, round_=round_, agency=agency),
        )
        return redirect("assurance:section11_respond", round_.pk)
    if own.status != Section11Return.Status.DRAFT or round_.status != Section11Round.Status.OPEN:
        return redirect(own)
    initial = forms.Section11ReturnForm.initial_from(
        selectors.answers_by_standard(own), own.version
    )
    form = forms.Section11ReturnForm(request.POST or None, initial=initial)
    submitting = request.POST.get("action") == "submit"
    outcome = submit(
        request,
        form,
        lambda _data, version: section11.save_return(
            actor=request.user,
            section11_return=own,
            expected_version=version,
            answers=form.answers(),
            submit=submitting,
        ),
    )
    if outcome.saved:
        if submitting:
            messages.success(request, f"{own.agency}'s return has been submitted.")
            return redirect(outcome.result)
        messages.success(
            request,
            "Your draft has been saved. Only your agency can see it until you submit it.",
        )
        return redirect("assurance:section11_respond", round_.pk)
    return render(
        request,
        "assurance/section11_respond.html",
        {"round": round_, "return": own, "form": form},
        status=outcome.status,
    )


@page_view("learning.view")
def return_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    ret = Section11Return.objects.select_related("round", "agency").filter(pk=pk).first()
    if ret is None:
        raise Http404
    ret = get_object_or_404(selectors.returns_for(request.user, ret.round), pk=pk)
    answers = selectors.answers_by_standard(ret)
    rows = [(item, answers.get(item.code)) for item in standards.standards()]
    can_edit = (
        ret.status == Section11Return.Status.DRAFT
        and has_permission(request.user, "section11.respond")
        and request.user.agency_id == ret.agency_id
    )
    return render(
        request,
        "assurance/section11_return.html",
        {"return": ret, "rows": rows, "can_edit": can_edit},
    )


@post_view("learning.manage")
def return_reopen(request: SignedInRequest, pk: int) -> HttpResponse:
    ret = Section11Return.objects.select_related("round").filter(pk=pk).first()
    if ret is None:
        raise Http404
    ret = get_object_or_404(selectors.returns_for(request.user, ret.round), pk=pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = 0
    form = forms.forms.Form()
    saved, _ = run_service(
        form,
        lambda: section11.reopen_return(
            actor=request.user, section11_return=ret, expected_version=version
        ),
    )
    if saved:
        messages.success(request, f"{ret.agency}'s return is a draft again.")
    else:
        messages.error(request, " ".join(str(e) for e in form.non_field_errors()))
    return redirect(ret.round)
