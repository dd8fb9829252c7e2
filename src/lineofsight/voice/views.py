"""Voice and scrutiny pages: the scrutineer's activities and recommendations (-> actions through
``actions:raise``), feedback from children and families with what changed ("You said, we did"),
practitioner surveys with results by agency (small numbers suppressed) and forum notes.  Every
list downloads as CSV or Excel (``lib.listing``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from lineofsight.actions.selectors import actions_for_source
from lineofsight.lib.formviews import form_page_then
from lineofsight.lib.listing import Export, active_filters, export_if_asked, list_response
from lineofsight.partnership.access import requires
from lineofsight.partnership.models import Partnership
from lineofsight.voice import policies, selectors, services
from lineofsight.voice.forms import (
    ActivityFilterForm,
    ActivityForm,
    ChangedForm,
    FeedbackFilterForm,
    FeedbackForm,
    ForumForm,
    RecommendationForm,
    SurveyForm,
    YearForm,
)
from lineofsight.voice.models import Feedback, ScrutinyActivity

YEARS_SHOWN = 8


def _years() -> list[int]:
    today = timezone.localdate()
    current = today.year if today.month >= 4 else today.year - 1
    return list(range(current, current - YEARS_SHOWN, -1))


_form_page = form_page_then


def _partnership(request: HttpRequest) -> Partnership:
    user: Any = request.user
    partnership: Partnership = user.agency.partnership
    return partnership


def _themes(item: Any) -> str:
    return "; ".join(t.name for t in item.themes.all())


@requires("voice.view")
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    allowed = policies.allowed(user)
    context: dict[str, Any] = {"allowed": allowed}
    if allowed["view_scrutiny"]:
        context["activity_count"] = selectors.activities_for(user).count()
    context["feedback_count"] = selectors.feedback_for(user).count()
    context["waiting_count"] = selectors.feedback_for(user, status="waiting").count()
    context["survey_count"] = selectors.surveys_for(user).count()
    context["forum_count"] = selectors.forum_notes_for(user).count()
    return render(request, "voice/home.html", context)


# ---- independent scrutiny ----

ACTIVITY_HEADER = [
    "Date",
    "Title",
    "Kind",
    "What was examined",
    "Evidence seen",
    "Findings",
    "Recommendations",
]


def _activity_rows(rows: Iterable[ScrutinyActivity]) -> Iterable[list[Any]]:
    for a in rows:
        yield [
            a.held_on,
            a.title,
            a.get_kind_display(),
            a.examined,
            a.evidence,
            a.findings,
            a.recommendation_count,  # type: ignore[attr-defined]
        ]


@requires("scrutiny.view")
@require_GET
def activities(request: HttpRequest) -> HttpResponse:
    form = ActivityFilterForm(request.GET or None, years=_years())
    rows = selectors.activities_for(request.user, **active_filters(form))
    return list_response(
        request,
        "voice/activities.html",
        form=form,
        rows=rows,
        export=Export("scrutiny-activities", ACTIVITY_HEADER, lambda: _activity_rows(rows)),
        context={"allowed": policies.allowed(request.user)},
    )


def _activity_initial(activity: ScrutinyActivity | None = None) -> dict[str, Any]:
    if activity is None:
        return {}
    names = ("title", "kind", "held_on", "examined", "evidence", "findings")
    return {"version": activity.version, **{n: getattr(activity, n) for n in names}}


@requires("scrutiny.manage")
@require_http_methods(["GET", "POST"])
def create_activity(request: HttpRequest) -> HttpResponse:
    form = ActivityForm(request.POST or None)
    return _form_page(
        request,
        form,
        lambda data, _v: services.create_activity(
            actor=request.user, partnership=_partnership(request), **data
        ),
        done=lambda saved: ("Scrutiny activity recorded", saved),
        title="Record a scrutiny activity",
        caption="Independent scrutiny",
        intro="What you examined, the evidence you saw and what you found. Add your "
        "recommendations on the next page: each can become an action in the tracker.",
        back_url=reverse("voice:activities"),
        submit="Record the activity",
    )


@requires("scrutiny.view")
@require_GET
def activity(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.activity_for(request.user, pk)
    return render(
        request,
        "voice/activity.html",
        {
            "activity": found,
            "recommendations": selectors.recommendations_with_actions(found),
            "allowed": policies.allowed(request.user, found),
        },
    )


@requires("scrutiny.manage")
@require_http_methods(["GET", "POST"])
def edit_activity(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.activity_for(request.user, pk)
    form = ActivityForm(request.POST or None, initial=_activity_initial(found))
    return _form_page(
        request,
        form,
        lambda data, version: services.update_activity(
            actor=request.user, activity=found, expected_version=version or 0, **data
        ),
        done=lambda saved: ("Scrutiny activity saved", saved),
        title="Change the scrutiny activity",
        caption=found.title,
        back_url=found.get_absolute_url(),
    )


@requires("scrutiny.manage")
@require_http_methods(["GET", "POST"])
def add_recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.activity_for(request.user, pk)
    form = RecommendationForm(request.POST or None, partnership=found.partnership)
    return _form_page(
        request,
        form,
        lambda data, _v: services.add_recommendation(
            actor=request.user,
            activity=found,
            text=data["text"],
            agency=data["agency"],
            themes=list(data["themes"]),
        ),
        done=lambda saved: (f"Recommendation {saved.number} added", found),
        title="Add a recommendation",
        caption=found.title,
        back_url=found.get_absolute_url(),
        submit="Add the recommendation",
    )


# ---- feedback ----

FEEDBACK_HEADER = [
    "Reference",
    "Received",
    "Source",
    "From",
    "Service",
    "What was said",
    "What changed",
    "Date of the change",
    "Agreed for publication",
    "Learning themes",
]


def _feedback_rows(rows: Iterable[Feedback]) -> Iterable[list[Any]]:
    for f in rows:
        yield [
            f"F{f.pk}",
            f.received_on,
            f.get_source_display(),
            f.get_given_by_display(),
            str(f.agency or ""),
            f.said,
            f.changed,
            f.changed_on or "",
            "Yes" if f.publish else "No",
            _themes(f),
        ]


@requires("voice.view")
@require_GET
def feedback(request: HttpRequest) -> HttpResponse:
    form = FeedbackFilterForm(request.GET or None, years=_years())
    rows = selectors.feedback_for(request.user, **active_filters(form))
    return list_response(
        request,
        "voice/feedback.html",
        form=form,
        rows=rows,
        export=Export("feedback", FEEDBACK_HEADER, lambda: _feedback_rows(rows)),
        context={"allowed": policies.allowed(request.user)},
    )


@requires("voice.manage")
@require_http_methods(["GET", "POST"])
def create_feedback(request: HttpRequest) -> HttpResponse:
    partnership = _partnership(request)
    form = FeedbackForm(request.POST or None, partnership=partnership)
    return _form_page(
        request,
        form,
        lambda data, _v: services.record_feedback(
            actor=request.user,
            partnership=partnership,
            source=data["source"],
            given_by=data["given_by"],
            received_on=data["received_on"],
            said=data["said"],
            agency=data["agency"],
            changed=data["changed"],
            changed_on=data["changed_on"],
            publish=data["publish"],
            themes=list(data["themes"]),
        ),
        done=lambda saved: ("Feedback recorded", saved),
        title="Record feedback",
        caption="Voice of children and families",
        intro="What children, young people or families said, in their words but anonymised: "
        "never a name, an age with a school, an address or anything else that could identify "
        "them.",
        back_url=reverse("voice:feedback"),
        submit="Record the feedback",
    )


@requires("voice.view")
@require_GET
def feedback_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.one_feedback(request.user, pk)
    return render(
        request,
        "voice/feedback_detail.html",
        {
            "item": found,
            "actions": list(actions_for_source(found)),
            "allowed": policies.allowed(request.user, found),
        },
    )


@requires("voice.manage")
@require_http_methods(["GET", "POST"])
def what_changed(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.one_feedback(request.user, pk)
    form = ChangedForm(
        request.POST or None,
        initial={
            "version": found.version,
            "changed": found.changed,
            "changed_on": found.changed_on,
            "publish": found.publish,
            "themes": list(found.themes.all()),
        },
    )
    return _form_page(
        request,
        form,
        lambda data, version: services.record_what_changed(
            actor=request.user,
            feedback=found,
            expected_version=version,
            changed=data["changed"],
            changed_on=data["changed_on"],
            publish=data["publish"],
            themes=list(data["themes"]),
        ),
        done=lambda saved: ("What changed is recorded", saved),
        title="What changed as a result",
        caption=f"Feedback F{found.pk}",
        intro="We did: what the partnership or a service changed because of this feedback.",
        back_url=found.get_absolute_url(),
    )


YOU_SAID_HEADER = ["You said", "From", "Source", "Received", "We did", "Date of the change"]


@requires("voice.view")
@require_GET
def you_said_we_did(request: HttpRequest) -> HttpResponse:
    form = YearForm(request.GET or None, years=_years())
    rows = selectors.you_said_we_did(request.user, **active_filters(form))
    return list_response(
        request,
        "voice/you_said_we_did.html",
        form=form,
        rows=rows,
        export=Export(
            "you-said-we-did",
            YOU_SAID_HEADER,
            lambda: (
                [
                    f.said,
                    f.get_given_by_display(),
                    f.get_source_display(),
                    f.received_on,
                    f.changed,
                    f.changed_on,
                ]
                for f in rows
            ),
        ),
    )


# ---- practitioner surveys ----

SURVEY_HEADER = ["Reference", "Title", "Opened", "Closed", "Statements", "Responses"]


@requires("voice.view")
@require_GET
def surveys(request: HttpRequest) -> HttpResponse:
    rows = selectors.surveys_for(request.user)
    return list_response(
        request,
        "voice/surveys.html",
        form=YearForm(years=[]),
        rows=rows,
        export=Export(
            "practitioner-surveys",
            SURVEY_HEADER,
            lambda: (
                [
                    s.reference,
                    s.title,
                    s.opened_on,
                    s.closed_on or "",
                    s.question_count,  # type: ignore[attr-defined]
                    s.response_count,  # type: ignore[attr-defined]
                ]
                for s in rows
            ),
        ),
        context={"allowed": policies.allowed(request.user)},
    )


@requires("voice.manage")
@require_http_methods(["GET", "POST"])
def create_survey(request: HttpRequest) -> HttpResponse:
    partnership = _partnership(request)
    form = SurveyForm(request.POST or None)
    return _form_page(
        request,
        form,
        lambda data, _v: services.create_survey(
            actor=request.user, partnership=partnership, **data
        ),
        done=lambda saved: (f"Survey {saved.reference} set up", saved),
        title="Set up a practitioner survey",
        caption="Practitioner surveys",
        intro="Its statements, answered from strongly agree to strongly disagree. Import the "
        "responses afterwards on Data > Upload returns, as a CSV with the columns survey_ref, "
        "response_ref, agency_code, q1, q2...",
        back_url=reverse("voice:surveys"),
        submit="Set up the survey",
    )


@requires("voice.view")
@require_GET
def survey(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.survey_for(request.user, pk)
    tables = selectors.survey_tables(found)
    export = Export(
        f"survey-{found.reference}",
        ["Table", "Row", "Column", "Shown"],
        lambda: (
            [t.title, label, column, shown]
            for t in tables
            for label, row in zip(t.table.row_labels, t.shown, strict=True)
            for column, shown in zip(t.table.columns, row, strict=True)
        ),
    )
    exported = export_if_asked(request, export)
    if exported is not None:
        return exported
    return render(
        request,
        "voice/survey.html",
        {
            "survey": found,
            "questions": found.questions.order_by("number"),
            "tables": tables,
            "exports": {f: f"?format={f}" for f in ("csv", "xlsx")},
        },
    )


# ---- practitioner forum ----

FORUM_HEADER = [
    "Date",
    "Topic",
    "Practitioners attending",
    "Agencies",
    "What practitioners raised",
    "What came of it",
    "Learning themes",
]


@requires("voice.view")
@require_GET
def forum(request: HttpRequest) -> HttpResponse:
    form = YearForm(request.GET or None, years=_years())
    rows = selectors.forum_notes_for(request.user, **active_filters(form))
    return list_response(
        request,
        "voice/forum.html",
        form=form,
        rows=rows,
        export=Export(
            "practitioner-forum",
            FORUM_HEADER,
            lambda: (
                [
                    n.held_on,
                    n.topic,
                    n.attended,
                    "; ".join(str(a) for a in n.agencies.all()),
                    n.discussion,
                    n.outcomes,
                    _themes(n),
                ]
                for n in rows
            ),
        ),
        context={"allowed": policies.allowed(request.user)},
    )


@requires("voice.manage")
@require_http_methods(["GET", "POST"])
def create_forum(request: HttpRequest) -> HttpResponse:
    partnership = _partnership(request)
    form = ForumForm(request.POST or None, partnership=partnership)
    return _form_page(
        request,
        form,
        lambda data, _v: services.record_forum(
            actor=request.user,
            partnership=partnership,
            held_on=data["held_on"],
            topic=data["topic"],
            attended=data["attended"],
            agencies=list(data["agencies"]),
            discussion=data["discussion"],
            outcomes=data["outcomes"],
            themes=list(data["themes"]),
        ),
        done=lambda saved: ("Forum notes recorded", "voice:forum"),
        title="Record a practitioner forum",
        caption="Practitioner forum",
        back_url=reverse("voice:forum"),
        submit="Record the forum",
    )
