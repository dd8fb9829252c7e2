"""Synthetic identifiers: LA child ids, UPNs with a valid check letter, pseudonymous refs."""

from __future__ import annotations

CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn_check_letter(body: str) -> str:
    """The DfE check letter for the 12 characters after it (all digits here)."""
    total = sum(int(ch) * weight for weight, ch in enumerate(body, start=2))
    return CHECK_LETTERS[total % 23]


def make_upn(la_code: str, establishment: int, year_two_digits: int, serial: int) -> str:
    body = f"{la_code}{establishment:04d}{year_two_digits:02d}{serial:03d}"
    return upn_check_letter(body) + body


def la_child_id(la_code: str, number: int) -> str:
    """A raw child id as the case system would export it (alphanumeric, <= 20 chars)."""
    return f"SYN{la_code}{number:07d}"
