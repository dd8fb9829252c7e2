"""``parallel.run_all``: results in the order given, whatever order the statements run in."""

from __future__ import annotations

import duckdb
import pytest

from lineofsight.indicators import parallel


@pytest.fixture
def connection() -> duckdb.DuckDBPyConnection:
    made = duckdb.connect(":memory:")
    made.execute("CREATE TABLE numbers AS SELECT range AS n FROM range(1000)")
    return made


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_results_come_back_in_the_order_of_the_statements(
    connection: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    monkeypatch.setattr(parallel, "workers", lambda: workers)
    # the longest statement starts first, so the order run is not the order given
    statements = [
        "SELECT 1",
        "SELECT count(*) FROM numbers WHERE n % 2 = 0 AND n % 3 = 0 AND n % 5 = 0",
        "SELECT sum(n) FROM numbers",
        "SELECT max(n) FROM numbers",
    ]
    assert parallel.run_all(connection, statements) == [[(1,)], [(34,)], [(499500,)], [(999,)]]


def test_tables_made_before_are_seen_and_statements_without_rows_give_none(
    connection: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    parallel.run_all(
        connection,
        ["CREATE TABLE a AS SELECT 1 AS x", "CREATE TABLE b AS SELECT 2 AS x"],
        fetch=False,
    )
    assert parallel.run_all(connection, ["SELECT x FROM a", "SELECT x FROM b"]) == [
        [(1,)],
        [(2,)],
    ]
    assert parallel.run_all(connection, []) == []


def test_an_error_in_one_statement_is_raised(
    connection: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    with pytest.raises(duckdb.CatalogException, match="missing_table"):
        parallel.run_all(connection, ["SELECT 1", "SELECT * FROM missing_table"])


def test_workers_share_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 8)
    assert parallel.workers() == parallel.MOST_WORKERS
    connection = duckdb.connect(":memory:")
    parallel.configure(connection)
    assert connection.execute("SELECT current_setting('threads')").fetchone() == (2,)
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    assert parallel.workers() == 1


def test_the_cores_are_those_the_process_may_run_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 3}, raising=False)
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: 64)
    assert parallel.cores() == 2
    monkeypatch.delattr(parallel.os, "sched_getaffinity")
    assert parallel.cores() == 64
    monkeypatch.setattr(parallel.os, "cpu_count", lambda: None)
    assert parallel.cores() == 1
