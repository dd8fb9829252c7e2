"""Child death records from a CSV (``formats.child_deaths``), stored through the services.

Registered with ``datasets.record_imports`` for the format ``child_deaths``: ``lineofsight
ingest`` and the Data upload page read, validate and hand the rows here inside the ingest's
transaction.  A death whose reference is already recorded is left as it is (a warning says so);
a row the database refuses (an unsafe reference, a category retired locally) is an error naming
the row, field and value, and then nothing from the file is kept.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.core.exceptions import ValidationError

from lineofsight.cdop import policies, services
from lineofsight.cdop.models import ChildDeath, DeathCategory
from lineofsight.datasets.record_imports import row_problem
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


_problem = partial(row_problem, rule="cdop.record_refused")


def store(actor: Any, partnership: Any, parsed: Parsed) -> list[Problem]:
    if not policies.can_manage(actor):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("child death records are imported by the CDOP coordinator")
    services.sync_categories()
    categories = {c.code: c for c in DeathCategory.objects.filter(active=True)}
    known = set(
        ChildDeath.objects.filter(partnership=partnership).values_list("reference", flat=True)
    )
    problems: list[Problem] = []
    for row in parsed.tables.get(TABLE, []):
        if row["reference"] in known:
            problems.append(
                _problem(
                    parsed,
                    row,
                    "death_ref",
                    row["reference"],
                    "This death is already recorded: the row was not imported again.",
                    severity="warning",
                    rule="cdop.already_recorded",
                )
            )
            continue
        category = categories.get(str(row["category"])) if row["category"] else None
        if row["category"] and category is None:
            problems.append(
                _problem(
                    parsed,
                    row,
                    "category",
                    row["category"],
                    "This category of death is not in use here.",
                )
            )
            continue
        fields = {name: row[name] for name in FIELDS}
        if row["reviewed_on"]:
            fields.update(
                reviewed_on=row["reviewed_on"],
                closed_on=row["reviewed_on"],
                category=category,
                outcome=row["outcome"],
            )
        try:
            services.create_death(actor=actor, partnership=partnership, **fields)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                problems.append(
                    _problem(parsed, row, name, fields.get(name, ""), " ".join(messages))
                )
    return problems
