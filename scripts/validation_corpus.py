"""Refresh the agreement corpus: what the public DfE-rule validator says of each mutated return.

    python scripts/validation_corpus.py [cin|903] [NAME...]

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

from lineofsight.formats.tests.agreement import HERE, mutated_903, mutated_cin
from lineofsight.formats.tests.agreement.cin_mutations import MUTATIONS
from lineofsight.formats.tests.agreement.ssda903_mutations import MUTATIONS as MUTATIONS_903

PEER = "/work/shared/tools/peer-validators"
RULESET = "cin2024_25"


def peer_codes(command: list[str]) -> list[list[str]]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        raise SystemExit(f"peer failed: {done.stdout[-500:]}{done.stderr[-500:]}")
    found = set()
    for line in done.stdout.splitlines()[:-1]:
        child, code = line.split(" ", 2)[:2]
        child = child.removesuffix(".0")
        found.add((child if child not in ("None", "nan", "<NA>") else "", code))
    return sorted([child, code] for child, code in found)


def main() -> None:
    family = sys.argv[1] if len(sys.argv) > 1 else "cin"
    only = set(sys.argv[2:])
    mutations = MUTATIONS if family == "cin" else MUTATIONS_903
    target = HERE / ("cin_expected.json" if family == "cin" else "ssda903_expected.json")
    expected = json.loads(target.read_text()) if target.exists() else {}
    with tempfile.TemporaryDirectory() as work:
        for name in ["base", *mutations]:
            if (only and name not in only) or (not only and name in expected):
                continue
            if family == "cin":
                path = Path(work) / "census.xml"
                path.write_text(mutated_cin(name))
                command = [PEER, "cin", str(path), RULESET]
            else:
                folder = mutated_903(name, Path(work) / name.replace(" ", "_"))
                command = [PEER, "903", str(folder), "2025"]
            expected[name] = peer_codes(command)
            print(name, expected[name], flush=True)
            target.write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
