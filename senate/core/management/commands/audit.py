from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from senate.core import audit
from senate.core.models import AuditEvent


class Command(BaseCommand):
    help = (
        "The audit trail: `senate audit verify` checks every hash chain (one per Senate, one for the "
        "platform) and says, for each, how many events it checked and the first broken or missing link. "
        "Exit code 1 if any chain is broken."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: object, action: str, **options: object) -> None:
        checks = audit.verify_chains()
        names = self._senate_names()
        for check in checks:
            name = names.get(check.chain, check.chain)
            if check.broken:
                self.stdout.write(f"{name}: {check.checked:,} events checked, BROKEN at event {check.broken.sequence}")
                self.stdout.write(f"  {check.broken.problem}")
            else:
                head = check.last_hash or "empty"
                self.stdout.write(f"{name}: {check.checked:,} events checked, intact (head {head})")
        broken = audit.breaks(checks)
        if broken:
            raise CommandError(f"The audit trail is broken in {len(broken)} chain(s).", returncode=1)
        if not audit.append_only_in_place(connection):
            raise CommandError("The database triggers that refuse changes to audit events are missing.", returncode=1)
        self.stdout.write(self.style.SUCCESS(f"All {len(checks)} chains intact."))

    def _senate_names(self) -> dict[str, str]:
        """The chain of a Senate is called by the Senate's name (looked up by name: core comes first)."""
        senate_model = AuditEvent._meta.get_field("senate").related_model
        return {
            audit.chain_of(pk): f"{name} ({audit.chain_of(pk)})"
            for pk, name in senate_model._default_manager.values_list("pk", "name")
        }
