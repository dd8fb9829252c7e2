from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from markupsafe import Markup

from lineofsight.indicators import catalogue
from lineofsight.lib.exports import export_response
from lineofsight.lib.versioning import EditConflict
from lineofsight.partnership.access import has_permission, requires
from lineofsight.performance import presentation, selectors
from lineofsight.performance.cache import PageCache
from lineofsight.performance.compute import recompute
from lineofsight.performance.forms import PeriodForm, TargetForm
from lineofsight.performance.summaries import overview as build_overview
from lineofsight.performance.summaries import summarise
from lineofsight.performance.target_services import set_target


def _period(request: HttpRequest, years: list[str]) -> tuple[PeriodForm, str | None]:
    form = PeriodForm(request.GET or None, years=years)
    chosen = request.GET.get("period")
    period = chosen if chosen in years else (years[-1] if years else None)
    form.initial["period"] = period
    return form, period


@requires("performance.view")
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    partnership = request.partnership
    page_cache = PageCache(partnership)
    years = page_cache.get("years", lambda: selectors.financial_years(partnership))
    form, period = _period(request, years)

    def figures() -> Markup:
        summaries = build_overview(partnership, period)
        context = {
            "period": period,
            "attention": [s for s in summaries if s.rank < 2],
            "summaries": summaries,
            "tag": presentation.variation_tag,
        }
        return Markup(render_to_string("performance/_overview_figures.html", context))  # noqa: S704

    context = {
        "form": form,
        "period": period,
        "figures": page_cache.get("overview", figures, period) if period else "",
        "freshness": selectors.freshness(partnership),
        "can_recompute": has_permission(request.user, "performance.manage"),
    }
    return render(request, "performance/overview.html", context)


def _spec_or_404(indicator_id: str) -> catalogue.IndicatorSpec:
    try:
        return catalogue.get(indicator_id)
    except KeyError:
        raise Http404("No such indicator") from None


@requires("performance.view")
@require_GET
def indicator(request: HttpRequest, indicator_id: str) -> HttpResponse:
    spec = _spec_or_404(indicator_id)
    partnership = request.partnership
    page_cache = PageCache(partnership)
    years = page_cache.get("years", lambda: selectors.financial_years(partnership))
    form, period = _period(request, years)
    if period is None:
        return render(request, "performance/indicator.html", {"spec": spec, "summary": None})

    def figures() -> dict[str, Any]:
        summary = summarise(partnership, spec, period)
        return {
            "summary": summary,
            "spc_svg": presentation.spc_svg(summary),
            "benchmark_svg": presentation.benchmark_svg(summary),
        }

    cached = page_cache.get("indicator", figures, spec.id, period)
    summary = cached["summary"]
    context = {
        "freshness": selectors.freshness(partnership),
        "spec": spec,
        "form": form,
        "period": period,
        "summary": summary,
        "tag": presentation.variation_tag(summary),
        "assurance": presentation.assurance_tag(summary),
        "can_set_target": has_permission(request.user, "performance.manage"),
        "spc_svg": cached["spc_svg"],
        "benchmark_svg": cached["benchmark_svg"],
        "months": [r for r in summary.monthly],
        "value_text": presentation.value_text,
        "period_text": presentation.period_text,
    }
    return render(request, "performance/indicator.html", context)


EXPORT_HEADER = [
    "indicator",
    "period type",
    "period",
    "start",
    "end",
    "breakdown",
    "numerator",
    "denominator",
    "value",
    "95% CI low",
    "95% CI high",
]


@requires("performance.view")
@require_GET
def export(request: HttpRequest, indicator_id: str, export_format: str) -> HttpResponse:
    spec = _spec_or_404(indicator_id)
    rows = selectors.results(request.partnership, spec.id)
    table = (
        [
            spec.id,
            r.period_type,
            r.period_label,
            r.period_start,
            r.period_end,
            r.breakdown,
            r.numerator,
            r.denominator,
            r.value,
            r.ci_low,
            r.ci_high,
        ]
        for r in rows
    )
    try:
        return export_response(export_format, f"{spec.id}-results", EXPORT_HEADER, table)
    except ValueError:
        raise Http404("Unknown export format") from None


@requires("performance.manage")
@require_http_methods(["GET", "POST"])
def target(request: HttpRequest, indicator_id: str) -> HttpResponse:
    spec = _spec_or_404(indicator_id)
    partnership = request.partnership
    current = selectors.target(partnership, spec.id)
    initial = (
        {"value": current.value, "reason": current.reason, "version": current.version}
        if current
        else {}
    )
    form = TargetForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            set_target(
                actor=request.user,
                partnership=partnership,
                indicator_id=spec.id,
                value=data["value"],
                reason=data["reason"],
                expected_version=data["version"],
            )
        except EditConflict as conflict:
            form.add_error(None, str(conflict))
            status = 409
        else:
            messages.success(request, f"Target for {spec.title} saved.")
            return redirect("performance:indicator", indicator_id=spec.id)
    return render(request, "performance/target.html", {"spec": spec, "form": form}, status=status)


@requires("performance.manage")
@require_POST
def recompute_now(request: HttpRequest) -> HttpResponse:
    run = recompute(actor=request.user, partnership=request.partnership)
    messages.success(request, f"Indicators recomputed: {run.result_count:,} results stored.")
    return redirect("performance:overview")
