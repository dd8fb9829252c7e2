"""Reading one CIN census element's fields: text, dates, codes and yes/no, with their problems."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from lineofsight.formats.codelists import codes
from lineofsight.formats.dates import DateProblem, parse_iso
from lineofsight.formats.problems import ProblemLog, Severity

TRUE_VALUES = frozenset({"true", "1"})
FALSE_VALUES = frozenset({"false", "0"})


@dataclass
class FieldReader:
    """Reads the fields of one child's elements, logging each problem against that child."""

    log: ProblemLog
    reference_date: dt.date | None
    child: str | None  # the raw LAchildID, for the problem's ``child``

    def text(self, parent: Element, tag: str) -> str | None:
        """The stripped text of ``parent/tag``; ``None`` when absent or empty."""
        value = parent.findtext(tag)
        if value is None:
            return None
        value = value.strip()
        return value or None

    def missing(self, tag: str, where: str, severity: Severity = "error", why: str = "") -> None:
        self.log.add(
            "cin.missing_element",
            f"{tag} is missing.{(' ' + why) if why else ''}",
            location=where,
            field=tag,
            severity=severity,
            child=self.child,
        )

    def required(self, parent: Element, tag: str, where: str, why: str = "") -> str | None:
        value = self.text(parent, tag)
        if value is None:
            self.missing(tag, where, why=why)
        return value

    def date(
        self,
        parent: Element,
        tag: str,
        where: str,
        *,
        required: bool = False,
        may_be_after_reference: bool = False,
    ) -> dt.date | None:
        return self.date_value(
            self.text(parent, tag),
            tag,
            where,
            required=required,
            may_be_after_reference=may_be_after_reference,
        )

    def date_value(
        self,
        raw: str | None,
        tag: str,
        where: str,
        *,
        required: bool = False,
        may_be_after_reference: bool = False,
    ) -> dt.date | None:
        if raw is None:
            if required:
                self.missing(tag, where)
            return None
        try:
            value = parse_iso(raw)
        except DateProblem as exc:
            self.log.error(
                "cin.date_invalid",
                f"{tag}: {exc}.",
                location=where,
                field=tag,
                value=raw,
                child=self.child,
            )
            return None
        if (
            not may_be_after_reference
            and self.reference_date is not None
            and value > self.reference_date
        ):
            self.log.error(
                "cin.date_after_reference_date",
                f"{tag} is after the census reference date ({self.reference_date:%d/%m/%Y}): "
                "a date in the future cannot be right.",
                location=where,
                field=tag,
                value=raw,
                child=self.child,
            )
        return value

    def code(
        self,
        parent: Element,
        tag: str,
        list_name: str,
        where: str,
        *,
        required: bool = False,
        severity: Severity = "error",
        why: str = "",
    ) -> str | None:
        raw = self.text(parent, tag)
        if raw is None:
            if required:
                self.missing(tag, where, severity, why)
            return None
        self.check_code(raw, tag, list_name, where, severity)
        return raw

    def check_code(
        self, raw: str, tag: str, list_name: str, where: str, severity: Severity = "error"
    ) -> bool:
        if raw in codes(list_name):
            return True
        self.log.add(
            "cin.code_unknown",
            f"'{raw}' is not a valid {tag} code (allowed: {', '.join(sorted(codes(list_name)))}).",
            location=where,
            field=tag,
            value=raw,
            severity=severity,
            child=self.child,
        )
        return False

    def boolean(
        self, parent: Element, tag: str, where: str, *, required: bool = False
    ) -> bool | None:
        raw = self.required(parent, tag, where) if required else self.text(parent, tag)
        if raw is None:
            return None
        lowered = raw.lower()
        if lowered in TRUE_VALUES:
            return True
        if lowered in FALSE_VALUES:
            return False
        self.log.error(
            "cin.boolean_invalid",
            f"{tag} must be true, false, 1 or 0.",
            location=where,
            field=tag,
            value=raw,
            child=self.child,
        )
        return None

    def whole_number(self, parent: Element, tag: str, where: str, *, required: bool) -> int | None:
        raw = self.required(parent, tag, where) if required else self.text(parent, tag)
        if raw is None:
            return None
        if not raw.isascii() or not raw.isdigit() or len(raw) > 4:
            self.log.error(
                "cin.number_invalid",
                f"{tag} must be a whole number (0 or more).",
                location=where,
                field=tag,
                value=raw,
                child=self.child,
            )
            return None
        return int(raw)

    def order(
        self,
        earlier: dt.date | None,
        later: dt.date | None,
        rule: str,
        message: str,
        where: str,
        field: str,
        severity: Severity = "error",
    ) -> None:
        """Log ``message`` when both dates are known and ``later`` comes before ``earlier``."""
        if earlier is not None and later is not None and later < earlier:
            self.log.add(
                rule,
                message,
                location=where,
                field=field,
                value=f"{later.isoformat()} < {earlier.isoformat()}",
                severity=severity,
                child=self.child,
            )
