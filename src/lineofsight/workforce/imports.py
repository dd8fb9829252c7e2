"""Training records from a booking tool's CSV (``formats.training_records``), stored through the
services.  Registered with ``datasets.record_imports`` for the format ``training_records``:
``lineofsight ingest`` and the Data upload page read, validate and hand the rows here inside the
ingest's transaction.

A course unknown by its code is added to the catalogue (with the file's title); the rows of one
course, date and delivery make one session (its capacity grows to fit the file's bookings); each
row is a booking with its attendance, and a row with feedback an end-of-course evaluation
(reaction and confidence before and after), stored against the learner's pseudonym.  A row whose
``record_ref`` is already imported is left as it is (a warning says so); an agency code this
partnership does not have is an error naming the row, and then nothing from the file is kept.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from lineofsight.datasets.record_imports import row_problem
from lineofsight.formats import Parsed, Problem
from lineofsight.formats.training_records import TABLE
from lineofsight.lib.audited import audited_update
from lineofsight.workforce import policies, services, verbs
from lineofsight.workforce.models import Booking, Course, EvaluationResponse, Session, Stage

_problem = partial(row_problem, rule="training.record_refused")


def store(actor: Any, partnership: Any, parsed: Parsed) -> list[Problem]:
    if not policies.can_manage(actor, Course(partnership=partnership)):
        raise PermissionDenied("training records are imported by the training manager")
    agencies = {a.code.lower(): a for a in partnership.agencies.all()}
    known = set(
        Booking.objects.filter(session__course__partnership=partnership)
        .exclude(external_ref="")
        .values_list("external_ref", flat=True)
    )
    problems: list[Problem] = []
    rows: list[dict[str, Any]] = []
    table: list[dict[str, Any]] = list(parsed.tables.get(TABLE, []))
    for row in table:
        if row["reference"] in known:
            problems.append(
                _problem(
                    parsed,
                    row,
                    "record_ref",
                    row["reference"],
                    "This booking is already imported: the row was not imported again.",
                    severity="warning",
                    rule="training.already_imported",
                )
            )
        elif row["agency"] not in agencies:
            problems.append(
                _problem(
                    parsed,
                    row,
                    "agency",
                    row["agency"],
                    "This agency code is not one of the partnership's agencies (Administration "
                    f"> Agencies lists them: {', '.join(sorted(agencies))}).",
                )
            )
        else:
            rows.append(row)
    if any(p.is_error for p in problems):
        return problems
    courses = {c.code: c for c in Course.objects.filter(partnership=partnership)}
    groups: dict[tuple[str, dt.date, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[(row["course_code"], row["course_date"], row["mode"])].append(row)
    answered: set[tuple[int, str]] = set(
        (session_id, key)
        for session_id, key in EvaluationResponse.objects.filter(
            session__course__partnership=partnership, stage=Stage.END
        ).values_list("session_id", "learner_key")
    )
    for (code, day, mode), members in sorted(groups.items()):
        course = courses.get(code)
        if course is None:
            try:
                course = services.create_course(
                    actor=actor,
                    partnership=partnership,
                    code=code,
                    title=members[0]["course_title"],
                )
            except ValidationError as error:
                return problems + [
                    _problem(parsed, members[0], "course_code", code, " ".join(error.messages))
                ]
            courses[code] = course
        session = _session(actor, course, day, mode, len(members))
        at = timezone.make_aware(dt.datetime.combine(day - dt.timedelta(days=21), dt.time(9)))
        for row in members:
            try:
                booking = services.book(
                    actor=actor,
                    session=session,
                    learner=row["learner"],
                    agency=agencies[row["agency"]],
                    job_role=row["job_role"],
                    at=at,
                    attended=row["attended"],
                    external_ref=row["reference"],
                )
                key = (session.pk, services.learner_key(booking))
                if row["feedback"] and key in answered:
                    problems.append(
                        _problem(
                            parsed,
                            row,
                            "attendee_ref",
                            row["learner"],
                            "This learner's feedback on this session is already in the file: "
                            "only the first was kept.",
                            severity="warning",
                            rule="training.feedback_repeated",
                        )
                    )
                elif row["feedback"]:
                    answered.add(key)
                    services.import_response(
                        actor=actor,
                        booking=booking,
                        stage=Stage.END,
                        submitted_on=day,
                        reaction=row["reaction"],
                        confidence_before=row["confidence_before"],
                        confidence_after=row["confidence_after"],
                    )
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    problems.append(
                        _problem(parsed, row, name, row.get(name, ""), " ".join(messages))
                    )
    return problems


def _session(actor: Any, course: Course, day: dt.date, mode: str, needed: int) -> Session:
    session = Session.objects.filter(course=course, starts_on=day, mode=mode).first()
    if session is None:
        return services.create_session(
            actor=actor, course=course, starts_on=day, mode=mode, capacity=max(needed, 1)
        )
    taken = session.bookings.filter(status=Booking.Status.BOOKED).count()
    if taken + needed > session.capacity:
        session = audited_update(
            actor=actor,
            instance=session,
            expected_version=session.version,
            changes={"capacity": taken + needed},
            verb=verbs.SESSION_UPDATE,
        )
    return session
