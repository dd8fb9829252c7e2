"""SSDA903 rules."""
