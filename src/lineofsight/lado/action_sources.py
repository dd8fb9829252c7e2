"""A LADO referral may raise an action (learning for an employer or a sector), through the shared
page ``actions:raise`` (permission ``lado.manage``, which a link to the referral needs too).  The
action tracker is read by roles outside the LADO's: the label carries the record's number only,
and nothing is copied from the referral (no ``initial``)."""

from __future__ import annotations

from lineofsight.actions.sources import found_by, register_action_source
from lineofsight.lado import selectors
from lineofsight.lado.models import Referral


def register() -> None:
    register_action_source(
        "lado",
        "LADO referral",
        model=Referral,
        describe=lambda referral: f"LADO referral {referral.pk}",
        find=found_by(selectors.referral_for),
        intro=(
            "Learning for an employer, a sector or the partnership. Do not "
            "name the adult or a child: the action tracker is read beyond the LADO."
        ),
        permission="lado.manage",
        order=85,
    )
