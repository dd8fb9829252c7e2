"""Register the shared fixtures (environment set-up is in lineofsight.testing.environment)."""

pytest_plugins = ["lineofsight.testing.fixtures"]
