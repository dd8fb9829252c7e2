from lineofsight.assurance.comparison import compare, good_share


def test_share_of_good_or_outstanding():
    share = good_share("x", ["good", "outstanding", "requires_improvement", "inadequate"])
    assert (share.good, share.total, share.pct) == (2, 4, 50.0)
    assert good_share("empty", []).pct is None


def test_re_audit_comparison_by_case_type_reads_like_the_annual_report():
    before = (
        [("cp", "A", "good")]
        + [("cp", "A", "requires_improvement")] * 3
        + [("cin", "B", "inadequate")]
    )
    after = [("cp", "A", "good")] * 3 + [("cp", "B", "inadequate")] + [("cin", "B", "good")]
    rows = compare(before, after, {"cp": "Child protection", "cin": "Child in need"})
    assert [r.label for r in rows] == ["All cases", "Child in need", "Child protection"]
    cp = rows[2]
    assert (cp.before.pct, cp.after.pct, cp.change) == (25.0, 75.0, 50.0)
    assert cp.sentence == "Good or outstanding gradings (child protection) rose from 25% to 75%"
    assert rows[0].sentence == "Good or outstanding gradings (all cases) rose from 20% to 80%"


def test_a_fall_a_standstill_and_a_missing_side():
    fell = compare([("cp", "A", "good")], [("cp", "A", "inadequate")])[0]
    assert fell.sentence.endswith("fell from 100% to 0%")
    same = compare([("cp", "A", "good")], [("cp", "B", "outstanding")])[0]
    assert same.sentence.endswith("stayed at 100%")
    rows = compare([("cp", "A", "good")], [("cin", "A", "good")])
    assert rows[1].change is None and "not comparable" in rows[1].sentence
