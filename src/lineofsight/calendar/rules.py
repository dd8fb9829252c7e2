"""The standing rules for England and Wales bank holidays, and the one-off days since 1990.

Used to (re)write the shipped table ``bank_holidays_england_wales.csv`` and, in the tests, to
check it.  The working-day arithmetic never calls these rules directly: it reads the table, so
that a newly announced one-off day is one line added to the table (or to the file named by
``LINEOFSIGHT_BANK_HOLIDAYS``), not a code change.

Regenerate after changing a rule or a one-off day::

    python -m lineofsight.calendar.rules 1990 2060 \
        > src/lineofsight/calendar/bank_holidays_england_wales.csv
"""

from __future__ import annotations

import sys
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)

# One-off bank holidays (gov.uk; proclamations).
ONE_OFF: dict[date, str] = {
    date(1999, 12, 31): "Millennium Day",
    date(2002, 6, 3): "Golden Jubilee bank holiday",
    date(2011, 4, 29): "Royal wedding",
    date(2012, 6, 5): "Queen's Diamond Jubilee",
    date(2022, 6, 3): "Platinum Jubilee bank holiday",
    date(2022, 9, 19): "State Funeral of Queen Elizabeth II",
    date(2023, 5, 8): "Coronation of King Charles III",
}
# Years when a standing holiday was moved by proclamation: year -> (rule name, moved date).
MOVED: dict[int, dict[str, date]] = {
    1995: {"Early May bank holiday (VE day)": date(1995, 5, 8)},
    2002: {"Spring bank holiday": date(2002, 6, 4)},
    2012: {"Spring bank holiday": date(2012, 6, 4)},
    2020: {"Early May bank holiday (VE day)": date(2020, 5, 8)},
    2022: {"Spring bank holiday": date(2022, 6, 2)},
}


def easter_sunday(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lx = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lx) // 451
    month = (h + lx - 7 * m + 114) // 31
    day = (h + lx - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _first_monday(year: int, month: int) -> date:
    d = date(year, month, 1)
    return d + timedelta(days=(7 - d.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    d = date(year + (month == 12), month % 12 + 1, 1) - ONE_DAY
    return d - timedelta(days=d.weekday())


def _substitute(d: date, taken: set[date]) -> date:
    """The day itself, or the next weekday not already a holiday (a "substitute day")."""
    while d.weekday() >= 5 or d in taken:
        d += ONE_DAY
    return d


def bank_holidays_by_rule(year: int) -> dict[date, str]:
    """England and Wales bank holidays of ``year``: standing rules, moves and one-off days."""
    moved = MOVED.get(year, {})
    days: dict[date, str] = {}
    new_year = _substitute(date(year, 1, 1), set())
    days[new_year] = "New Year's Day" + (" (substitute day)" if new_year.day != 1 else "")
    easter = easter_sunday(year)
    days[easter - 2 * ONE_DAY] = "Good Friday"
    days[easter + ONE_DAY] = "Easter Monday"
    standing = {
        "Early May bank holiday": _first_monday(year, 5),
        "Spring bank holiday": _last_monday(year, 5),
        "Summer bank holiday": _last_monday(year, 8),
    }
    for name, day in standing.items():
        replaced = [(n, d) for n, d in moved.items() if n.startswith(name)]
        for moved_name, moved_day in replaced or [(name, day)]:
            days[moved_day] = moved_name
    # Boxing Day keeps the 26th when that is a weekday; Christmas then takes the next free one.
    boxing = date(year, 12, 26) if date(year, 12, 26).weekday() < 5 else None
    christmas = _substitute(date(year, 12, 25), set(days) | ({boxing} if boxing else set()))
    days[christmas] = "Christmas Day" + (" (substitute day)" if christmas.day != 25 else "")
    boxing = boxing or _substitute(date(year, 12, 26), set(days))
    days[boxing] = "Boxing Day" + (" (substitute day)" if boxing.day != 26 else "")
    days.update({d: name for d, name in ONE_OFF.items() if d.year == year})
    return dict(sorted(days.items()))


def table_rows(first: int, last: int) -> list[tuple[date, str]]:
    return [row for year in range(first, last + 1) for row in bank_holidays_by_rule(year).items()]


def main(argv: list[str]) -> None:
    first, last = (int(a) for a in argv)
    sys.stdout.write("date,name\n")
    for day, name in table_rows(first, last):
        sys.stdout.write(f"{day.isoformat()},{name}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
