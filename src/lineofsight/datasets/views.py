from __future__ import annotations

import os
import re
import shutil
import tempfile
from importlib import resources
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from lineofsight.datasets import policies, services
from lineofsight.datasets.forms import UploadForm
from lineofsight.datasets.selectors import submission_for, submissions_for
from lineofsight.formats.codelists import partner_measures
from lineofsight.govuk.formatting import count
from lineofsight.lib.pages import allowed_page, form_view, page_view
from lineofsight.partnership.access import SignedInRequest


@page_view("datasets.view")
def submission_list(request: SignedInRequest) -> HttpResponse:
    rows = submissions_for(request.user)[:200]
    return allowed_page(request, "datasets/list.html", policies.allowed, submissions=rows)


@page_view("datasets.view")
def submission_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    submission = submission_for(request.user, pk)
    return render(request, "datasets/detail.html", {"submission": submission})


def accepted_message(outcome: services.IngestOutcome) -> str:
    records = count(outcome.submission.record_count, "record")
    if outcome.snapshot is None:  # records people keep (datasets.record_imports)
        return f"Return accepted: {records} stored."
    return f"Return accepted: {records} stored as snapshot version {outcome.snapshot.version}."


def _safe_name(name: str) -> str:
    base = Path(name).name
    return re.sub(r"[^A-Za-z0-9._-]", "_", base)[:120] or "upload"


def _free_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``folder/name-2``... when two uploads share a name."""
    target, number = folder / name, 1
    while target.exists():
        number += 1
        target = folder / f"{Path(name).stem}-{number}{Path(name).suffix}"
    return target


@form_view("datasets.upload")
def upload(request: SignedInRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = UploadForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        partnership = request.partnership
        staging = Path(tempfile.mkdtemp(prefix="upload-", dir=settings.VAR_DIR))
        try:
            names: dict[str, str] = {}
            paths = []
            for uploaded in form.cleaned_data["returns"]:
                target = _free_path(staging, _safe_name(uploaded.name))
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as handle:
                    for chunk in uploaded.chunks():
                        handle.write(chunk)
                names[str(target)] = uploaded.name
                paths.append(target)
            outcomes = services.ingest_paths(
                actor=request.user,
                partnership=partnership,
                paths=paths,
                agency=request.user.agency,
                collection_year=form.cleaned_data.get("collection_year"),
                display_names=names,
            )
        except services.ConcurrentIngest as exc:
            form.add_error(None, str(exc))
            return render(request, "datasets/upload.html", {"form": form}, status=409)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        for outcome in outcomes:
            if outcome.already_stored:
                messages.info(request, f"{outcome.submission}: already stored, nothing changed.")
            elif outcome.accepted:
                # Said once, right after the upload: the return's own page shows its status.
                messages.success(request, accepted_message(outcome))
        if len(outcomes) == 1:
            return redirect("datasets:detail", pk=outcomes[0].submission.pk)
        return redirect("datasets:list")
    return render(request, "datasets/upload.html", {"form": form})


# The reference files an agency needs to prepare a return (download name -> shipped file).
REFERENCE_FILES = {
    "partner-return-template.csv": "partner_return_template.csv",
    "partner-measures.csv": "partner_measures.csv",
}


@page_view("datasets.view")
def return_formats(request: SignedInRequest) -> HttpResponse:
    measures = sorted(partner_measures().values(), key=lambda m: (m.agency_type, m.measure_id))
    return allowed_page(request, "datasets/formats.html", policies.allowed, measures=measures)


@page_view("datasets.view")
def reference_file(request: SignedInRequest, name: str) -> HttpResponse:
    if name not in REFERENCE_FILES:
        raise Http404("No such reference file")
    shipped = resources.files("lineofsight.formats").joinpath("reference", REFERENCE_FILES[name])
    response = HttpResponse(shipped.read_bytes(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
