"""A LADO referral may raise an action (learning for an employer or a sector), through the shared
page ``actions:raise`` (permission ``lado.manage``).  The action tracker is read by roles outside
the LADO's: the label carries the record's number only, and nothing is copied from the referral."""

from __future__ import annotations

from typing import Any

from lineofsight.actions.sources import found_by, register_action_source
from lineofsight.lado import selectors
from lineofsight.lado.models import Referral


def _initial(referral: Referral) -> dict[str, Any]:
    return {"title": ""}


def register() -> None:
    register_action_source(
        "lado",
        "LADO referral",
        model=Referral,
        describe=lambda referral: f"LADO referral {referral.pk}",
        find=found_by(selectors.referral_for),
        initial=_initial,
        partnership=lambda referral: referral.partnership,
        page_title="Raise an action from this referral",
        intro=lambda referral: (
            "Learning for an employer, a sector or the partnership. Do not "
            "name the adult or a child: the action tracker is read beyond the LADO."
        ),
        permission="lado.manage",
        view_permission="lado.manage",
        order=85,
    )
