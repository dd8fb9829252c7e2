"""Run independent DuckDB statements side by side on one in-memory database.

An indicator's query over one borough's rows is small: most of its time goes to planning it,
which DuckDB does on one thread, so one query at a time leaves the other cores idle (ADR 0030).
``run_all`` runs the statements on several connections to the same database at once (DuckDB
releases Python's lock while a statement runs), each statement on one thread when there are
fewer cores than statements, and gives the results back in the order of the statements.

Statements that run side by side must not depend on each other: a table one creates is not
there for another of the same call.  The tables they read were made before the call; tables
are shared by every connection to the database (``CREATE TEMP TABLE`` would not be).
"""

from __future__ import annotations

import os
import queue
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any

import duckdb

# More connections than this gains nothing on one borough's small queries and costs memory on
# 150 boroughs' large ones.
MOST_WORKERS = 4


def cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it, as in a
    container pinned to some of the machine's cores), else the machine's."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def workers() -> int:
    """How many statements run at once: one per core, at most ``MOST_WORKERS``."""
    return max(1, min(MOST_WORKERS, cores()))


def configure(connection: duckdb.DuckDBPyConnection) -> None:
    """Share the cores between the statements that run at once: each gets an equal share of
    DuckDB's threads (at least one)."""
    connection.execute(f"SET threads = {max(1, cores() // workers())}")


def run_all(
    connection: duckdb.DuckDBPyConnection, statements: Sequence[str], *, fetch: bool = True
) -> list[list[Any]]:
    """Each statement's rows (``fetch``) or an empty list, in the order given."""
    results: list[list[Any]] = [[] for _ in statements]
    for position, rows in run_each(connection, statements, fetch=fetch):
        results[position] = rows
    return results


def run_each(
    connection: duckdb.DuckDBPyConnection, statements: Sequence[str], *, fetch: bool = True
) -> Iterator[tuple[int, list[Any]]]:
    """(position in ``statements``, rows) of each statement as it finishes, so the caller
    works on one statement's rows while the others run.

    The longest statements start first (their length stands for their cost), so the last to
    finish is a short one.  An error in any statement is raised once the running ones are done;
    the statements not yet started are cancelled.
    """
    count = min(workers(), len(statements))
    if count <= 1:
        for position, sql in enumerate(statements):
            yield position, _execute(connection, sql, fetch)
        return
    cursors: queue.SimpleQueue[duckdb.DuckDBPyConnection] = queue.SimpleQueue()
    opened = [connection.cursor() for _ in range(count)]
    for cursor in opened:
        cursors.put(cursor)

    def run(sql: str) -> list[Any]:
        cursor = cursors.get()
        try:
            return _execute(cursor, sql, fetch)
        finally:
            cursors.put(cursor)

    order = sorted(range(len(statements)), key=lambda i: -len(statements[i]))
    try:
        with ThreadPoolExecutor(count) as pool:
            futures = {pool.submit(run, statements[i]): i for i in order}
            try:
                for future in as_completed(futures):
                    yield futures[future], future.result()
            finally:
                for future in futures:
                    future.cancel()
    finally:
        for cursor in opened:
            cursor.close()


def _execute(connection: duckdb.DuckDBPyConnection, sql: str, fetch: bool) -> list[Any]:
    found = connection.execute(sql)
    return found.fetchall() if fetch else []
