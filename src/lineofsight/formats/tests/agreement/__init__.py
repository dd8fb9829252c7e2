"""The agreement corpus: synthetic returns with one DfE rule broken per copy, and the codes the
public validators report for each (stored, so the tests do not need them)."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree  # noqa: S405 - our own synthetic base file, never user input

HERE = Path(__file__).resolve().parent


def mutated_cin(name: str) -> str:
    """The base census with mutation ``name`` applied ("base": unchanged), as XML text."""
    from lineofsight.formats.tests.agreement.cin_mutations import MUTATIONS

    text = (HERE / "cin_2025.xml").read_text(encoding="utf-8")
    if name == "base":
        return text
    root = ElementTree.fromstring(text)  # noqa: S314 - as above
    MUTATIONS[name](root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(root, "unicode")


def mutated_903(name: str, folder: Path) -> Path:
    """The base SSDA903 return with mutation ``name`` applied, written as CSVs into ``folder``."""
    import csv

    from lineofsight.formats.tests.agreement.ssda903_mutations import MUTATIONS

    base = HERE / "ssda903_2025"
    tables: dict[str, list[dict[str, str]]] = {}
    headers: dict[str, list[str]] = {}
    for path in sorted(base.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            headers[path.stem] = list(reader.fieldnames or [])
            tables[path.stem] = list(reader)
    if name != "base":
        MUTATIONS[name](tables)
    folder.mkdir(parents=True, exist_ok=True)
    for stem, rows in tables.items():
        with (folder / f"{stem}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, headers[stem], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return folder
