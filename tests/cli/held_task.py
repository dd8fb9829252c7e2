"""A task for the crash test: it writes ``started`` then waits until ``release`` exists."""

import time
from pathlib import Path

from lineofsight.background.compat import task


@task()
def hold(folder: str) -> str:
    here = Path(folder)
    (here / f"started-{len(list(here.glob('started-*')))}").touch()
    deadline = time.monotonic() + 120
    while not (here / "release").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    return "released"
