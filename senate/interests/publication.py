"""Withholding an entry from the published register and publishing it again. NHS registers may
withhold an entry only where there is an overriding privacy interest or a real risk of harm, and
the reason is recorded (docs/domain.md §4.1)."""

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.interests.models import Declaration, PublicationDecision, WithholdingGrounds
from senate.organisations.models import Senate


class PublicationRefused(ValueError):
    pass


def withhold_declaration(
    declaration: Declaration, *, grounds: str, reason: str, by: User, senate: Senate | None = None
) -> Declaration:
    """Withhold an entry from the public register, recording the grounds and the reason."""
    if grounds not in WithholdingGrounds.values:
        raise PublicationRefused("Select whether the entry is withheld for privacy or for safety")
    if not reason.strip():
        raise PublicationRefused("Enter the reason for withholding this entry")
    with transaction.atomic():
        _record(declaration, withheld=True, grounds=grounds, reason=reason.strip(), by=by)
        audit.record(
            "interests.withheld",
            declaration,
            by=by,
            senate=senate,
            summary=f"{declaration} withheld from the register ({grounds})",
            data={"grounds": grounds},
        )
    return declaration


def publish_declaration(
    declaration: Declaration, *, by: User, reason: str = "", senate: Senate | None = None
) -> Declaration:
    """Publish an entry that was withheld. The member's own choice not to publish still stands."""
    if not declaration.withheld:
        raise PublicationRefused("This entry is not withheld.")
    with transaction.atomic():
        _record(declaration, withheld=False, grounds="", reason=reason.strip() or "Published again", by=by)
        audit.record(
            "interests.published",
            declaration,
            by=by,
            senate=senate,
            summary=f"{declaration} published on the register again",
        )
    return declaration


def _record(declaration: Declaration, *, withheld: bool, grounds: str, reason: str, by: User) -> None:
    PublicationDecision.objects.create(
        declaration=declaration, withheld=withheld, grounds=grounds, reason=reason, by=by
    )
    declaration.withheld, declaration.withheld_grounds = withheld, grounds
    declaration.save(update_fields=["withheld", "withheld_grounds"])
