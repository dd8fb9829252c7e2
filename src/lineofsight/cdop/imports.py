"""Child death records from a CSV (``formats.child_deaths``), stored through the services.

Registered with ``datasets.record_imports`` for the format ``child_deaths``: ``lineofsight
ingest`` and the Data upload page read, validate and hand the rows here inside the ingest's
transaction.  A death whose reference is already recorded is left as it is (a warning says so);
a row the database refuses (an unsafe reference, a category retired locally) is an error naming
the row, field and value, and then nothing from the file is kept.
"""

from __future__ import annotations

from typing import Any

from lineofsight.cdop import policies, services
from lineofsight.cdop.models import ChildDeath, DeathCategory
from lineofsight.datasets.record_imports import code_in_use, codes_in_use, store_new_records
from lineofsight.formats import Parsed, Problem
from lineofsight.formats.child_deaths import TABLE

FIELDS = (
    "reference",
    "died_on",
    "notified_on",
    "age_band",
    "sex",
    "expectation",
    "place_of_death",
    "ethnicity",
    "jar_held",
    "looked_after",
    "known_to_social_care",
)


def store(actor: Any, partnership: Any, parsed: Parsed) -> list[Problem]:
    if not policies.can_manage(actor):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("child death records are imported by the CDOP coordinator")
    services.sync_categories()
    categories = codes_in_use(DeathCategory)

    def build(row: dict[str, Any]) -> dict[str, Any]:
        category = code_in_use(
            categories,
            row["category"],
            field="category",
            message="This category of death is not in use here.",
        )
        fields = {name: row[name] for name in FIELDS}
        if row["reviewed_on"]:
            fields.update(
                reviewed_on=row["reviewed_on"],
                closed_on=row["reviewed_on"],
                category=category,
                outcome=row["outcome"],
            )
        return fields

    return store_new_records(
        parsed,
        table=TABLE,
        model=ChildDeath,
        partnership=partnership,
        key_field="death_ref",
        already="This death is already recorded: the row was not imported again.",
        rule="cdop",
        build=build,
        create=lambda fields, row: services.create_death(
            actor=actor, partnership=partnership, **fields
        ),
    )
