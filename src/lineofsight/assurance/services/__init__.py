"""All writes to the assurance records (each audited in its own transaction)."""
