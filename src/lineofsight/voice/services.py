"""Writes to scrutiny and voice records, each audited in its own transaction (``lib.audited``).

Recommendations and feedback become actions through ``actions.services.raise_action`` (sources
``scrutiny`` and ``voice``, registered in ``action_sources.py``).  The demo and the importer run
on the command line pass ``partnership.actors.SYSTEM``; ``None`` is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from lineofsight.actions.services import ThemeRef, set_themes, with_themes
from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record, snapshot
from lineofsight.lib.audited import (
    audited_create,
    audited_edit,
    audited_update,
    only,
    stripped,
)
from lineofsight.lib.numbering import next_number
from lineofsight.partnership.actors import user_of
from lineofsight.partnership.models import Agency, Partnership
from lineofsight.voice import policies, verbs
from lineofsight.voice.models import (
    Feedback,
    ForumNote,
    Recommendation,
    ScrutinyActivity,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)

ACTIVITY_FIELDS = ("title", "kind", "held_on", "examined", "evidence", "findings")


def _check_scrutiny(actor: Any, record: Any = None) -> None:
    if not policies.can_manage_scrutiny(actor, record):
        raise PermissionDenied("scrutiny.manage")


def _check_voice(actor: Any, record: Any = None) -> None:
    if not policies.can_manage_voice(actor, record):
        raise PermissionDenied("voice.manage")


def _not_future(name: str, day: dt.date | None, today: dt.date | None = None) -> None:
    if day is not None and day > (today or timezone.localdate()):
        raise ValidationError({name: "The date must be today or in the past"})


def _same(partnership_id: int, agency: Agency | None, name: str = "agency") -> None:
    if agency is not None and agency.partnership_id != partnership_id:
        raise ValidationError({name: "Choose an agency of this partnership"})


# ---- independent scrutiny ----


def create_activity(*, actor: Any, partnership: Partnership, **fields: Any) -> ScrutinyActivity:
    """A scrutiny activity: what was examined, the evidence seen and the findings."""
    _check_scrutiny(actor, ScrutinyActivity(partnership=partnership))
    only(fields, ACTIVITY_FIELDS, "scrutiny activity")
    _not_future("held_on", fields.get("held_on"))
    activity = ScrutinyActivity(partnership=partnership, author=user_of(actor), **stripped(fields))
    return audited_create(actor=actor, instance=activity, verb=verbs.ACTIVITY_CREATE)


def update_activity(
    *, actor: Any, activity: ScrutinyActivity, expected_version: int, **fields: Any
) -> ScrutinyActivity:
    _check_scrutiny(actor, activity)
    only(fields, ACTIVITY_FIELDS, "scrutiny activity")
    _not_future("held_on", fields.get("held_on"))
    return audited_edit(actor, activity, expected_version, fields, verb=verbs.ACTIVITY_UPDATE)


def add_recommendation(
    *,
    actor: Any,
    activity: ScrutinyActivity,
    text: str,
    agency: Agency | None = None,
    themes: Iterable[ThemeRef] = (),
) -> Recommendation:
    """The next numbered recommendation of ``activity`` (raise actions from it afterwards)."""
    _check_scrutiny(actor, activity)
    _same(activity.partnership_id, agency)
    with transaction.atomic():
        item = Recommendation(
            activity=activity,
            number=next_number(activity.recommendations.select_for_update()),
            text=text.strip(),
            agency=agency,
        )
        return audited_create(
            actor=actor,
            instance=item,
            verb=verbs.RECOMMENDATION_ADD,
            after_save=set_themes(list(themes)),
        )


# ---- feedback: you said, we did ----


def record_feedback(
    *,
    actor: Any,
    partnership: Partnership,
    source: str,
    given_by: str,
    received_on: dt.date,
    said: str,
    agency: Agency | None = None,
    changed: str = "",
    changed_on: dt.date | None = None,
    publish: bool = False,
    themes: Iterable[ThemeRef] = (),
    today: dt.date | None = None,
) -> Feedback:
    """What children or families said (anonymised) and, if known yet, what changed."""
    _check_voice(actor, Feedback(partnership=partnership))
    _same(partnership.pk, agency)
    _not_future("received_on", received_on, today)
    _check_change(changed, changed_on, received_on, today)
    item = Feedback(
        partnership=partnership,
        source=source,
        given_by=given_by,
        received_on=received_on,
        said=said.strip(),
        agency=agency,
        changed=changed.strip(),
        changed_on=changed_on,
        publish=publish,
        author=user_of(actor),
    )
    return audited_create(
        actor=actor,
        instance=item,
        verb=verbs.FEEDBACK_CREATE,
        **with_themes(themes),
    )


def _check_change(
    changed: str, changed_on: dt.date | None, received_on: dt.date, today: dt.date | None
) -> None:
    if changed.strip() and changed_on is None:
        raise ValidationError({"changed_on": "Enter the date of the change"})
    if changed_on is not None and not changed.strip():
        raise ValidationError({"changed": "Enter what changed as a result"})
    if changed_on is not None and changed_on < received_on:
        raise ValidationError({"changed_on": "The change cannot come before the feedback"})
    _not_future("changed_on", changed_on, today)


def record_what_changed(
    *,
    actor: Any,
    feedback: Feedback,
    expected_version: int,
    changed: str,
    changed_on: dt.date,
    publish: bool | None = None,
    themes: Iterable[ThemeRef] | None = None,
    today: dt.date | None = None,
) -> Feedback:
    """ "We did": what changed because of the feedback (an edit conflict is ``EditConflict``)."""
    _check_voice(actor, feedback)
    _check_change(changed, changed_on, feedback.received_on, today)
    return audited_update(
        actor=actor,
        instance=feedback,
        expected_version=expected_version,
        changes={
            "changed": changed.strip(),
            "changed_on": changed_on,
            "publish": feedback.publish if publish is None else publish,
        },
        verb=verbs.FEEDBACK_CHANGED,
        **with_themes(themes),
    )


# ---- practitioner surveys ----


def create_survey(
    *,
    actor: Any,
    partnership: Partnership,
    reference: str,
    title: str,
    opened_on: dt.date,
    questions: Sequence[str],
    closed_on: dt.date | None = None,
) -> Survey:
    """A survey and its statements, numbered 1, 2... in the order given."""
    _check_voice(actor, Survey(partnership=partnership))
    statements = [q.strip() for q in questions if q.strip()]
    if not statements:
        raise ValidationError({"questions": "Enter at least one statement, one a line"})
    if closed_on is not None and closed_on < opened_on:
        raise ValidationError({"closed_on": "The survey cannot close before it opens"})
    reference = reference.strip()
    if Survey.objects.filter(partnership=partnership, reference=reference).exists():
        raise ValidationError({"reference": f"A survey with the reference {reference} exists"})

    def add_questions(survey: Survey) -> None:
        for number, text in enumerate(statements, start=1):
            question = SurveyQuestion(survey=survey, number=number, text=text)
            question.full_clean()
            question.save()

    survey = Survey(
        partnership=partnership,
        reference=reference,
        title=title.strip(),
        opened_on=opened_on,
        closed_on=closed_on,
        author=user_of(actor),
    )
    return audited_create(
        actor=actor,
        instance=survey,
        verb=verbs.SURVEY_CREATE,
        after_save=add_questions,
        snapshot_of=_survey_snapshot,
    )


def _survey_snapshot(survey: Survey) -> dict[str, Any] | None:
    data = snapshot(survey)
    if data is not None and survey.pk:
        data["questions"] = [q.text for q in survey.questions.order_by("number")]
    return data


@dataclass(frozen=True)
class Answers:
    """One imported response: its reference, agency and answers by question number."""

    response_ref: str
    agency: Agency
    answers: Mapping[int, str]


def import_responses(*, actor: Any, survey: Survey, responses: Sequence[Answers]) -> int:
    """Store ``responses`` (one audit row for the batch); returns how many were stored.  A
    response already stored, an unknown question or another partnership's agency is a
    ``ValidationError`` and nothing is stored."""
    _check_voice(actor, survey)
    questions = {q.number: q for q in survey.questions.all()}
    known = set(survey.responses.values_list("response_ref", flat=True))
    for item in responses:
        _same(survey.partnership_id, item.agency)
        unknown = sorted(set(item.answers) - set(questions))
        if unknown:
            raise ValidationError({"answers": f"The survey has no statement {unknown[0]}"})
        if item.response_ref in known:
            raise ValidationError({"response_ref": f"{item.response_ref} is already stored"})
    with transaction.atomic():
        for item in responses:
            response = SurveyResponse.objects.create(
                survey=survey, response_ref=item.response_ref, agency=item.agency
            )
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, question=questions[number], answer=code)
                for number, code in sorted(item.answers.items())
            )
        record(
            actor=actor,
            verb=verbs.SURVEY_IMPORT,
            action=AuditLog.Action.CREATE,
            obj=survey,
            after={"responses": len(responses)},
        )
    return len(responses)


# ---- practitioner forum ----


def record_forum(
    *,
    actor: Any,
    partnership: Partnership,
    held_on: dt.date,
    topic: str,
    discussion: str,
    attended: int = 0,
    agencies: Iterable[Agency] = (),
    outcomes: str = "",
    themes: Iterable[ThemeRef] = (),
) -> ForumNote:
    _check_voice(actor, ForumNote(partnership=partnership))
    chosen = list(agencies)
    for agency in chosen:
        _same(partnership.pk, agency, "agencies")
    _not_future("held_on", held_on)
    note = ForumNote(
        partnership=partnership,
        held_on=held_on,
        topic=topic.strip(),
        attended=attended,
        discussion=discussion.strip(),
        outcomes=outcomes.strip(),
        author=user_of(actor),
    )
    theme_setter = set_themes(list(themes))

    def after(saved: ForumNote) -> None:
        saved.agencies.set(chosen)
        if theme_setter is not None:
            theme_setter(saved)

    return audited_create(actor=actor, instance=note, verb=verbs.FORUM_CREATE, after_save=after)
