from __future__ import annotations

import pytest

from lineofsight.formats import pseudonym, pseudonymise, read
from lineofsight.formats.tests.builders import child, cin_xml, episode, write, write_903

KEY = b"partnership-secret-key-0123456789"
OTHER_KEY = b"another-partnership-key-987654321"


def test_pseudonym_is_deterministic_keyed_and_long_enough():
    assert pseudonym("C1", KEY) == pseudonym("C1", KEY) == pseudonym(" C1 ", KEY)
    assert pseudonym("C1", KEY) != pseudonym("C1", OTHER_KEY)
    assert pseudonym("C1", KEY) != pseudonym("C2", KEY)
    assert len(pseudonym("C1", KEY)) >= 16 and int(pseudonym("C1", KEY), 16) >= 0


def test_no_raw_identifier_left_in_any_table_or_problem(tmp_path):
    bad = episode(referral="2023-06-01", closure="2023-05-01")
    cin = write(
        tmp_path / "cin", "cin.xml", cin_xml(child("RAWID1", episodes=(bad,)), child("RAWID2"))
    )
    folder = write_903(tmp_path / "903")
    returns = read([cin, folder], collection_year=2024)
    for parsed in returns:
        hidden = pseudonymise(parsed, KEY)
        assert hidden.pseudonymised and not parsed.pseudonymised
        text = repr(hidden.tables) + repr(hidden.problems)
        for raw in ("RAWID1", "RAWID2", "L1", "L2", "A123456789012"):
            assert raw not in text
    cin_rows = pseudonymise(returns[0], KEY).tables["cin_children"]
    assert cin_rows[0]["child_id"] == pseudonym("RAWID1", KEY)
    problem = pseudonymise(returns[0], KEY).problems[0]
    assert problem.location == f"child {pseudonym('RAWID1', KEY)} / CINdetails 1"


def test_same_child_links_across_returns(tmp_path):
    cin = write(tmp_path / "cin", "cin.xml", cin_xml(child("L1")))
    cin_parsed, cla_parsed = read([cin, write_903(tmp_path / "903")], collection_year=2024)
    a = pseudonymise(cin_parsed, KEY).tables["cin_children"][0]["child_id"]
    b = {row["child_id"] for row in pseudonymise(cla_parsed, KEY).tables["cla_children"]}
    assert a in b


def test_pseudonymising_twice_changes_nothing_and_weak_keys_are_refused(tmp_path):
    [parsed] = read([write(tmp_path, "c.xml", cin_xml(child("C1")))])
    once = pseudonymise(parsed, KEY)
    assert pseudonymise(once, KEY).tables == once.tables
    with pytest.raises(ValueError):
        pseudonymise(parsed, b"short")
