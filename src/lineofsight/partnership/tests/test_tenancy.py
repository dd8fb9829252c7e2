"""Tenancy helpers the policies share: a record's partnership, and whether it is the user's."""

from types import SimpleNamespace as NS

from lineofsight.partnership.access import in_partnership, partnership_id_along
from lineofsight.partnership.actors import SYSTEM

PATHS = ("partnership_id", "meeting.group.partnership_id", "year.partnership_id")


def test_the_first_path_that_leads_to_a_value_wins():
    assert partnership_id_along(NS(partnership_id=3), *PATHS) == 3
    decision = NS(meeting=NS(group=NS(partnership_id=7)))
    assert partnership_id_along(decision, *PATHS) == 7
    # a path broken by a missing link (None) is skipped, not an error
    assert partnership_id_along(NS(meeting=None, year=NS(partnership_id=9)), *PATHS) == 9
    assert partnership_id_along(NS(), *PATHS) is None


def test_in_partnership_compares_the_users_agency_with_the_record():
    user = NS(agency=NS(partnership_id=3))
    find = lambda record: partnership_id_along(record, *PATHS)  # noqa: E731
    assert in_partnership(user, NS(partnership_id=3), find)
    assert not in_partnership(user, NS(partnership_id=4), find)
    assert not in_partnership(user, NS(), find)  # a record of no known partnership: refused
    assert not in_partnership(NS(agency=None), NS(partnership_id=3), find)
    assert in_partnership(user, None, find)  # no record: the permission alone decides
    assert in_partnership(SYSTEM, NS(partnership_id=4), find)
