"""Signed, expiring, single-use links to an evaluation, for learners without an account.

The token is ``django.core.signing.dumps({"l": link id, "n": nonce}, salt=SALT)``: signed with the
site's secret, timestamped.  ``resolve(token)``:

- a token that does not verify (tampered, truncated, another salt) -> ``Http404``;
- a link past its ``expires_at`` (or a token older than ``MAX_AGE``) -> ``LinkExpired`` (410);
- a link already used -> ``LinkUsed`` (409);
- otherwise the ``EvaluationLink``.

The nonce is stored (never in the audit log) so that a token for a deleted or re-issued link
does not verify against another one.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.core import signing
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from lineofsight.workforce.models import EvaluationLink

SALT = "lineofsight.workforce.evaluation"
MAX_AGE = dt.timedelta(days=120)  # beyond the longest validity the settings allow (90 days)


class LinkExpired(Exception):
    """The link's time has passed (answers 410 Gone)."""


class LinkUsed(Exception):
    """The link has already been answered (answers 409 Conflict)."""


def new_nonce() -> str:
    return secrets.token_urlsafe(18)


def token_for(link: EvaluationLink) -> str:
    return signing.dumps({"l": link.pk, "n": link.nonce}, salt=SALT, compress=False)


def path_for(link: EvaluationLink) -> str:
    return reverse("workforce:evaluate", args=[token_for(link)])


def resolve(token: str, now: dt.datetime | None = None) -> EvaluationLink:
    now = now or timezone.now()
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as expired:
        raise LinkExpired from expired
    except signing.BadSignature as bad:
        raise Http404("No such evaluation link") from bad
    if not isinstance(data, dict):
        raise Http404("No such evaluation link")
    link = (
        EvaluationLink.objects.select_related("booking__session__course", "booking__agency")
        .filter(pk=int(data.get("l") or 0), nonce=str(data.get("n") or ""))
        .first()
    )
    if link is None:
        raise Http404("No such evaluation link")
    if link.used_at is not None:
        raise LinkUsed
    if link.expires_at <= now:
        raise LinkExpired
    return link
