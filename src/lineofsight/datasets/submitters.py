"""Who may submit which returns: the one place for the rule (issue 8 item 4).

- Which formats an agency's lead may submit depends on the agency's kind: children's social care
  data (CIN census, SSDA903, Annex A) only from the council or the children's services trust;
  every agency may send its own partner return.  The administrator may set, per agency, which
  returns it submits (``partnership.AgencyReturn``, on Administration > Returns); an agency with
  none set gets its kind's default from the setting ``SUBMISSION_FORMATS_BY_AGENCY_KIND``
  (agency kind -> formats), itself defaulting to ``DEFAULT_FORMATS_BY_AGENCY_KIND``.
- What an agency *owes* (the return schedule, ``datasets.schedules.add_standard_year``) is
  narrower than what it may send: the returns chosen for it, else its kind's default only for the
  local authority, the children's services trust and the statutory partners (police, integrated
  care board), ``OWING_BY_DEFAULT``.  A school forum or a provider may send a partner return
  without being chased for one every quarter.
- A partner return's rows must all be for the submitter's own agency (``agency_code``).
- Records people keep (child deaths: ``datasets.record_imports``) are imported by whoever their
  app's importer allows (the CDOP coordinator), whatever their agency.
- Performance analysts may submit any format for any agency; so may the command line run without
  ``--user`` (the operator of the server, recorded as "system").  Anyone else is refused.

A refused return is recorded as a rejected submission with one problem saying why; nothing from
it is stored or counted.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from lineofsight.datasets.models import FORMAT_NAMES
from lineofsight.datasets.record_imports import record_import
from lineofsight.formats import Parsed
from lineofsight.partnership.access import has_permission
from lineofsight.partnership.actors import is_system
from lineofsight.partnership.models import Agency
from lineofsight.partnership.roles import Role

CHILDRENS_SOCIAL_CARE = frozenset({"cin_census", "ssda903", "annex_a"})
PARTNER = frozenset({"partner_return"})

DEFAULT_FORMATS_BY_AGENCY_KIND: dict[str, frozenset[str]] = {
    Agency.Kind.COUNCIL: CHILDRENS_SOCIAL_CARE | PARTNER,
    Agency.Kind.CHILDRENS_TRUST: CHILDRENS_SOCIAL_CARE | PARTNER,
}


def default_formats_for(kind: str) -> frozenset[str]:
    """The formats an agency of ``kind`` submits unless the administrator chose others."""
    configured = getattr(
        settings, "SUBMISSION_FORMATS_BY_AGENCY_KIND", DEFAULT_FORMATS_BY_AGENCY_KIND
    )
    return frozenset(configured.get(kind, PARTNER))


def chosen_formats(agency: Agency) -> frozenset[str]:
    """The returns the administrator chose for ``agency`` (none: its kind's default applies)."""
    return frozenset(agency.returns.values_list("format", flat=True))


def formats_for(agency: Agency) -> frozenset[str]:
    """The formats a lead of ``agency`` may submit: as chosen for it, else its kind's default."""
    return chosen_formats(agency) or default_formats_for(agency.kind)


OWING_BY_DEFAULT = frozenset(
    {Agency.Kind.COUNCIL, Agency.Kind.CHILDRENS_TRUST, Agency.Kind.POLICE, Agency.Kind.HEALTH}
)


def owed_formats(agency: Agency) -> frozenset[str]:
    """The returns ``agency`` is scheduled to send: as chosen for it, else its kind's default if
    it is a statutory partner or the children's services trust, else none."""
    if agency.kind in OWING_BY_DEFAULT:
        return formats_for(agency)
    return chosen_formats(agency)


def submits_for_anyone(actor: Any) -> bool:
    """Analysts, and ``SYSTEM`` (the command line run without a user), submit for anyone."""
    if is_system(actor):
        return True
    return Role.PERFORMANCE_ANALYST in actor.role_set()


def data_agencies(parsed: Parsed) -> set[str]:
    """The agency codes a partner return's rows are for."""
    rows = parsed.tables.get("partner_measures", [])
    return {str(row.get("agency") or "") for row in rows}


def refusal(actor: Any, agency: Agency | None, parsed: Parsed) -> str | None:
    """Why ``actor`` (submitting for ``agency``) may not submit ``parsed``, or ``None``."""
    if submits_for_anyone(actor):
        return None
    name = FORMAT_NAMES.get(parsed.format, parsed.format)
    if not has_permission(actor, "datasets.upload") or agency is None:
        return "You may not submit returns: only agency leads and performance analysts may."
    if parsed.format == "unknown":
        return None  # rejected anyway, for the problems found
    if record_import(parsed.format) is not None:
        return None  # records people keep: their app's importer decides who may import them
    allowed = formats_for(agency)
    if parsed.format not in allowed:
        may = ", ".join(sorted(FORMAT_NAMES.get(f, f) for f in allowed))
        return (
            f"{agency.name} may not submit the {name} (the partnership administrator sets which "
            f"returns each agency submits; a performance analyst may submit any). Your agency "
            f"may submit: {may}. Nothing was stored."
        )
    others = sorted(data_agencies(parsed) - {agency.code})
    if parsed.format == "partner_return" and others:
        return (
            f"This partner return has rows for agency_code {', '.join(others)}, but you submit "
            f"for {agency.name} ('{agency.code}'). Each agency sends only its own figures; "
            "ask a performance analyst to submit for another agency. Nothing was stored."
        )
    return None
