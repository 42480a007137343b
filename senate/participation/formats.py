"""Accessible formats a member needs their papers in (large print, easy read …). Council and evidence
pages look these up by name at call time (`needs_of`), so papers sent to a member carry the flag."""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

from senate.accounts.models import User
from senate.core import audit
from senate.members.models import MemberProfile
from senate.organisations.models import Senate
from senate.participation.models import AccessibleFormat


def set_formats(*, profile: MemberProfile, senate: Senate, formats: Iterable[str], by: User) -> list[str]:
    wanted = set(formats)
    with transaction.atomic():
        have = set(AccessibleFormat.objects.filter(profile=profile, senate=senate).values_list("format", flat=True))
        AccessibleFormat.objects.filter(profile=profile, senate=senate, format__in=have - wanted).delete()
        AccessibleFormat.objects.bulk_create(
            [AccessibleFormat(profile=profile, senate=senate, format=f) for f in sorted(wanted - have)]
        )
        if wanted != have:
            labels = lambda fs: ", ".join(AccessibleFormat.Format(f).label for f in sorted(fs)) or "none"  # noqa: E731
            audit.record(
                "participation.formats_set",
                profile,
                by=by,
                senate=senate,
                summary=f"{profile}: papers needed in {labels(wanted)}",
                data={"person": profile.user_id, "changed": {"formats": [labels(have), labels(wanted)]}},
            )
    return sorted(wanted)


def needs_of(senate: Senate, profile_ids: Iterable[int]) -> dict[int, list[str]]:
    """Each of these members' accessible formats in this Senate, as labels, in one query."""
    needs: dict[int, list[str]] = defaultdict(list)
    rows = AccessibleFormat.objects.filter(senate=senate, profile_id__in=list(profile_ids))
    for profile_id, fmt in rows.values_list("profile_id", "format"):
        needs[profile_id].append(AccessibleFormat.Format(fmt).label)
    return dict(needs)
