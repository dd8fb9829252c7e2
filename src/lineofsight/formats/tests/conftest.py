from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lineofsight.formats import Parsed, read
from lineofsight.formats.tests.builders import write


@pytest.fixture
def read_one(tmp_path: Path) -> Callable[..., Parsed]:
    """Write ``content`` to a file called ``name`` and read it as one return."""

    def run(content: str | bytes, name: str = "return.xml", **options: object) -> Parsed:
        path = write(tmp_path / "in", name, content)
        returns = read([path], **options)  # type: ignore[arg-type]
        assert len(returns) == 1
        return returns[0]

    return run
