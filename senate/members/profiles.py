"""Writes to member profiles."""

from typing import Any

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.members.models import Expertise, MemberProfile


def update_profile(
    profile: MemberProfile, *, changes: dict[str, Any], full_name: str, expertise: list[str], by: User
) -> MemberProfile:
    """Save a member's own changes, their expertise and name, with an audit event. All or nothing."""
    with transaction.atomic():
        for name, value in changes.items():
            setattr(profile, name, value)
        profile.save()
        profile.expertise.set(Expertise.objects.filter(code__in=expertise))
        if profile.user.full_name != full_name:
            profile.user.full_name = full_name
            profile.user.save(update_fields=["full_name"])
        audit.record(
            "profile.updated",
            profile,
            by=by,
            summary=f"Profile of {profile} updated",
            data={"fields": sorted(changes), "expertise": sorted(expertise)},
        )
    return profile
