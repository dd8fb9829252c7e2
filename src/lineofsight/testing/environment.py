"""Loaded first by pytest (``-p lineofsight.testing.environment`` in pyproject), before Django's
settings are read, so a test run never writes into the working ``./var`` folder."""

import os
import tempfile

os.environ.setdefault("LINEOFSIGHT_VAR_DIR", tempfile.mkdtemp(prefix="lineofsight-test-var-"))
os.environ.setdefault("REQUIRE_TWO_FACTOR", "false")
