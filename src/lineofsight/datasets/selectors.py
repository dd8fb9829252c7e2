from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from lineofsight.audit.reads import audited_read
from lineofsight.datasets import storage
from lineofsight.datasets.models import Snapshot, Submission
from lineofsight.partnership.access import check_permission
from lineofsight.partnership.models import Partnership
from lineofsight.partnership.roles import Role


def submissions_for(user: Any) -> QuerySet[Submission]:
    """Analysts and administrators see every submission; agency leads their own agency's; anyone
    else who uploads (the CDOP coordinator) their own uploads."""
    check_permission(user, "datasets.view")
    rows = Submission.objects.select_related("agency", "submitted_by", "snapshot")
    if user.role_set() & {Role.PARTNERSHIP_ADMIN, Role.PERFORMANCE_ANALYST}:
        return rows
    if Role.AGENCY_LEAD in user.role_set():
        return rows.filter(agency=user.agency)
    return rows.filter(submitted_by=user)


@audited_read("datasets.submission")
def submission_for(user: Any, pk: int) -> Submission:
    """One submission with its problems (which name children by pseudonym): 404 if unseen."""
    return get_object_or_404(submissions_for(user), pk=pk)


def current_table_files(partnership: Partnership) -> dict[str, list[Path]]:
    """table name -> Parquet files of every current (not superseded) snapshot."""
    files: dict[str, list[Path]] = defaultdict(list)
    snapshots = Snapshot.objects.filter(partnership=partnership, superseded_by__isnull=True)
    for snapshot in snapshots.order_by("pk"):
        for table, entry in snapshot.tables.items():
            files[table].append(storage.table_path(snapshot.directory, entry["file"]))
    return dict(files)
