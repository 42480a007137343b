from django.core.management.commands import flush
from django.db import connections, transaction

from senate.core import audit


class Command(flush.Command):
    """Django's flush, which empties every table (tests that commit use it between tests). On SQLite
    it DELETEs every row, which the audit trail's append-only trigger refuses, so the trigger is
    lifted for the flush and put back in the same transaction. PostgreSQL's flush TRUNCATEs, which
    the row trigger does not see."""

    def handle(self, **options: object) -> None:
        connection = connections[str(options["database"])]
        if connection.vendor != "sqlite":
            super().handle(**options)
            return
        with transaction.atomic(using=connection.alias):
            audit.lift_append_only(connection)
            super().handle(**options)
            audit.install_append_only(connection)
