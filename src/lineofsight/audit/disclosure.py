"""What the audit log may show, and to whom: one mechanism for every audited record.

An audited model may declare ``audit_policy = AuditPolicy(...)``:

- ``never_logged``: fields whose values are never written to the audit log at all (in
  ``before``, ``after`` or ``detail``), for content too sensitive to copy even into the log (a
  LADO referral's adult's name).  ``record`` replaces their values with ``NOT_RECORDED``.
- ``confidential``: fields written to the log but shown (page and exports) only to someone who
  ``may_read`` the record as it was in that snapshot; anyone else sees ``WITHHELD`` (the log
  still shows that the record was saved, by whom and when, not what it says).  Example: an
  agency's Section 11 *draft* answers, readable only by that agency until submitted.
- ``describe``: the record's label in the log (``object_repr``) when ``str(obj)`` could carry
  never-logged content.

A model without a policy has no confidential fields.  Policies are looked up by the audit row's
``object_type`` (the model label), so rows written before a policy existed are covered too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.apps import apps
from django.db import models

NOT_RECORDED = "(not recorded in the audit log)"
WITHHELD = "(confidential: saved, not shown to you)"


def _anyone(user: Any, values: Mapping[str, Any]) -> bool:
    return True


@dataclass(frozen=True)
class AuditPolicy:
    confidential: frozenset[str] = field(default_factory=frozenset)
    may_read: Callable[[Any, Mapping[str, Any]], bool] = _anyone
    never_logged: frozenset[str] = field(default_factory=frozenset)
    describe: Callable[[Any], str] | None = None


NO_POLICY = AuditPolicy()


@cache
def policy_for(object_type: str) -> AuditPolicy:
    """The policy of the model labelled ``object_type`` (e.g. "assurance.Section11Return")."""
    try:
        model = apps.get_model(object_type)
    except (LookupError, ValueError):
        return NO_POLICY
    return getattr(model, "audit_policy", NO_POLICY)


def policy_of(obj: models.Model | None, object_type: str | None) -> AuditPolicy:
    if obj is not None:
        return getattr(type(obj), "audit_policy", NO_POLICY)
    return policy_for(object_type or "")


def strip_never_logged(policy: AuditPolicy, values: Any) -> Any:
    """``values`` with every never-logged field's value replaced (at any depth), for writing."""
    if not policy.never_logged:
        return values
    if isinstance(values, dict):
        return {
            key: NOT_RECORDED if key in policy.never_logged else strip_never_logged(policy, value)
            for key, value in values.items()
        }
    if isinstance(values, list):
        return [strip_never_logged(policy, value) for value in values]
    return values


def withhold(policy: AuditPolicy, user: Any, values: Any) -> Any:
    """``values`` as ``user`` may see them: confidential fields withheld unless they may read
    the record as this snapshot shows it."""
    if not policy.confidential or not isinstance(values, dict):
        return values
    if policy.may_read(user, values):
        return values
    return {key: WITHHELD if key in policy.confidential else v for key, v in values.items()}
