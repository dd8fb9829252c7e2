"""The synthetic borough: a pure-Python simulation of children moving through the safeguarding
system, written out in the real return formats (CIN census XML, SSDA903 CSVs, Annex A, partner
returns, LADO, CDOP and training records).  See docs/synth.md."""

from lineofsight.synth.generate import DEFAULT_YEARS, generate

__all__ = ["DEFAULT_YEARS", "generate"]
