"""The SSDA903 rules: the parser's checks mapped to their DfE codes, and rules over each child."""

from lineofsight.formats.rules.ssda903 import children, inline  # noqa: F401 - registers the rules
