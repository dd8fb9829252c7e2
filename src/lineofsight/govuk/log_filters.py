"""Logging filters: an intended refusal (403) is one line in the log, not a traceback.

Django logs every ``PermissionDenied`` on ``django.request`` with the exception attached, so a
console shows a full traceback for each page a role may not open.  Refusals are the access rules
working; ``OneLineRefusals`` keeps the record (path, user, the permission needed) and drops the
traceback.  Other warnings and errors keep theirs.
"""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied


class OneLineRefusals(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) != 403:
            return True
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, PermissionDenied):
            request = getattr(record, "request", None)
            user = getattr(getattr(request, "user", None), "username", "") or "anonymous"
            reason = str(exc) or "no reason given"
            record.msg = "Refused (403): %s for %s: %s"
            first = record.args[:1] if isinstance(record.args, tuple) and record.args else ("",)
            record.args = (*first, user, reason)
            record.exc_info = None
            record.exc_text = None
        return True
