from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lineofsight.formats import Parsed, read
from lineofsight.formats.tests.builders import write

WHOLE_RETURN = frozenset({"2886Q", "2887Q", "2888Q"})


@pytest.fixture
def read_one(tmp_path: Path) -> Callable[..., Parsed]:
    """Write ``content`` to a file called ``name`` and read it as one return."""

    def run(content: str | bytes, name: str = "return.xml", **options: object) -> Parsed:
        path = write(tmp_path / "in", name, content)
        returns = read([path], **options)  # type: ignore[arg-type]
        assert len(returns) == 1
        parsed = returns[0]
        # The DfE's whole-return queries on the spread of codes (2886Q-2888Q) always fire on a
        # hand-built return of one or two children; test_cin_rules.py tests them on their own.
        parsed.problems = [p for p in parsed.problems if p.code not in WHOLE_RETURN]
        return parsed

    return run
