"""LADO referrals from a CSV (``formats.lado_referrals``), stored through the services.

Registered with ``datasets.record_imports`` for the format ``lado_referrals``: ``lineofsight
ingest`` and the Data upload page read, validate and hand the rows here inside the ingest's
transaction.  A referral whose reference is already recorded is left as it is (a warning says
so); a sector or outcome not in the partnership's lists, or a row the database refuses, is an
error naming the row, field and value, and then nothing from the file is kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.core.exceptions import PermissionDenied

from lineofsight.datasets.record_imports import code_in_use, codes_in_use, store_new_records
from lineofsight.formats import Parsed, Problem
from lineofsight.formats.lado_referrals import TABLE
from lineofsight.lado import policies, reference, services
from lineofsight.lado.models import Outcome, Referral, Sector

FIELDS = (
    "reference",
    "received_on",
    "referring_agency",
    "adult_reference",
    "adult_role",
    "employer",
    "context",
    "category",
    "police_investigation",
    "suspended",
    "social_care_involved",
)


def store(actor: Any, partnership: Any, parsed: Parsed) -> list[Problem]:
    if not policies.can_manage(actor):
        raise PermissionDenied("LADO referrals are imported by the LADO")
    services.sync_lists()
    sectors = codes_in_use(Sector)
    outcomes = codes_in_use(Outcome)

    def build(row: dict[str, Any]) -> dict[str, Any]:
        sector = code_in_use(
            sectors,
            row["sector"],
            field="employer_sector",
            message=f"This sector is not in use here (use one of: {', '.join(sectors)}).",
            required=True,
        )
        outcome = code_in_use(
            outcomes,
            row["outcome"],
            field="outcome",
            message=f"This outcome is not in use here (use one of: {', '.join(outcomes)}).",
        )
        fields = {name: row[name] for name in FIELDS}
        fields.update(sector=sector, referrer="Not recorded")
        if row["threshold_met"] is not None:
            fields.update(threshold_met=row["threshold_met"], decided_on=row["decided_on"])
            criteria = cast(list[str], row["criteria"])
            fields.update({c: c in criteria for c in reference.CRITERION_CODES})
        if row["concluded_on"]:
            fields.update(concluded_on=row["concluded_on"], outcome=outcome)
        return fields

    def create(fields: dict[str, Any], row: dict[str, Any]) -> None:
        referral = services.create_referral(actor=actor, partnership=partnership, **fields)
        if row["meeting_on"]:
            services.add_meeting(
                actor=actor,
                referral=referral,
                held_on=cast(dt.date, row["meeting_on"]),
                agencies=["lado"],
            )

    return store_new_records(
        parsed,
        table=TABLE,
        model=Referral,
        partnership=partnership,
        key_field="lado_ref",
        already="This referral is already recorded: the row was not imported again.",
        rule="lado",
        build=build,
        create=create,
    )
