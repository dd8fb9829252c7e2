"""The SSDA903 rules; so far only the parser's checks, mapped to their DfE codes."""

from lineofsight.formats.rules.ssda903 import inline  # noqa: F401 - registers the rules
