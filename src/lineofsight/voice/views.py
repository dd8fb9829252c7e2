"""Voice and scrutiny pages: the scrutineer's activities and recommendations (-> actions through
``actions:raise``), feedback from children and families with what changed ("You said, we did"),
practitioner surveys with results by agency (small numbers suppressed) and forum notes.  Every
list downloads as CSV or Excel (``lib.listing``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from lineofsight.actions.selectors import actions_for_source
from lineofsight.lib.listing import PLAIN_EXPORT_LINKS, Export
from lineofsight.lib.pages import (
    Records,
    download_page,
    filtered_list,
    form_view,
    initial_of,
    page_view,
    record_form,
    return_form,
    saving,
    with_partnership,
)
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


def _partnership(request: HttpRequest) -> Partnership:
    user: Any = request.user
    partnership: Partnership = user.agency.partnership
    return partnership


def _themes(item: Any) -> str:
    return "; ".join(t.name for t in item.themes.all())


def _actions(record: Any) -> list[Any]:
    return list(actions_for_source(record))


def _kind(find: Any, name: str, caption: Any, section: str, listed: str) -> Records:
    """A kind of voice record: a new one in the signed-in person's partnership."""
    return Records(find, name, policies.allowed, caption, section, listed, _partnership)


ACTIVITIES = _kind(
    selectors.activity_for,
    "activity",
    lambda activity: activity.title,
    "Independent scrutiny",
    "voice:activities",
)
FEEDBACK = _kind(
    selectors.one_feedback,
    "item",
    lambda item: f"Feedback F{item.pk}",
    "Voice of children and families",
    "voice:feedback",
)
SURVEYS = _kind(selectors.survey_for, "survey", str, "Practitioner surveys", "voice:surveys")


@page_view("voice.view")
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

ACTIVITY_FIELDS = ("title", "kind", "held_on", "examined", "evidence", "findings")
ACTIVITY_HEADER = [
    "Date",
    "Title",
    "Kind",
    "What was examined",
    "Evidence seen",
    "Findings",
    "Recommendations",
]


def _activity_row(a: ScrutinyActivity) -> list[Any]:
    return [
        a.held_on,
        a.title,
        a.get_kind_display(),
        a.examined,
        a.evidence,
        a.findings,
        a.recommendation_count,  # type: ignore[attr-defined]
    ]


@page_view("scrutiny.view")
def activities(request: HttpRequest) -> HttpResponse:
    return filtered_list(
        request,
        "voice/activities.html",
        form=ActivityFilterForm(request.GET or None, years=_years()),
        selector=selectors.activities_for,
        export=("scrutiny-activities", ACTIVITY_HEADER, _activity_row),
        allowed=policies.allowed(request.user),
    )


create_activity = ACTIVITIES.new(
    "scrutiny.manage",
    ActivityForm,
    services.create_activity,
    message="Scrutiny activity recorded",
    title="Record a scrutiny activity",
    intro="What you examined, the evidence you saw and what you found. Add your "
    "recommendations on the next page: each can become an action in the tracker.",
    submit="Record the activity",
)
activity = ACTIVITIES.page(
    "scrutiny.view",
    "voice/activity.html",
    recommendations=selectors.recommendations_with_actions,
)


@form_view("scrutiny.manage")
def edit_activity(request: HttpRequest, pk: int) -> HttpResponse:
    found = ACTIVITIES.found(request, pk)
    return record_form(
        request,
        found,
        ActivityForm(request.POST or None, initial=initial_of(found, ACTIVITY_FIELDS)),
        lambda data, version: services.update_activity(
            actor=request.user, activity=found, expected_version=version or 0, **data
        ),
        message="Scrutiny activity saved",
        title="Change the scrutiny activity",
        caption=found.title,
    )


add_recommendation = ACTIVITIES.form(
    "scrutiny.manage",
    with_partnership(RecommendationForm),
    services.add_recommendation,
    message=lambda saved: f"Recommendation {saved.number} added",
    title="Add a recommendation",
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


def _feedback_row(f: Feedback) -> list[Any]:
    return [
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


@page_view("voice.view")
def feedback(request: HttpRequest) -> HttpResponse:
    return filtered_list(
        request,
        "voice/feedback.html",
        form=FeedbackFilterForm(request.GET or None, years=_years()),
        selector=selectors.feedback_for,
        export=("feedback", FEEDBACK_HEADER, _feedback_row),
        allowed=policies.allowed(request.user),
    )


create_feedback = FEEDBACK.new(
    "voice.manage",
    with_partnership(FeedbackForm),
    services.record_feedback,
    message="Feedback recorded",
    title="Record feedback",
    intro="What children, young people or families said, in their words but anonymised: "
    "never a name, an age with a school, an address or anything else that could identify "
    "them.",
    submit="Record the feedback",
)
feedback_detail = FEEDBACK.page("voice.view", "voice/feedback_detail.html", actions=_actions)
what_changed = FEEDBACK.form(
    "voice.manage",
    ChangedForm,
    services.record_what_changed,
    into="feedback",
    change=("changed", "changed_on", "publish"),
    many=["themes"],
    message="What changed is recorded",
    title="What changed as a result",
    intro="We did: what the partnership or a service changed because of this feedback.",
)


YOU_SAID_HEADER = ["You said", "From", "Source", "Received", "We did", "Date of the change"]


def _you_said_row(f: Feedback) -> list[Any]:
    by, source = f.get_given_by_display(), f.get_source_display()
    return [f.said, by, source, f.received_on, f.changed, f.changed_on]


@page_view("voice.view")
def you_said_we_did(request: HttpRequest) -> HttpResponse:
    return filtered_list(
        request,
        "voice/you_said_we_did.html",
        form=YearForm(request.GET or None, years=_years()),
        selector=selectors.you_said_we_did,
        export=("you-said-we-did", YOU_SAID_HEADER, _you_said_row),
    )


# ---- practitioner surveys ----

SURVEY_HEADER = ["Reference", "Title", "Opened", "Closed", "Statements", "Responses"]


def _survey_row(s: Any) -> list[Any]:
    return [
        s.reference,
        s.title,
        s.opened_on,
        s.closed_on or "",
        s.question_count,
        s.response_count,
    ]


@page_view("voice.view")
def surveys(request: HttpRequest) -> HttpResponse:
    return filtered_list(
        request,
        "voice/surveys.html",
        form=YearForm(years=[]),  # no filters
        selector=selectors.surveys_for,
        export=("practitioner-surveys", SURVEY_HEADER, _survey_row),
        allowed=policies.allowed(request.user),
    )


create_survey = SURVEYS.new(
    "voice.manage",
    SurveyForm,
    services.create_survey,
    message=lambda saved: f"Survey {saved.reference} set up",
    title="Set up a practitioner survey",
    intro="Its statements, answered from strongly agree to strongly disagree. Import the "
    "responses afterwards on Data > Upload returns, as a CSV with the columns survey_ref, "
    "response_ref, agency_code, q1, q2...",
    submit="Set up the survey",
)


@page_view("voice.view")
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
    return download_page(
        request,
        "voice/survey.html",
        export,
        links=PLAIN_EXPORT_LINKS,
        survey=found,
        questions=found.questions.order_by("number"),
        tables=tables,
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


def _forum_row(n: Any) -> list[Any]:
    agencies = "; ".join(str(a) for a in n.agencies.all())
    return [n.held_on, n.topic, n.attended, agencies, n.discussion, n.outcomes, _themes(n)]


@page_view("voice.view")
def forum(request: HttpRequest) -> HttpResponse:
    return filtered_list(
        request,
        "voice/forum.html",
        form=YearForm(request.GET or None, years=_years()),
        selector=selectors.forum_notes_for,
        export=("practitioner-forum", FORUM_HEADER, _forum_row),
        allowed=policies.allowed(request.user),
    )


@form_view("voice.manage")
def create_forum(request: HttpRequest) -> HttpResponse:
    partnership = _partnership(request)
    form = ForumForm(request.POST or None, partnership=partnership)
    return return_form(
        request,
        form,
        saving(request, services.record_forum, partnership=partnership),
        message="Forum notes recorded",
        back="voice:forum",
        title="Record a practitioner forum",
        caption="Practitioner forum",
        submit="Record the forum",
    )
