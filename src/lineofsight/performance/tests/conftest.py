"""The ``computed`` fixture (a small synthetic borough) lives in lineofsight.testing.fixtures."""
