"""Audited reads: every selector that returns child-level or personal records is decorated.

    @audited_read("datasets.submission")
    def submission_for(user, pk) -> Submission: ...

The decorator calls the selector, then writes one ``read`` row to the audit log (who, which
records, through which selector) in its own short transaction, and returns the result.  The
object id comes from the result: a model instance's primary key, or for a list of records the
``of`` argument's (for example the case review whose children are listed), with the count.

``READ_SELECTORS`` lists every decorated selector: the walk in ``audit/tests/test_reads.py``
renders every page and export and checks that each page showing child-level records wrote a read
row, and that every selector here is reached by some page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

from django.db import models

from lineofsight.audit.services import record_read

F = TypeVar("F", bound=Callable[..., Any])

READ_SELECTORS: dict[str, str] = {}  # "module.selector" -> object type


def _object_id(result: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, dict]:
    if isinstance(result, models.Model):
        return str(result.pk), {}
    owner = kwargs.get("of", args[0] if args else None)
    rows = list(result) if result is not None else []
    return str(getattr(owner, "pk", owner) or ""), {"records": len(rows)}


def audited_read(object_type: str) -> Callable[[F], F]:
    """Decorate a selector ``fn(user, ...)`` whose result holds child-level/personal records."""

    def decorate(selector: F) -> F:
        name = f"{selector.__module__}.{selector.__qualname__}"
        READ_SELECTORS[name] = object_type

        @functools.wraps(selector)
        def audited(user: Any, *args: Any, **kwargs: Any) -> Any:
            result = selector(user, *args, **kwargs)
            object_id, counts = _object_id(result, args, kwargs)
            record_read(
                actor=user,
                object_type=object_type,
                object_id=object_id,
                detail={"selector": name, **counts},
            )
            return result

        audited.audited_read = object_type  # type: ignore[attr-defined]
        return cast(F, audited)

    return decorate
