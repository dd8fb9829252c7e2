"""The CIN census rules, one module per part of the return; each ``@rule`` registers itself."""

from lineofsight.formats.rules.cin import (  # noqa: F401 - importing registers the rules
    assessments,
    children,
    episodes,
    inline,
    plans,
)
