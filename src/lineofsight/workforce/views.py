"""Workforce development pages: the course catalogue, courses, sessions with bookings, the
waiting list and attendance, the statistics (charts, CSV and Excel), the charges report and the
charging policy, the gap analysis, reflective logs to rate, and the evaluation question pages a
learner or manager reaches through a signed link without signing in."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lineofsight.lib.formviews import form_page_then
from lineofsight.lib.listing import Export, export_if_asked
from lineofsight.partnership.access import public, requires
from lineofsight.partnership.actors import SYSTEM
from lineofsight.workforce import evaluation_links, policies, presentation, selectors, services
from lineofsight.workforce.forms import (
    AttendanceForm,
    BookingForm,
    CancelForm,
    CourseForm,
    EvaluationForm,
    PeriodForm,
    QuestionForm,
    RateForm,
    RequirementForm,
    SessionForm,
    SettingsForm,
    year_of,
)
from lineofsight.workforce.models import Booking, Stage

MANAGE = "workforce.manage"


_form_page = form_page_then


def _partnership(request: HttpRequest) -> Any:
    return request.user.agency.partnership  # type: ignore[union-attr]


def _period(request: HttpRequest) -> tuple[PeriodForm, int, dt.date, dt.date]:
    """The reporting year asked for (default: the current one) and its first and last days."""
    current = year_of(timezone.localdate())
    years = list(range(current, current - 8, -1))
    form = PeriodForm(request.GET or None, years=years)
    year = current
    if request.GET.get("year") and form.is_valid() and form.cleaned_data["year"]:
        year = form.cleaned_data["year"]
    return form, year, dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def _exports(request: HttpRequest) -> dict[str, str]:
    query = request.GET.copy()
    links = {}
    for name in ("csv", "xlsx"):
        query["format"] = name
        links[name] = "?" + query.urlencode()
    return links


@requires(MANAGE)
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "workforce/home.html",
        {
            "courses": selectors.courses_for(request.user).order_by("-active", "title"),
            "upcoming": selectors.upcoming_for(request.user)[:20],
            "to_rate": selectors.reflective_logs_for(request.user, unrated_only=True).count(),
            "allowed": policies.allowed(request.user),
        },
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def course_create(request: HttpRequest) -> HttpResponse:
    partnership = _partnership(request)
    form = CourseForm(request.POST or None)
    return _form_page(
        request,
        form,
        lambda data, _v: services.create_course(
            actor=request.user, partnership=partnership, **data
        ),
        done=lambda saved: (f"Course added: {saved.title}", saved),
        title="Add a course",
        caption="Workforce development",
        back_url=reverse("workforce:list"),
        submit="Add the course",
    )


@requires(MANAGE)
@require_GET
def course(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.course_for(request.user, pk)
    stats = selectors.statistics_for(request.user, dt.date(1990, 1, 1), dt.date(2100, 1, 1), found)
    return render(
        request,
        "workforce/course.html",
        {
            "course": found,
            "sessions": selectors.sessions_for(request.user).filter(course=found),
            "stats": stats,
            "effect_rows": presentation.effect_rows(stats["effect"]),
            "impact_labels": presentation.IMPACT_LABELS,
            "levels_svg": presentation.level_chart(stats, chart_id="course-levels"),
            "allowed": policies.allowed(request.user, found),
        },
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.course_for(request.user, pk)
    initial = {
        "version": found.version,
        "code": found.code,
        "title": found.title,
        "level": found.level,
        "audience": found.audience,
        "outcomes": found.outcomes,
        "prompted_by": found.prompted_by,
        "themes": list(found.themes.all()),
    }
    form = CourseForm(request.POST or None, initial=initial)
    return _form_page(
        request,
        form,
        lambda data, version: services.update_course(
            actor=request.user, course=found, expected_version=version, **data
        ),
        done=lambda saved: ("Course saved", saved),
        title="Change the course",
        caption=found.title,
        back_url=found.get_absolute_url(),
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def question_create(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.course_for(request.user, pk)
    form = QuestionForm(request.POST or None)
    return _form_page(
        request,
        form,
        lambda data, _v: services.add_question(actor=request.user, course=found, **data),
        done=lambda saved: (f"Knowledge question {saved.number} added", found),
        title="Add a knowledge question",
        caption=found.title,
        intro="Learners mark each statement true or false at the end of the course: the share "
        "they get right is shown beside their change in confidence.",
        back_url=found.get_absolute_url(),
        submit="Add the question",
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.course_for(request.user, pk)
    form = SessionForm(request.POST or None)
    return _form_page(
        request,
        form,
        lambda data, _v: services.create_session(actor=request.user, course=found, **data),
        done=lambda saved: ("Session added", saved),
        title="Add a session",
        caption=found.title,
        back_url=found.get_absolute_url(),
        submit="Add the session",
    )


@requires(MANAGE)
@require_GET
def session(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.session_for(request.user, pk)
    bookings = selectors.bookings_of(found)
    links = selectors.links_of(found)
    weeks = selectors.settings_of(found.course.partnership).follow_up_weeks
    link_rows = []
    for booking in bookings.get(Booking.Status.BOOKED, []):
        for stage in Stage:
            link = links.get(booking.pk, {}).get(stage)
            if link is not None:
                link_rows.append(
                    {
                        "booking": booking,
                        "stage": stage,
                        "link": link,
                        "path": evaluation_links.path_for(link) if link.used_at is None else "",
                    }
                )
    return render(
        request,
        "workforce/session.html",
        {
            "session": found,
            "booked": bookings.get(Booking.Status.BOOKED, []),
            "waiting": bookings.get(Booking.Status.WAITING, []),
            "cancelled": bookings.get(Booking.Status.CANCELLED, []),
            "link_rows": link_rows,
            "follow_up_on": services.follow_up_due_on(found, weeks),
            "allowed": policies.allowed(request.user, found),
        },
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.session_for(request.user, pk)
    form = BookingForm(request.POST or None, partnership=found.course.partnership)

    booked: int = getattr(found, "booked", 0)  # annotated by selectors.sessions_for

    def done(saved: Booking) -> tuple[str, Any]:
        if saved.status == Booking.Status.WAITING:
            return f"The session is full: {saved.learner} is on the waiting list", found
        return f"Place booked for {saved.learner}", found

    return _form_page(
        request,
        form,
        lambda data, _v: services.book(actor=request.user, session=found, **data),
        done=done,
        title="Book a place",
        caption=str(found),
        intro=f"{booked} of {found.capacity} places booked. When the session is full, "
        "the learner joins the waiting list and gets the next place freed.",
        back_url=found.get_absolute_url(),
        submit="Book the place",
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest, pk: int, booking: int) -> HttpResponse:
    found = selectors.session_for(request.user, pk)
    chosen = selectors.booking_for(request.user, found, booking)
    form = CancelForm(request.POST or None)

    def done(promoted: Booking | None) -> tuple[str, Any]:
        if promoted is not None:
            return (
                f"Booking cancelled. {promoted.learner} has the place from the waiting list",
                found,
            )
        return "Booking cancelled", found

    return _form_page(
        request,
        form,
        lambda data, _v: services.cancel_booking(actor=request.user, booking=chosen),
        done=done,
        title=f"Cancel {chosen.learner}'s booking",
        caption=str(found),
        intro="A cancellation fewer days before the session than the charging policy's window "
        "is a late cancellation. A place freed goes to the first learner on the waiting list.",
        back_url=found.get_absolute_url(),
        submit="Cancel the booking",
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.session_for(request.user, pk)
    booked = selectors.bookings_of(found).get(Booking.Status.BOOKED, [])
    form = AttendanceForm(request.POST or None, bookings=booked)
    return _form_page(
        request,
        form,
        lambda data, _v: services.record_attendance(
            actor=request.user, session=found, attended=form.attendance()
        ),
        done=lambda links: (
            f"Attendance saved; {len(links)} end-of-course evaluation link"
            f"{'' if len(links) == 1 else 's'} issued",
            found,
        ),
        title="Record attendance",
        caption=str(found),
        intro="Those who attended get the end-of-course evaluation (emailed when an address is "
        "known). Non-attendance by an agency that pays is charged under the charging policy.",
        back_url=found.get_absolute_url(),
        submit="Save attendance",
    )


@requires(MANAGE)
@require_POST
def send_follow_ups(request: HttpRequest) -> HttpResponse:
    issued = services.send_due_follow_ups(actor=request.user, partnership=_partnership(request))
    messages.success(request, f"{issued} follow-up link{'' if issued == 1 else 's'} issued")
    return redirect("workforce:list")


@requires(MANAGE)
@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    form, year, start, end = _period(request)
    stats = selectors.statistics_for(request.user, start, end)
    exported = export_if_asked(
        request,
        Export(
            f"training-statistics-{year}",
            presentation.EXPORT_HEADER,
            lambda: presentation.export_rows(stats),
        ),
    )
    if exported is not None:
        return exported
    return render(
        request,
        "workforce/statistics.html",
        {
            "form": form,
            "year": year,
            "stats": stats,
            "modes": presentation.MODES,
            "effect_rows": presentation.effect_rows(stats["effect"]),
            "impact_labels": presentation.IMPACT_LABELS,
            "levels_svg": presentation.level_chart(stats),
            "agencies_svg": presentation.agency_chart(stats),
            "impact_svg": presentation.impact_chart(stats),
            "exports": _exports(request),
        },
    )


CHARGE_HEADER = ["Agency", "Non-attendances", "Late cancellations", "Charge (pounds)"]


@requires(MANAGE)
@require_GET
def charges(request: HttpRequest) -> HttpResponse:
    form, year, start, end = _period(request)
    rows = selectors.charges_for(request.user, start, end)
    exported = export_if_asked(
        request,
        Export(
            f"training-charges-{year}",
            CHARGE_HEADER,
            lambda: [[r.agency, r.non_attendances, r.late_cancellations, r.amount] for r in rows],
        ),
    )
    if exported is not None:
        return exported
    return render(
        request,
        "workforce/charges.html",
        {
            "form": form,
            "year": year,
            "rows": rows,
            "total": services.charge_total(rows),
            "policy": selectors.settings_of(_partnership(request)),
            "exports": _exports(request),
        },
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def policy(request: HttpRequest) -> HttpResponse:
    partnership = _partnership(request)
    current = selectors.settings_of(partnership)
    form = SettingsForm(
        request.POST or None,
        partnership=partnership,
        initial={
            "version": current.version if current.pk else None,
            "paying_agencies": list(current.paying_agencies.all()) if current.pk else [],
            "non_attendance_charge": current.non_attendance_charge,
            "late_cancellation_charge": current.late_cancellation_charge,
            "cancellation_window_days": current.cancellation_window_days,
            "follow_up_weeks": current.follow_up_weeks,
            "link_valid_days": current.link_valid_days,
            "refresher_years": current.refresher_years,
        },
    )
    return _form_page(
        request,
        form,
        lambda data, version: services.update_settings(
            actor=request.user, partnership=partnership, expected_version=version, **data
        ),
        done=lambda saved: ("Charging policy and evaluation settings saved", "workforce:charges"),
        title="Charging policy and evaluation settings",
        caption="Workforce development",
        intro="Which agencies pay for non-attendance and late cancellation, the charges, and "
        "when evaluations are sent.",
        back_url=reverse("workforce:charges"),
    )


GAP_HEADER = ["Agency", "Course", "Staff who need it", "Trained", "Still to train", "Trained (%)"]


@requires(MANAGE)
@require_GET
def gaps(request: HttpRequest) -> HttpResponse:
    rows = selectors.gaps_for(request.user)
    exported = export_if_asked(
        request,
        Export(
            "training-gap-analysis",
            GAP_HEADER,
            lambda: [
                [g.agency, g.course, g.staff, g.trained, g.still_to_train, g.percent_trained]
                for g in rows
            ],
        ),
    )
    if exported is not None:
        return exported
    return render(
        request,
        "workforce/gaps.html",
        {
            "rows": rows,
            "years": selectors.settings_of(_partnership(request)).refresher_years,
            "exports": _exports(request),
        },
    )


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def requirement(request: HttpRequest) -> HttpResponse:
    partnership = _partnership(request)
    form = RequirementForm(request.POST or None, partnership=partnership)
    return _form_page(
        request,
        form,
        lambda data, _v: services.set_requirement(
            actor=request.user, partnership=partnership, **data
        ),
        done=lambda saved: (f"Saved: {saved}", "workforce:gaps"),
        title="Staff needing a course",
        caption="Gap analysis",
        intro="How many of an agency's staff are in roles that need the course. Entering an "
        "agency and course again replaces the number.",
        back_url=reverse("workforce:gaps"),
    )


@requires(MANAGE)
@require_GET
def logs(request: HttpRequest) -> HttpResponse:
    unrated = request.GET.get("show") != "all"
    rows = selectors.reflective_logs_for(request.user, unrated_only=unrated)[:200]
    return render(request, "workforce/logs.html", {"rows": rows, "unrated": unrated})


@requires(MANAGE)
@require_http_methods(["GET", "POST"])
def rate(request: HttpRequest, pk: int) -> HttpResponse:
    log = selectors.reflective_log_for(request.user, pk)
    form = RateForm(request.POST or None, initial={"rating": log.impact_rating or None})
    intro = (
        f"{log.session.course.title}: {log.agency}. Learner's own view: "
        f"{log.get_impact_self_display() or 'not given'}. Example: "
        f"{log.practice_example or 'none given'}"
    )
    return _form_page(
        request,
        form,
        lambda data, _v: services.rate_log(actor=request.user, log=log, rating=data["rating"]),
        done=lambda saved: ("Impact rating saved", "workforce:logs"),
        title="Rate a reflective log",
        caption="Reflective logs",
        intro=intro,
        back_url=reverse("workforce:logs"),
        submit="Save the rating",
    )


# ---- the evaluation question pages (no sign-in: the signed link is the permission) --------


def _refused(request: HttpRequest, status: int, heading: str, text: str) -> HttpResponse:
    return render(
        request,
        "workforce/evaluate_refused.html",
        {"heading": heading, "text": text},
        status=status,
    )


@public
@require_http_methods(["GET", "POST"])
def evaluate(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = evaluation_links.resolve(token)
    except evaluation_links.LinkExpired:
        return _refused(
            request,
            410,
            "This link has expired",
            "Evaluation links work for a limited time. Ask the training team for a new one.",
        )
    except evaluation_links.LinkUsed:
        return _refused(
            request,
            409,
            "This evaluation has already been answered",
            "Each link can be used once. Thank you for your answers.",
        )
    booking = link.booking
    course = booking.session.course
    questions = list(course.questions.all()) if link.stage == Stage.END else []
    form = EvaluationForm(request.POST or None, stage=link.stage, questions=questions)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.answer_evaluation(
                    actor=SYSTEM, link=link, answers=form.answers(), knowledge=form.knowledge()
                )
            except evaluation_links.LinkUsed:
                return _refused(
                    request,
                    409,
                    "This evaluation has already been answered",
                    "Each link can be used once. Thank you for your answers.",
                )
            return redirect("workforce:evaluated")
        status = 400
    return render(
        request,
        "workforce/evaluate.html",
        {
            "form": form,
            "course": course,
            "session": booking.session,
            "stage": Stage(link.stage),
        },
        status=status,
    )


@public
@require_GET
def evaluated(request: HttpRequest) -> HttpResponse:
    return render(request, "workforce/evaluated.html", {})
