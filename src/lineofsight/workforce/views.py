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
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from lineofsight.lib.listing import Export
from lineofsight.lib.pages import (
    Records,
    allowed_page,
    download_page,
    form_view,
    initial_of,
    new_record_form,
    page_view,
    post_view,
    record_form,
    return_form,
    saving,
)
from lineofsight.partnership.access import public
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


def _partnership(request: HttpRequest) -> Any:
    return request.user.agency.partnership  # type: ignore[union-attr]


COURSES = Records(
    selectors.course_for,
    "course",
    policies.allowed,
    lambda course: course.title,
    "Workforce development",
    "workforce:list",
    _partnership,
)


def _period(request: HttpRequest) -> tuple[PeriodForm, int, dt.date, dt.date]:
    """The reporting year asked for (default: the current one) and its first and last days."""
    current = year_of(timezone.localdate())
    years = list(range(current, current - 8, -1))
    form = PeriodForm(request.GET or None, years=years)
    year = current
    if request.GET.get("year") and form.is_valid() and form.cleaned_data["year"]:
        year = form.cleaned_data["year"]
    return form, year, dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


@page_view(MANAGE)
def home(request: HttpRequest) -> HttpResponse:
    return allowed_page(
        request,
        "workforce/home.html",
        policies.allowed,
        courses=selectors.courses_for(request.user).order_by("-active", "title"),
        upcoming=selectors.upcoming_for(request.user)[:20],
        to_rate=selectors.reflective_logs_for(request.user, unrated_only=True).count(),
    )


course_create = COURSES.new(
    MANAGE,
    CourseForm,
    services.create_course,
    message=lambda saved: f"Course added: {saved.title}",
    title="Add a course",
    submit="Add the course",
)


@page_view(MANAGE)
def course(request: HttpRequest, pk: int) -> HttpResponse:
    found = COURSES.found(request, pk)
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


course_edit = COURSES.form(
    MANAGE,
    CourseForm,
    services.update_course,
    change=("code", "title", "level", "audience", "outcomes", "prompted_by"),
    many=["themes"],
    message="Course saved",
    title="Change the course",
)
question_create = COURSES.form(
    MANAGE,
    QuestionForm,
    services.add_question,
    message=lambda saved: f"Knowledge question {saved.number} added",
    title="Add a knowledge question",
    intro="Learners mark each statement true or false at the end of the course: the share "
    "they get right is shown beside their change in confidence.",
    submit="Add the question",
)


@form_view(MANAGE)
def session_create(request: HttpRequest, pk: int) -> HttpResponse:
    found = COURSES.found(request, pk)
    return new_record_form(
        request,
        SessionForm(request.POST or None),
        saving(request, services.create_session, course=found),
        message="Session added",
        title="Add a session",
        caption=found.title,
        back_url=found.get_absolute_url(),
        submit="Add the session",
    )


@page_view(MANAGE)
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


@form_view(MANAGE)
def book(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.session_for(request.user, pk)
    form = BookingForm(request.POST or None, partnership=found.course.partnership)

    booked: int = getattr(found, "booked", 0)  # annotated by selectors.sessions_for

    def told(saved: Booking) -> str:
        if saved.status == Booking.Status.WAITING:
            return f"The session is full: {saved.learner} is on the waiting list"
        return f"Place booked for {saved.learner}"

    return record_form(
        request,
        found,
        form,
        saving(request, services.book, session=found),
        message=told,
        title="Book a place",
        caption=str(found),
        intro=f"{booked} of {found.capacity} places booked. When the session is full, "
        "the learner joins the waiting list and gets the next place freed.",
        submit="Book the place",
    )


@form_view(MANAGE)
def cancel(request: HttpRequest, pk: int, booking: int) -> HttpResponse:
    found = selectors.session_for(request.user, pk)
    chosen = selectors.booking_for(request.user, found, booking)

    def told(promoted: Booking | None) -> str:
        if promoted is not None:
            return f"Booking cancelled. {promoted.learner} has the place from the waiting list"
        return "Booking cancelled"

    return record_form(
        request,
        found,
        CancelForm(request.POST or None),
        lambda data, _v: services.cancel_booking(actor=request.user, booking=chosen),
        message=told,
        title=f"Cancel {chosen.learner}'s booking",
        caption=str(found),
        intro="A cancellation fewer days before the session than the charging policy's window "
        "is a late cancellation. A place freed goes to the first learner on the waiting list.",
        submit="Cancel the booking",
    )


@form_view(MANAGE)
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.session_for(request.user, pk)
    booked = selectors.bookings_of(found).get(Booking.Status.BOOKED, [])
    form = AttendanceForm(request.POST or None, bookings=booked)
    return record_form(
        request,
        found,
        form,
        lambda data, _v: services.record_attendance(
            actor=request.user, session=found, attended=form.attendance()
        ),
        message=lambda links: (
            f"Attendance saved; {len(links)} end-of-course evaluation link"
            f"{'' if len(links) == 1 else 's'} issued"
        ),
        title="Record attendance",
        caption=str(found),
        intro="Those who attended get the end-of-course evaluation (emailed when an address is "
        "known). Non-attendance by an agency that pays is charged under the charging policy.",
        submit="Save attendance",
    )


@post_view(MANAGE)
def send_follow_ups(request: HttpRequest) -> HttpResponse:
    issued = services.send_due_follow_ups(actor=request.user, partnership=_partnership(request))
    messages.success(request, f"{issued} follow-up link{'' if issued == 1 else 's'} issued")
    return redirect("workforce:list")


@page_view(MANAGE)
def statistics(request: HttpRequest) -> HttpResponse:
    form, year, start, end = _period(request)
    stats = selectors.statistics_for(request.user, start, end)
    return download_page(
        request,
        "workforce/statistics.html",
        Export(
            f"training-statistics-{year}",
            presentation.EXPORT_HEADER,
            lambda: presentation.export_rows(stats),
        ),
        form=form,
        year=year,
        stats=stats,
        modes=presentation.MODES,
        effect_rows=presentation.effect_rows(stats["effect"]),
        impact_labels=presentation.IMPACT_LABELS,
        levels_svg=presentation.level_chart(stats),
        agencies_svg=presentation.agency_chart(stats),
        impact_svg=presentation.impact_chart(stats),
    )


CHARGE_HEADER = ["Agency", "Non-attendances", "Late cancellations", "Charge (pounds)"]


@page_view(MANAGE)
def charges(request: HttpRequest) -> HttpResponse:
    form, year, start, end = _period(request)
    rows = selectors.charges_for(request.user, start, end)
    return download_page(
        request,
        "workforce/charges.html",
        Export(
            f"training-charges-{year}",
            CHARGE_HEADER,
            lambda: [[r.agency, r.non_attendances, r.late_cancellations, r.amount] for r in rows],
        ),
        form=form,
        year=year,
        rows=rows,
        total=services.charge_total(rows),
        policy=selectors.settings_of(_partnership(request)),
    )


@form_view(MANAGE)
def policy(request: HttpRequest) -> HttpResponse:
    partnership = _partnership(request)
    current = selectors.settings_of(partnership)
    many = ["paying_agencies"]
    names = [name for name in SettingsForm.base_fields if name not in ("version", *many)]
    initial = initial_of(current, names, many=many)
    form = SettingsForm(request.POST or None, partnership=partnership, initial=initial)
    return return_form(
        request,
        form,
        saving(request, services.update_settings, partnership=partnership, versioned=True),
        message="Charging policy and evaluation settings saved",
        back="workforce:charges",
        title="Charging policy and evaluation settings",
        caption="Workforce development",
        intro="Which agencies pay for non-attendance and late cancellation, the charges, and "
        "when evaluations are sent.",
    )


GAP_HEADER = ["Agency", "Course", "Staff who need it", "Trained", "Still to train", "Trained (%)"]


@page_view(MANAGE)
def gaps(request: HttpRequest) -> HttpResponse:
    rows = selectors.gaps_for(request.user)
    return download_page(
        request,
        "workforce/gaps.html",
        Export(
            "training-gap-analysis",
            GAP_HEADER,
            lambda: [
                [g.agency, g.course, g.staff, g.trained, g.still_to_train, g.percent_trained]
                for g in rows
            ],
        ),
        rows=rows,
        years=selectors.settings_of(_partnership(request)).refresher_years,
    )


@form_view(MANAGE)
def requirement(request: HttpRequest) -> HttpResponse:
    partnership = _partnership(request)
    form = RequirementForm(request.POST or None, partnership=partnership)
    return return_form(
        request,
        form,
        saving(request, services.set_requirement, partnership=partnership),
        message=lambda saved: f"Saved: {saved}",
        back="workforce:gaps",
        title="Staff needing a course",
        caption="Gap analysis",
        intro="How many of an agency's staff are in roles that need the course. Entering an "
        "agency and course again replaces the number.",
    )


@page_view(MANAGE)
def logs(request: HttpRequest) -> HttpResponse:
    unrated = request.GET.get("show") != "all"
    rows = selectors.reflective_logs_for(request.user, unrated_only=unrated)[:200]
    return render(request, "workforce/logs.html", {"rows": rows, "unrated": unrated})


@form_view(MANAGE)
def rate(request: HttpRequest, pk: int) -> HttpResponse:
    log = selectors.reflective_log_for(request.user, pk)
    form = RateForm(request.POST or None, initial={"rating": log.impact_rating or None})
    intro = (
        f"{log.session.course.title}: {log.agency}. Learner's own view: "
        f"{log.get_impact_self_display() or 'not given'}. Example: "
        f"{log.practice_example or 'none given'}"
    )
    return return_form(
        request,
        form,
        lambda data, _v: services.rate_log(actor=request.user, log=log, rating=data["rating"]),
        message="Impact rating saved",
        back="workforce:logs",
        title="Rate a reflective log",
        caption="Reflective logs",
        intro=intro,
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
