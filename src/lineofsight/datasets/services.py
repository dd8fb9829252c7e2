"""Ingest: parse, validate, pseudonymise and store returns as immutable snapshots (audited).

``ingest_paths`` is used by the CLI, the upload page and the demo alike.  For each return found:
- rejected (any error): a ``Submission`` records the problems; nothing else is stored;
- the same files again: nothing is written (the earlier submission is returned);
- accepted: Parquet files are written atomically (``storage``), then in one transaction the
  submission, the snapshot, the superseding of the previous version and the audit row.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max

from lineofsight.audit.models import AuditLog
from lineofsight.audit.services import record
from lineofsight.datasets import storage
from lineofsight.datasets.keys import pseudonymisation_key
from lineofsight.datasets.models import Snapshot, Submission
from lineofsight.datasets.record_imports import RecordImport, record_import
from lineofsight.datasets.submitters import data_agencies, refusal, submits_for_anyone
from lineofsight.formats import Parsed, Problem, pseudonymise, read
from lineofsight.partnership.actors import user_of
from lineofsight.partnership.models import Agency, Partnership
from lineofsight.performance.tasks import after_return_accepted

PROBLEMS_KEPT = 500  # per submission, in the database; the CLI prints them all


class ConcurrentIngest(Exception):
    pass


@dataclass
class IngestOutcome:
    submission: Submission
    snapshot: Snapshot | None
    parsed: Parsed
    already_stored: bool = False

    @property
    def accepted(self) -> bool:
        return self.submission.status == Submission.Status.ACCEPTED


def checksum(files: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.name):
        digest.update(path.name.encode() + b"\0")
        storage.feed_file(digest, path)
    return digest.hexdigest()


def _problem_dicts(problems: list[Problem]) -> list[dict[str, Any]]:
    return [dataclasses.asdict(p) for p in problems[:PROBLEMS_KEPT]]


def _return_key(parsed: Parsed) -> str:
    """What every version of one return shares, whoever sends it: format, LA, year and the
    agency the data is about.  Children's social care returns are the local authority's (one
    current version, whether the council, the trust or an analyst sent it); a partner return is
    the agencies named in its rows (which ``submitters`` checks are the sender's own)."""
    owner = "+".join(sorted(data_agencies(parsed))) if parsed.format == "partner_return" else ""
    return ":".join([parsed.format, parsed.la_code or "", str(parsed.collection_year or ""), owner])


def _folder_name(return_key: str, version: int, digest: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", return_key.lower()).strip("-")
    return f"{slug}-v{version}-{digest[:12]}"


def ingest_paths(
    *,
    actor: Any,
    partnership: Partnership,
    paths: Sequence[Path],
    agency: Agency | None = None,
    la_code: str | None = None,
    collection_year: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    display_names: dict[str, str] | None = None,
) -> list[IngestOutcome]:
    max_bytes = settings.MAX_UPLOAD_MB * 1024 * 1024
    returns = read(
        paths,
        progress,
        collection_year=collection_year,
        la_code=la_code or partnership.la_code,
        max_bytes=max_bytes,
    )
    names = display_names or {}
    return [_store(actor, partnership, agency, parsed, names) for parsed in returns]


def _store(
    actor: Any,
    partnership: Partnership,
    agency: Agency | None,
    parsed: Parsed,
    names: dict[str, str],
) -> IngestOutcome:
    files = [Path(f) for f in parsed.source_files if Path(f).is_file()]
    digest = (
        checksum(files) if files else hashlib.sha256(repr(parsed.source_files).encode()).hexdigest()
    )
    described: list[dict[str, Any]] = [
        {"name": names.get(str(f), f.name), "bytes": f.stat().st_size} for f in files
    ]
    refused = refusal(actor, agency, parsed)
    if refused is not None:  # recorded with the reason alone; nothing of the file is kept
        where = described[0]["name"] if described else "upload"
        problem = Problem(where, "whole file", "", "", refused, "error", "submission.not_permitted")
        parsed = dataclasses.replace(parsed, tables={}, problems=[problem])
    common = dict(
        partnership=partnership,
        agency=agency,
        submitted_by=user_of(actor),
        format=parsed.format,
        la_code=parsed.la_code or "",
        collection_year=parsed.collection_year,
        reference_date=parsed.reference_date,
        source_files=described,
        source_checksum=digest,
        record_count=parsed.record_count,
        error_count=parsed.error_count,
        warning_count=parsed.warning_count,
    )
    # Identifiers are replaced before anything is stored, problems of a rejected return included
    # (the outcome keeps the raw ``parsed`` for the command line, run by whoever holds the file).
    # Only the problems kept are pseudonymised (the counts above are of them all).
    kept = dataclasses.replace(parsed, problems=parsed.problems[:PROBLEMS_KEPT])
    hidden = pseudonymise(kept, pseudonymisation_key())
    if parsed.rejected:
        return IngestOutcome(_record_rejection(actor, hidden, common), None, parsed)
    store_records = record_import(parsed.format)
    if store_records is not None:
        return _store_records(actor, partnership, parsed, hidden, common, store_records)
    try:
        with storage.ingest_lock(digest):
            existing = _same_file_stored(actor, partnership, agency, hidden, digest)
            if existing is not None:
                return IngestOutcome(existing, existing.snapshot, parsed, already_stored=True)
            remove_orphan_folders()  # what a crash left behind, before writing anything
            outcome = _store_snapshot(actor, partnership, agency, hidden, common, digest)
    except storage.AlreadyBeingStored as exc:
        raise ConcurrentIngest(
            "This return is already being stored: someone sent the same file a moment ago. "
            "Nothing was stored from this copy. Look for it in the list of returns in a minute."
        ) from exc
    return dataclasses.replace(outcome, parsed=parsed)


class _RecordsRefused(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems


def _store_records(
    actor: Any,
    partnership: Partnership,
    parsed: Parsed,
    hidden: Parsed,
    common: dict[str, Any],
    store: RecordImport,
) -> IngestOutcome:
    """Records people keep (``record_imports``): the app's importer and the submission in one
    transaction; an error from the importer rejects the return and keeps nothing of it.  The
    same file again (accepted before) changes nothing."""
    digest = common["source_checksum"]
    try:
        with storage.ingest_lock(digest), transaction.atomic():
            existing = Submission.objects.filter(
                partnership=partnership,
                source_checksum=digest,
                format=parsed.format,
                status=Submission.Status.ACCEPTED,
            ).first()
            if existing is not None:
                return IngestOutcome(existing, None, parsed, already_stored=True)
            try:
                problems = store(actor, partnership, parsed)
            except PermissionDenied as refused:
                where = common["source_files"][0]["name"] if common["source_files"] else ""
                message = f"You may not import these records: {refused}. Nothing was stored."
                problems = [
                    Problem(where, "whole file", "", "", message, "error", "records.not_permitted")
                ]
            if any(p.is_error for p in problems):
                raise _RecordsRefused(problems)
            parsed.problems += problems
            common.update(warning_count=parsed.warning_count)
            submission = Submission.objects.create(
                **common,
                status=Submission.Status.ACCEPTED,
                problems=_problem_dicts(hidden.problems + problems),
            )
            record(
                actor=actor,
                verb="submission.accept",
                action=AuditLog.Action.CREATE,
                obj=submission,
                after={"format": parsed.format, "records": parsed.record_count},
            )
    except _RecordsRefused as refused:
        parsed.problems += refused.problems
        common.update(error_count=parsed.error_count, warning_count=parsed.warning_count)
        rejected = dataclasses.replace(hidden, problems=hidden.problems + refused.problems)
        return IngestOutcome(_record_rejection(actor, rejected, common), None, parsed)
    except storage.AlreadyBeingStored as exc:
        raise ConcurrentIngest(
            "These records are already being stored: someone sent the same file a moment ago. "
            "Nothing was stored from this copy."
        ) from exc
    return IngestOutcome(submission, None, parsed)


def _same_file_stored(
    actor: Any, partnership: Partnership, agency: Agency | None, parsed: Parsed, digest: str
) -> Submission | None:
    """The current version of this return, if it is these very files and the sender may see it
    (never another agency's submission: then the files are stored again as a new version)."""
    rows = Submission.objects.filter(
        partnership=partnership,
        source_checksum=digest,
        status=Submission.Status.ACCEPTED,
        snapshot__return_key=_return_key(parsed),
        snapshot__superseded_by__isnull=True,
    ).select_related("snapshot")
    if not submits_for_anyone(actor):
        rows = rows.filter(agency=agency)
    return rows.first()


def _record_rejection(actor: Any, parsed: Parsed, common: dict[str, Any]) -> Submission:
    with transaction.atomic():
        submission = Submission.objects.create(
            **common, status=Submission.Status.REJECTED, problems=_problem_dicts(parsed.problems)
        )
        record(
            actor=actor,
            verb="submission.reject",
            action=AuditLog.Action.CREATE,
            obj=submission,
            after={
                "format": parsed.format,
                "errors": common["error_count"],
                "warnings": common["warning_count"],
                "files": common["source_files"],
            },
        )
    return submission


def _store_snapshot(
    actor: Any,
    partnership: Partnership,
    agency: Agency | None,
    parsed: Parsed,
    common: dict[str, Any],
    digest: str,
) -> IngestOutcome:
    key = _return_key(parsed)
    latest = Snapshot.objects.filter(return_key=key).aggregate(v=Max("version"))["v"] or 0
    version = latest + 1
    folder = _folder_name(key, version, digest)
    manifest = storage.write_tables(
        folder,
        parsed.tables,
        {"la_code": parsed.la_code, "collection_year": parsed.collection_year},
    )
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                **common,
                status=Submission.Status.ACCEPTED,
                problems=_problem_dicts(parsed.problems),
            )
            snapshot = Snapshot.objects.create(
                submission=submission,
                partnership=partnership,
                return_key=key,
                version=version,
                directory=folder,
                tables=manifest,
            )
            superseded = list(
                Snapshot.objects.select_for_update()
                .filter(return_key=key, superseded_by__isnull=True)
                .exclude(pk=snapshot.pk)
            )
            Snapshot.objects.filter(pk__in=[s.pk for s in superseded]).update(
                superseded_by=snapshot
            )
            record(
                actor=actor,
                verb="snapshot.create",
                action=AuditLog.Action.CREATE,
                obj=snapshot,
                after={
                    "return": key,
                    "version": version,
                    "checksum": digest,
                    "tables": {t: m["rows"] for t, m in manifest.items()},
                    "supersedes": [str(s) for s in superseded],
                    "warnings": common["warning_count"],
                },
            )
            after_return_accepted(partnership.pk)  # recompute once this commits
    except IntegrityError as exc:
        storage.remove_folder(folder)
        raise ConcurrentIngest(
            "Another copy of this return was being stored at the same moment. Nothing was "
            "stored from this one: try again."
        ) from exc
    except BaseException:
        storage.remove_folder(folder)
        raise
    return IngestOutcome(submission, snapshot, parsed)


def remove_orphan_folders() -> list[str]:
    """Tidy folders left by a crash between writing files and committing their snapshot row
    (and staging folders).  Run by every ingest while it holds the ingest lock."""
    known = set(Snapshot.objects.values_list("directory", flat=True))
    return storage.remove_orphans(known)
