"""Database triggers refusing UPDATE and DELETE (and TRUNCATE on PostgreSQL) on the audit log.

NOTE for future migrations: on SQLite, altering ``AuditLog``'s columns remakes the table and
drops its triggers; such a migration must run ``append_only.install`` again (the tests in
``audit/tests/test_append_only.py`` fail if it does not).
"""

from django.db import migrations

from lineofsight.audit import append_only


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_initial")]

    operations = [migrations.RunPython(append_only.install, append_only.remove, elidable=False)]
