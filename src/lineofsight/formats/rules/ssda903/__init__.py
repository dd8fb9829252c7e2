"""The SSDA903 rules: the parser's checks mapped to their DfE codes, and rules over each child,
one module per family (episodes, header, outcomes, adoption, missing, permanence)."""

from lineofsight.formats.rules.ssda903 import (  # noqa: F401 - registers the rules
    adoption,
    children,
    episodes,
    header,
    inline,
    missing,
    outcomes,
    permanence,
    social_workers,
)
