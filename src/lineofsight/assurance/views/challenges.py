from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from lineofsight.actions.selectors import actions_for_source
from lineofsight.assurance import forms, policies, selectors
from lineofsight.assurance.models import Challenge
from lineofsight.assurance.services import challenges
from lineofsight.lib.formviews import form_page
from lineofsight.lib.listing import Export, active_filters, list_response
from lineofsight.partnership.access import SignedInRequest, requires

EXPORT_HEADER = [
    "Date raised",
    "Challenging agency",
    "Challenged by",
    "Agency challenged",
    "About",
    "Challenge",
    "Response",
    "Response date",
    "Outcome",
    "Status",
]


def _challenge(request: HttpRequest, pk: int) -> Challenge:
    return get_object_or_404(selectors.challenges_for(request.user), pk=pk)


@requires("learning.view")
@require_GET
def challenge_list(request: SignedInRequest) -> HttpResponse:
    form = forms.ChallengeFilterForm(request.GET or None, partnership=request.partnership)
    rows = selectors.challenges_for(request.user, **active_filters(form))
    export = Export(
        "Challenge log",
        EXPORT_HEADER,
        lambda: (
            [
                c.raised_on,
                c.raised_by_agency.name,
                c.raised_by_person,
                c.challenged_agency.name,
                c.subject,
                c.detail,
                c.response,
                c.response_date,
                c.outcome,
                c.get_status_display(),
            ]
            for c in rows
        ),
    )
    return list_response(
        request,
        "assurance/challenges.html",
        form=form,
        rows=rows,
        export=export,
        context={"allowed": policies.allowed(request.user)},
    )


@requires("learning.view")
@require_GET
def challenge_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    challenge = _challenge(request, pk)
    return render(
        request,
        "assurance/challenge.html",
        {
            "challenge": challenge,
            "actions": list(actions_for_source(challenge)),
            "allowed": policies.allowed(request.user),
        },
    )


@requires("challenge.log")
@require_http_methods(["GET", "POST"])
def challenge_create(request: SignedInRequest) -> HttpResponse:
    partnership = request.partnership
    form = forms.ChallengeForm(
        request.POST or None, partnership=partnership, initial={"status": Challenge.Status.OPEN}
    )
    return form_page(
        request,
        form,
        lambda data, _v: challenges.create_challenge(
            actor=request.user, partnership=partnership, **data
        ),
        title="Log a challenge",
        back_url=reverse("assurance:challenges"),
    )


@requires("learning.manage")
@require_http_methods(["GET", "POST"])
def challenge_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    challenge = _challenge(request, pk)
    initial = {name: getattr(challenge, name) for name in challenges.FIELDS}
    initial.update(
        raised_by_agency=challenge.raised_by_agency_id,
        challenged_agency=challenge.challenged_agency_id,
        version=challenge.version,
    )
    form = forms.EditChallengeForm(
        request.POST or None, partnership=challenge.partnership, initial=initial
    )
    return form_page(
        request,
        form,
        lambda data, version: challenges.update_challenge(
            actor=request.user, challenge=challenge, expected_version=version, **data
        ),
        title="Update the challenge",
        caption=challenge.subject,
        back_url=challenge.get_absolute_url(),
    )
