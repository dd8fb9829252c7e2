"""Running the SSDA903 rules over one return's typed rows, grouped by child."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lineofsight.formats.problems import ProblemLog
from lineofsight.formats.rules import registry
from lineofsight.formats.rules.cin.run import census_start

Typed = dict[str, object]
TypedRows = dict[str, list[tuple[ProblemLog, int, Typed]]]


@dataclass(slots=True)
class Row903:
    log: ProblemLog
    number: int  # the CSV row number
    row: Typed

    def day(self, column: str) -> date | None:
        value = self.row.get(column)
        return value if isinstance(value, date) else None

    def has(self, column: str) -> bool:
        """The cell is not blank (a value given but unreadable counts as given, as the DfE's)."""
        return self.row.get(column) is not None

    def text(self, column: str) -> str | None:
        """The cell as the DfE's rules compare it: upper-case text, flags as "1"/"0"."""
        value = self.row.get(column)
        if value is None:
            return None
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, date):
            return value.strftime("%d/%m/%Y")
        return str(value).strip().upper()


@dataclass(slots=True)
class Child903:
    id: str
    header: list[Row903] = field(default_factory=list)
    episodes: list[Row903] = field(default_factory=list)  # in DECOM order
    tables: dict[str, list[Row903]] = field(default_factory=dict)  # every other table
    looked_after_all_year: bool | None = None  # set by ``continuously_looked_after``

    def table(self, name: str) -> list[Row903]:
        return self.tables.get(name, [])

    @property
    def birth(self) -> date | None:
        return self.header[0].day("DOB") if self.header else None


@dataclass
class Run903:
    year: int
    children: list[Child903]
    typed: TypedRows

    @property
    def end(self) -> date:
        return date(self.year, 3, 31)

    @property
    def start(self) -> date:
        return census_start(self.end)

    def report(self, code: str, item: Row903, field: str, value: object = "") -> None:
        rule = registry.version("ssda903", code, self.year)
        child = str(item.row.get("CHILD") or "") or None
        item.log.add(
            f"ssda903.{code}",
            rule.description,
            location=f"row {item.number}",
            field=field,
            value=value,
            severity=rule.severity,
            child=child,
            code=code,
        )


def group(typed: TypedRows) -> list[Child903]:
    children: dict[str, Child903] = {}
    for table, rows in typed.items():
        for log, number, row in rows:
            child_id = str(row.get("CHILD") or "")
            if not child_id:
                continue
            child = children.get(child_id)
            if child is None:
                child = children[child_id] = Child903(child_id)
            item = Row903(log, number, row)
            if table == "Header":
                child.header.append(item)
            elif table == "Episodes":
                child.episodes.append(item)
            else:
                child.tables.setdefault(table, []).append(item)
    for child in children.values():
        child.episodes.sort(key=lambda e: (e.day("DECOM") or date.max, e.number))
    return list(children.values())


def run_903_rules(typed: TypedRows, year: int) -> None:
    """Every SSDA903 rule of ``year`` (problems go to the log of the file each row came from)."""
    run = Run903(year, group(typed), typed)
    registry.run_checks("ssda903", year, run.children, run)
