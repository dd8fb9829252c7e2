from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.urls import reverse

from lineofsight.actions.selectors import actions_for_source
from lineofsight.assurance import forms, policies, selectors
from lineofsight.assurance.models import Challenge
from lineofsight.assurance.services import challenges
from lineofsight.lib.formviews import form_page
from lineofsight.lib.pages import (
    Records,
    allowed_page,
    filtered_list,
    form_view,
    initial_of,
    one_of,
    page_view,
    saving,
)
from lineofsight.partnership.access import SignedInRequest

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


CHALLENGES = Records(
    one_of(selectors.challenges_for), "challenge", caption=lambda challenge: challenge.subject
)


def _challenge_row(c: Challenge) -> list[Any]:
    return [
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


@page_view("learning.view")
def challenge_list(request: SignedInRequest) -> HttpResponse:
    return filtered_list(
        request,
        "assurance/challenges.html",
        form=forms.ChallengeFilterForm(request.GET or None, partnership=request.partnership),
        selector=selectors.challenges_for,
        export=("Challenge log", EXPORT_HEADER, _challenge_row),
        allowed=policies.allowed(request.user),
    )


@page_view("learning.view")
def challenge_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    challenge = CHALLENGES.found(request, pk)
    return allowed_page(
        request,
        "assurance/challenge.html",
        policies.allowed,
        challenge=challenge,
        actions=list(actions_for_source(challenge)),
    )


@form_view("challenge.log")
def challenge_create(request: SignedInRequest) -> HttpResponse:
    partnership = request.partnership
    form = forms.ChallengeForm(
        request.POST or None, partnership=partnership, initial={"status": Challenge.Status.OPEN}
    )
    return form_page(
        request,
        form,
        saving(request, challenges.create_challenge, partnership=partnership),
        title="Log a challenge",
        back_url=reverse("assurance:challenges"),
    )


def _edit_form(data: Any, challenge: Challenge) -> forms.EditChallengeForm:
    initial = initial_of(challenge, challenges.FIELDS)
    initial.update(
        raised_by_agency=challenge.raised_by_agency_id,
        challenged_agency=challenge.challenged_agency_id,
    )
    return forms.EditChallengeForm(data, partnership=challenge.partnership, initial=initial)


challenge_edit = CHALLENGES.form(
    "learning.manage",
    _edit_form,
    challenges.update_challenge,
    versioned=True,
    title="Update the challenge",
)
