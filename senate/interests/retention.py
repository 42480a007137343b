"""Retention: register information is kept for a period after a member leaves (6 years by default,
UNCONFIRMED nationally, docs/domain.md §4.1). This finds whose records are past it; deleting them is a
decision for the Senate team and is not automated."""

import datetime as dt

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from senate.interests.conflict_policy import conflict_policy_for
from senate.members.models import MemberProfile, Membership
from senate.organisations.models import Senate


def past_retention(senate: Senate, *, today: dt.date) -> QuerySet[MemberProfile]:
    """Former members of this Senate with declarations, who left every Senate more than the
    retention period ago."""
    years = conflict_policy_for(senate).retention_years
    cutoff = (
        today.replace(year=today.year - years)
        if not (today.month == 2 and today.day == 29)
        else today.replace(year=today.year - years, day=28)
    )
    left = (
        Membership.objects.filter(profile=OuterRef("pk"))
        .annotate(left_on=Coalesce("ended_on", "term_end"))
        .order_by("-left_on")
        .values("left_on")[:1]
    )
    members_here = Membership.objects.filter(senate=senate).values("profile_id")
    return (
        MemberProfile.objects.filter(pk__in=members_here, declarations__isnull=False)
        .annotate(left_on=Subquery(left))
        .filter(left_on__lt=cutoff)
        .distinct()
    )
