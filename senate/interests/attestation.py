"""Attestation before access: a panel member confirms, before opening a review's evidence, that their
register is current, and declares anything specific to this review (docs/domain.md §9.3: a declaration
per panel before access to papers). The evidence app asks `require_attestation` before every page."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from senate.accounts.models import User
from senate.accounts.people import Visitor
from senate.core import audit
from senate.interests.facts import AdviceRequest
from senate.interests.models import Attestation
from senate.members.models import MemberProfile

STATEMENT = (
    "I confirm that my declarations of interest on the Senate's register are complete and up to date, "
    "and that I have declared below anything that could be seen to affect my judgement on this review."
)


class AttestationRequired(PermissionDenied):
    """Raised (and shown as a refusal) when someone opens a review's evidence before attesting."""


def attest(profile: MemberProfile, request: AdviceRequest, *, specific: str = "", by: User) -> Attestation:
    """Store the member's attestation for this request, with its time and the words confirmed."""
    with transaction.atomic():
        attestation = Attestation.objects.create(
            request_id=request.pk, profile=profile, statement=STATEMENT, specific=specific.strip()
        )
        audit.record(
            "interests.attested",
            attestation,
            by=by,
            senate=request.senate,
            summary=f"{profile} attested their interests for {request}",
            data={"request": request.pk, "declared_specific": bool(specific.strip())},
        )
    return attestation


def latest_attestation(profile_or_user: MemberProfile | Visitor, request: AdviceRequest) -> Attestation | None:
    profile_id = _profile_id(profile_or_user)
    if profile_id is None:
        return None
    return Attestation.objects.filter(request_id=request.pk, profile_id=profile_id).first()


def has_attested(profile_or_user: MemberProfile | Visitor, request: AdviceRequest) -> bool:
    return latest_attestation(profile_or_user, request) is not None


def require_attestation(profile_or_user: MemberProfile | Visitor, request: AdviceRequest) -> Attestation:
    """Refuse access (AttestationRequired, a PermissionDenied) until the member has attested."""
    attestation = latest_attestation(profile_or_user, request)
    if attestation is None:
        raise AttestationRequired(
            "you need to confirm your declarations of interest for this review before you open its evidence"
        )
    return attestation


def _profile_id(profile_or_user: MemberProfile | Visitor) -> int | None:
    if isinstance(profile_or_user, MemberProfile):
        return profile_or_user.pk
    if not isinstance(profile_or_user, User):  # nobody signed in
        return None
    return MemberProfile.objects.filter(user_id=profile_or_user.pk).values_list("pk", flat=True).first()
