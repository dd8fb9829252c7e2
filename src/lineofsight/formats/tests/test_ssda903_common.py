from lineofsight.formats.rules.ssda903.common import report_listed


class _Run:
    def __init__(self):
        self.reported = []

    def report(self, code, item, field, value=""):
        self.reported.append((code, item.name, field, value))


class _Row:
    def __init__(self, name, **cells):
        self.name, self.cells = name, cells

    def text(self, column):
        return self.cells.get(column)


def test_report_listed_reports_the_rows_whose_value_is_listed_with_that_value():
    run = _Run()
    rows = [_Row("a", LS="V3"), _Row("b", LS="C2"), _Row("c"), _Row("d", LS="V4")]
    report_listed(run, "426", rows, "LS", frozenset({"V3", "V4"}))
    assert run.reported == [("426", "a", "LS", "V3"), ("426", "d", "LS", "V4")]
