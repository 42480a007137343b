"""Development opportunities (issue 16): shadowing a panel, chairing a panel, leading a thematic review,
mentoring. A member expresses interest, the Senate team offers (in answer, or unasked), the member
accepts or declines; accepted opportunities appear in their record."""

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.members.models import MemberProfile
from senate.organisations.models import Senate
from senate.participation.models import Development

S = Development.Status


class DevelopmentRefused(ValueError):
    pass


def express_interest(*, profile: MemberProfile, senate: Senate, kind: str, note: str, by: User) -> Development:
    if Development.objects.filter(
        profile=profile, senate=senate, kind=kind, status__in=[S.INTERESTED, S.OFFERED]
    ).exists():
        raise DevelopmentRefused(f"You have already asked about {Development.Kind(kind).label.lower()}")
    with transaction.atomic():
        d = Development.objects.create(
            senate=senate, profile=profile, kind=kind, status=S.INTERESTED, note=note.strip(), asked_at=timezone.now()
        )
        _record(d, "participation.development_interest", by, f"interested in {d.get_kind_display().lower()}")
    return d


def offer(
    *,
    development: Development | None = None,
    profile: MemberProfile | None = None,
    senate: Senate | None = None,
    kind: str = "",
    offer_text: str,
    by: User,
) -> Development:
    """Offer an opportunity: in answer to an interest (`development`) or unasked (`profile`, `kind`)."""
    if not offer_text.strip():
        raise DevelopmentRefused("Say what is offered: which panel, review or mentor")
    with transaction.atomic():
        if development is None:
            development = Development(senate=senate, profile=profile, kind=kind)
        elif development.status != S.INTERESTED:
            raise DevelopmentRefused("This has already been offered")
        development.status, development.offer = S.OFFERED, offer_text.strip()
        development.offered_by, development.offered_at = by, timezone.now()
        development.save()
        _record(
            development, "participation.development_offered", by, f"offered {development.get_kind_display().lower()}"
        )
    return development


def answer(*, development: Development, accept: bool, by: User) -> Development:
    if development.status != S.OFFERED:
        raise DevelopmentRefused("There is no offer to answer")
    with transaction.atomic():
        development.status = S.ACCEPTED if accept else S.DECLINED
        development.answered_at = timezone.now()
        development.save(update_fields=["status", "answered_at"])
        _record(
            development,
            "participation.development_answered",
            by,
            f"{development.status} {development.get_kind_display().lower()}",
        )
    return development


def _record(d: Development, action: str, by: User, what: str) -> None:
    audit.record(action, d, by=by, senate=d.senate, summary=f"{d.profile}: {what}", data={"person": d.profile.user_id})
