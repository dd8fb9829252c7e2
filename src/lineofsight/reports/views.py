"""Reports pages (thin: selectors read, services write, policies decide)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from lineofsight.calendar.years import APRIL
from lineofsight.indicators.periods import parse_period
from lineofsight.lib.formviews import add_validation_error, submit
from lineofsight.lib.pages import form_view, page_view, post_view, saving
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.selectors import current_partnership
from lineofsight.performance.selectors import financial_years
from lineofsight.reports import forms, policies, selectors, services
from lineofsight.reports.models import Report
from lineofsight.reports.registry import section, sections
from lineofsight.reports.render import CONTENT_TYPES


def _partnership() -> Partnership:
    partnership = current_partnership()
    if partnership is None:
        raise Http404("No partnership is set up yet")
    return partnership


def _report(request: HttpRequest, pk: int) -> Report:
    try:
        return selectors.report_for(request.user, pk)
    except Report.DoesNotExist:
        raise Http404 from None


def _list_context(request: HttpRequest, form: forms.GenerateForm) -> dict[str, Any]:
    return {
        "reports": selectors.reports_for(request.user)[:100],
        "form": form,
        "can_generate": policies.can_generate_report(request.user),
        "can_narrate": policies.can_write_narrative(request.user),
    }


def _detail_context(report: Report, form: forms.PublicationForm, user: Any) -> dict[str, Any]:
    return {
        "report": report,
        "form": form,
        "state": selectors.report_state(report),
        "can_record_publication": policies.can_record_publication(user, report),
        "can_generate": policies.can_generate_report(user),
        "again": forms.GenerateForm(
            start_month=report.partnership.financial_year_start_month,
            initial={
                "kind": report.kind,
                "period": report.period_label,
                "edition": report.edition,
                "format": report.format,
            },
        ),
    }


@page_view("reports.view")
def report_list(request: HttpRequest) -> HttpResponse:
    partnership = current_partnership()
    years = financial_years(partnership) if partnership else []
    form = forms.GenerateForm(
        start_month=partnership.financial_year_start_month if partnership else APRIL,
        initial={
            "kind": "annual",
            "period": years[-1] if years else "",
            "edition": "published",
            "format": "pdf",
        },
    )
    return render(request, "reports/list.html", _list_context(request, form))


@post_view("reports.manage")
def generate(request: HttpRequest) -> HttpResponse:
    form = forms.GenerateForm(request.POST, start_month=_partnership().financial_year_start_month)
    if form.is_valid():
        data = form.cleaned_data
        try:
            report = services.request_report(
                actor=request.user,
                partnership=_partnership(),
                kind=data["kind"],
                period_label=data["period"],
                edition=data["edition"],
                fmt=data["format"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            return redirect("reports:detail", report.pk)
    return render(request, "reports/list.html", _list_context(request, form), status=400)


@page_view("reports.view")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    form = forms.PublicationForm(
        initial={
            "published_on": report.published_on,
            "sent_to_panel_on": report.sent_to_panel_on,
            "sent_to_foundations_on": report.sent_to_foundations_on,
        }
    )
    return render(request, "reports/detail.html", _detail_context(report, form, request.user))


@page_view("reports.view")
def download(request: HttpRequest, pk: int) -> FileResponse:
    report = _report(request, pk)
    if report.status != Report.Status.COMPLETE:
        raise Http404
    path = services.report_file(report)
    if not path.exists():
        raise Http404
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=report.file_name,
        content_type=CONTENT_TYPES[report.format],
    )


@post_view("reports.manage")
def publication(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    form = forms.PublicationForm(request.POST)
    outcome = submit(
        request,
        form,
        saving(request, services.record_publication, report=report),
    )
    if outcome.saved:
        return redirect("reports:detail", report.pk)
    return render(
        request,
        "reports/detail.html",
        _detail_context(report, form, request.user),
        status=outcome.status,
    )


def _period(value: str) -> str:
    try:
        return parse_period(value).label
    except ValueError:
        raise Http404 from None


@page_view("reports.narrate")
def narratives(request: HttpRequest) -> HttpResponse:
    form = forms.PeriodForm(request.GET or None)
    partnership = current_partnership()
    years = financial_years(partnership) if partnership else []
    period = (form.is_valid() and form.cleaned_data["period"]) or (years[-1] if years else "")
    written = selectors.narratives_for(request.user, period) if period else {}
    kind = "quarterly" if "Q" in period else "annual"
    return render(
        request,
        "reports/narratives.html",
        {
            "form": form,
            "period": period,
            "sections": sections(kind),
            "written": written,
        },
    )


@form_view("reports.narrate")
def narrative_edit(request: HttpRequest, section: str, period: str) -> HttpResponse:
    spec = _section(section)
    period = _period(period)
    existing = selectors.narrative(request.user, spec.key, period)
    initial = (
        {
            "done": existing.done,
            "next": existing.next,
            "impact": existing.impact,
            "version": existing.version,
        }
        if existing
        else {}
    )
    form = forms.NarrativeForm(request.POST or None, initial=initial)
    outcome = submit(
        request,
        form,
        lambda data, version: services.save_narrative(
            actor=request.user,
            partnership=_partnership(),
            section_key=spec.key,
            period_label=period,
            values=data,
            expected_version=version,
        ),
    )
    if outcome.saved:
        return redirect(f"{reverse('reports:narratives')}?period={period}")
    return render(
        request,
        "reports/narrative.html",
        {
            "form": form,
            "spec": spec,
            "period": period,
            "narrative": existing,
            "can_approve": policies.can_approve_narrative(request.user, existing),
            "step": forms.NarrativeStepForm(
                initial={"version": existing.version if existing else 1}
            ),
        },
        status=outcome.status,
    )


def _section(key: str):
    try:
        return section(key)
    except KeyError:
        raise Http404 from None


def _step(request: HttpRequest, key: str, period: str, service) -> HttpResponse:
    spec = _section(key)
    period = _period(period)
    existing = selectors.narrative(request.user, spec.key, period)
    if existing is None:
        raise Http404
    form = forms.NarrativeStepForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda _data, version: service(
            actor=request.user, narrative=existing, expected_version=version
        ),
    )
    if outcome.saved:
        return redirect(f"{reverse('reports:narratives')}?period={period}")
    edit = forms.NarrativeForm(
        initial={
            "done": existing.done,
            "next": existing.next,
            "impact": existing.impact,
            "version": existing.version,
        }
    )
    return render(
        request,
        "reports/narrative.html",
        {
            "form": edit,
            "spec": spec,
            "period": period,
            "narrative": existing,
            "can_approve": policies.can_approve_narrative(request.user, existing),
            "step": form,
        },
        status=outcome.status,
    )


@post_view("reports.narrate")
def narrative_submit(request: HttpRequest, section: str, period: str) -> HttpResponse:
    return _step(request, section, period, services.submit_narrative)


@post_view("reports.approve")
def narrative_approve(request: HttpRequest, section: str, period: str) -> HttpResponse:
    return _step(request, section, period, services.approve_narrative)
