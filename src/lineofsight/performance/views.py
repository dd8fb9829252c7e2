from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from markupsafe import Markup

from lineofsight.actions import selectors as action_selectors
from lineofsight.assurance import selectors as assurance_selectors
from lineofsight.delivery import selectors as delivery_selectors
from lineofsight.indicators import catalogue
from lineofsight.indicators.periods import Period, financial_year
from lineofsight.lib.exports import export_response
from lineofsight.lib.formviews import submit
from lineofsight.lib.pages import form_view, page_view, post_view, saving
from lineofsight.partnership.access import SignedInRequest, has_permission
from lineofsight.partnership.models import Partnership
from lineofsight.performance import exports, presentation, selectors
from lineofsight.performance.action_services import RAISE_PERMISSION, track_indicator
from lineofsight.performance.cache import PageCache
from lineofsight.performance.compute import recompute
from lineofsight.performance.forms import ChangePointForm, PeriodForm, TargetForm
from lineofsight.performance.overview_export import HEADER as OVERVIEW_HEADER
from lineofsight.performance.overview_export import overview_rows, suppressed_breakdowns
from lineofsight.performance.summaries import Summary, summarise
from lineofsight.performance.summaries import overview as build_overview
from lineofsight.performance.target_services import remove_change_point as remove_point
from lineofsight.performance.target_services import set_change_point, set_target


def _period(request: HttpRequest, offered: list[Period]) -> tuple[PeriodForm, Period | None]:
    """The period asked for (``?period=`` a financial year or a quarter of the partnership's
    year), else the latest financial year."""
    form = PeriodForm(request.GET or None, periods=offered)
    years = [p for p in offered if p.period_type == "financial_year"]
    chosen = {p.label: p for p in offered}.get(request.GET.get("period", ""))
    period = chosen or (years[-1] if years else None)
    form.initial["period"] = period.label if period else None
    return form, period


def _offered(partnership: Partnership) -> list[Period]:
    return PageCache(partnership).get("periods", lambda: selectors.periods(partnership))


def _target_year(period: Period) -> str:
    """The financial year whose target applies: the year itself, or the one holding a quarter."""
    if period.period_type == "financial_year":
        return period.label
    return financial_year(period.financial_year_ending - 1).label


@page_view("performance.view")
def overview(request: SignedInRequest) -> HttpResponse:
    partnership = request.partnership
    page_cache = PageCache(partnership)
    form, period = _period(request, _offered(partnership))

    def figures(period: Period) -> Markup:
        summaries = build_overview(partnership, period)
        context = {
            "period": period.label,
            "attention": [s for s in summaries if s.rank < 2],
            "summaries": summaries,
            "tag": presentation.variation_tag,
            "reasons": presentation.attention_reasons,
        }
        return Markup(render_to_string("performance/_overview_figures.html", context))  # noqa: S704

    context = {
        "form": form,
        "period": period.label if period else None,
        "quarter": bool(period and period.period_type == "quarter"),
        "figures": (
            page_cache.get("overview", lambda: figures(period), period.label) if period else ""
        ),
        "freshness": selectors.freshness(partnership),
        "can_recompute": has_permission(request.user, "performance.manage"),
    }
    return render(request, "performance/overview.html", context)


@page_view("performance.view")
def overview_export(request: SignedInRequest, export_format: str) -> HttpResponse:
    """Every indicator for a financial year or quarter (``?period=``, default the latest year):
    analysts get every figure (``?edition=published`` for the published one), everyone else
    the published edition through ``lineofsight.disclosure``."""
    partnership = request.partnership
    page_cache = PageCache(partnership)
    _, period = _period(request, _offered(partnership))
    if period is None:
        raise Http404("No results yet")
    analyst = has_permission(request.user, "performance.manage")
    edition = (
        "published" if request.GET.get("edition") == "published" or not analyst else "internal"
    )
    summaries = page_cache.get(
        "overview_summaries", lambda: build_overview(partnership, period), period.label
    )
    rows = overview_rows(summaries, edition)
    label = period.label.replace(" ", "-")
    name = f"indicators-{label}" + ("-published" if edition == "published" else "")
    try:
        return export_response(export_format, name, OVERVIEW_HEADER, rows)
    except ValueError:
        raise Http404("Unknown export format") from None


def _spec_or_404(indicator_id: str) -> catalogue.IndicatorSpec:
    try:
        return catalogue.get(indicator_id)
    except KeyError:
        raise Http404("No such indicator") from None


def _indicator_context(
    request: HttpRequest,
    partnership: Partnership,
    spec: catalogue.IndicatorSpec,
    period: Period,
    offered: list[Period],
    cached: dict[str, Any],
    change_form: ChangePointForm | None = None,
) -> dict[str, object]:
    form, _ = _period(request, offered)
    form.initial["period"] = period.label
    summary: Summary = cached["summary"]
    can_manage = has_permission(request.user, "performance.manage")
    if change_form is None and can_manage:
        initial = {"month": summary.shift_from.isoformat()} if summary.shift_from else {}
        change_form = ChangePointForm(initial=initial, months=_month_choices(summary))
    return {
        "freshness": selectors.freshness(partnership),
        "spec": spec,
        "form": form,
        "period": period.label,
        "quarter": period.period_type == "quarter",
        "target_year": _target_year(period),
        "summary": summary,
        "tag": presentation.variation_tag(summary),
        "assurance": presentation.assurance_tag(summary),
        "can_set_target": can_manage,
        "change_form": change_form,
        "spc_svg": cached["spc_svg"],
        "benchmark_svg": cached["benchmark_svg"],
        "months": [r for r in summary.monthly],
        # small numbers in a breakdown are hidden from everyone but the analysts
        "suppressed": set() if can_manage else suppressed_breakdowns(summary),
        "breakdown_tables": presentation.breakdown_tables(summary),
        "value_text": presentation.value_text,
        "period_text": presentation.period_text,
        "words": presentation.Words,
        **_what_is_being_done(request, partnership, spec),
    }


def _what_is_being_done(
    request: HttpRequest, partnership: Partnership, spec: catalogue.IndicatorSpec
) -> dict[str, object]:
    """The actions raised from the indicator, the delivery plans' success measures tied to it
    and the multi-agency audits that look into it (read on every request: they change without
    a recompute, so they are never cached)."""
    tracked = selectors.tracked_indicator(partnership, spec.id)
    return {
        "linked_actions": list(action_selectors.actions_for_source(tracked)) if tracked else [],
        "success_measures": list(delivery_selectors.measures_for_indicator(partnership, spec.id)),
        "linked_audits": assurance_selectors.audits_for_indicator(partnership, spec.id),
        "allowed": {
            "raise_action": has_permission(request.user, RAISE_PERMISSION),
            "open_actions": has_permission(request.user, "learning.view"),
        },
    }


def _figures(partnership: Partnership, spec: catalogue.IndicatorSpec, period: Period) -> Any:
    """The indicator's summary and charts for the period, from the page cache."""

    def figures() -> dict[str, Any]:
        summary = summarise(partnership, spec, period)
        return {
            "summary": summary,
            "spc_svg": presentation.spc_svg(summary),
            "benchmark_svg": presentation.benchmark_svg(summary),
        }

    return PageCache(partnership).get("indicator", figures, spec.id, period.label)


@page_view("performance.view")
def indicator(request: SignedInRequest, indicator_id: str) -> HttpResponse:
    spec = _spec_or_404(indicator_id)
    partnership = request.partnership
    offered = _offered(partnership)
    _, period = _period(request, offered)
    if period is None:
        context: dict[str, object] = {
            "spec": spec,
            "summary": None,
            "words": presentation.Words,
            **_what_is_being_done(request, partnership, spec),
        }
        return render(request, "performance/indicator.html", context)
    cached = _figures(partnership, spec, period)
    context = _indicator_context(request, partnership, spec, period, offered, cached)
    return render(request, "performance/indicator.html", context)


@page_view("performance.view")
def export(request: SignedInRequest, indicator_id: str, export_format: str) -> HttpResponse:
    """Every stored result of the indicator: in full to the analysts (unless they ask for
    ``?edition=published``), through disclosure control to everyone else (``exports``)."""
    spec = _spec_or_404(indicator_id)
    rows = selectors.results(request.partnership, spec.id)
    internal = (
        has_permission(request.user, "performance.manage")
        and request.GET.get("edition") != "published"
    )
    table = exports.internal_rows(spec, rows) if internal else exports.published_rows(spec, rows)
    name = f"{spec.id}-results" + ("" if internal else "-published")
    try:
        return export_response(export_format, name, exports.HEADER, table)
    except ValueError:
        raise Http404("Unknown export format") from None


@post_view(RAISE_PERMISSION)
def raise_action(request: SignedInRequest, indicator_id: str) -> HttpResponse:
    """Raise an action from the indicator: its partnership record is made the first time
    (audited), then the shared page ``actions:raise`` takes the action's details."""
    spec = _spec_or_404(indicator_id)
    tracked = track_indicator(
        actor=request.user, partnership=request.partnership, indicator_id=spec.id
    )
    return redirect("actions:raise", "indicator", tracked.pk)


@form_view("performance.manage")
def target(request: SignedInRequest, indicator_id: str) -> HttpResponse:
    """The target for one financial year (``?year=2020-21``, default the latest)."""
    spec = _spec_or_404(indicator_id)
    partnership = request.partnership
    years = selectors.financial_years(partnership)
    year = request.GET.get("year")
    if year not in years:
        if not years:
            raise Http404("No results yet: targets are set for years with results")
        year = years[-1]
    current = selectors.target(partnership, spec.id, year)
    initial = (
        {"value": current.value, "reason": current.reason, "version": current.version}
        if current
        else {}
    )
    form = TargetForm(request.POST or None, initial=initial)
    outcome = submit(
        request,
        form,
        saving(
            request,
            set_target,
            partnership=partnership,
            indicator_id=spec.id,
            financial_year=year,
            versioned=True,
        ),
    )
    if outcome.saved:
        messages.success(request, f"Target for {spec.title} in {year} saved.")
        return redirect(f"{reverse('performance:indicator', args=[spec.id])}?period={year}")
    context = {"spec": spec, "form": form, "year": year}
    return render(request, "performance/target.html", context, status=outcome.status)


def _month_choices(summary: Summary) -> list[tuple[str, str]]:
    return [
        (r.period_start.isoformat(), f"{r.period_start:%B %Y}")
        for r in summary.monthly
        if r.value is not None
    ][1:]


@post_view("performance.manage")
def change_point(request: SignedInRequest, indicator_id: str) -> HttpResponse:
    """Recalculate the SPC limits from a month, with the reason (an analyst's judgement)."""
    spec = _spec_or_404(indicator_id)
    partnership = request.partnership
    offered = selectors.periods(partnership)
    period = {p.label: p for p in offered}.get(request.POST.get("period", ""))
    if period is None:
        raise Http404("No such period")
    cached = _figures(partnership, spec, period)
    form = ChangePointForm(request.POST, months=_month_choices(cached["summary"]))
    outcome = submit(
        request,
        form,
        lambda data, _version: set_change_point(
            actor=request.user,
            partnership=partnership,
            indicator_id=spec.id,
            month=date.fromisoformat(data["month"]),
            reason=data["reason"],
        ),
    )
    if outcome.saved:
        messages.success(request, f"The limits are recalculated from {outcome.result.month:%B %Y}.")
        url = reverse("performance:indicator", args=[spec.id])
        return redirect(f"{url}?{urlencode({'period': period.label})}")
    context = _indicator_context(request, partnership, spec, period, offered, cached, form)
    return render(request, "performance/indicator.html", context, status=outcome.status)


@post_view("performance.manage")
def remove_change_point(request: SignedInRequest, indicator_id: str, pk: int) -> HttpResponse:
    spec = _spec_or_404(indicator_id)
    point = selectors.change_point(request.partnership, spec.id, pk)
    if point is None:
        raise Http404("No such change point")
    month = point.month
    remove_point(actor=request.user, point=point)
    messages.success(request, f"The limits are no longer recalculated from {month:%B %Y}.")
    period = request.POST.get("period", "")
    url = reverse("performance:indicator", args=[spec.id])
    return redirect(f"{url}?{urlencode({'period': period})}")


@post_view("performance.manage")
def recompute_now(request: SignedInRequest) -> HttpResponse:
    run = recompute(actor=request.user, partnership=request.partnership)
    messages.success(request, f"Indicators recomputed: {run.result_count:,} results stored.")
    return redirect("performance:overview")
