"""Refresh the agreement corpus: what the public DfE-rule validator says of each mutated return.

    python scripts/validation_corpus.py [PEER_COMMAND]

For each mutation in ``formats/tests/agreement/cin_mutations.py`` the base census is copied,
mutated, written to a temporary file and checked by the public validator (``peer-validators``,
default /work/shared/tools/peer-validators), one run at a time.  The (child, rule code) pairs it
reports are stored in ``cin_expected.json``; the tests compare ours with them without the peer.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from lineofsight.formats.tests.agreement import HERE, mutated_cin
from lineofsight.formats.tests.agreement.cin_mutations import MUTATIONS

PEER = "/work/shared/tools/peer-validators"
RULESET = "cin2024_25"


def peer_codes(command: str, path: Path) -> list[list[str]]:
    done = subprocess.run(
        [command, "cin", str(path), RULESET], capture_output=True, text=True, timeout=900
    )
    if done.returncode != 0:
        raise SystemExit(f"peer failed on {path.name}: {done.stdout[-500:]}{done.stderr[-500:]}")
    found = set()
    for line in done.stdout.splitlines()[:-1]:
        child, code = line.split(" ", 2)[:2]
        found.add((child if child not in ("None", "nan", "<NA>") else "", code))
    return sorted([child, code] for child, code in found)


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else PEER
    target = HERE / "cin_expected.json"
    expected = json.loads(target.read_text()) if target.exists() else {}
    only = set(sys.argv[2:])
    with tempfile.TemporaryDirectory() as work:
        for name in ["base", *MUTATIONS]:
            if (only and name not in only) or (not only and name in expected):
                continue
            path = Path(work) / "census.xml"
            path.write_text(mutated_cin(name))
            expected[name] = peer_codes(command, path)
            print(name, expected[name], flush=True)
            target.write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
