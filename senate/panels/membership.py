"""Who is on a request's panel: the questions other apps (evidence, reports) ask of this one."""

from senate.core.memo import remembered
from senate.members.models import MemberProfile
from senate.panels.models import PanelMember


def panel_profiles(request):
    """The profiles whose place on this request's panel is accepted."""
    return MemberProfile.objects.filter(
        panel_seats__request=request, panel_seats__status=PanelMember.Status.ACCEPTED
    ).distinct()


def accepted_seats(request) -> list[PanelMember]:
    """The accepted places on this request's panel, each with its member and their account, in the
    order `panel_profiles` gives them (by name), in one query: who sits and in what panel role."""
    return list(
        PanelMember.objects.filter(request=request, status=PanelMember.Status.ACCEPTED)
        .select_related("profile__user")
        .order_by("profile__user__full_name", "profile_id")
    )


def _seat_statuses(user, request) -> frozenset[str]:
    """The statuses of this user's places on this request's panel, read once per web request (a
    request's page asks for each section it links to; see senate.core.memo)."""
    request_id = getattr(request, "pk", request)
    return remembered(
        ("panel-seats", user.pk, request_id),
        lambda: frozenset(
            PanelMember.objects.filter(request=request_id, profile__user=user).values_list("status", flat=True)
        ),
    )


def is_on_panel(user, request) -> bool:
    """True when this user has accepted a place on this request's panel."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return PanelMember.Status.ACCEPTED in _seat_statuses(user, request)


def is_invited_or_seated(user, request) -> bool:
    """True when this user is invited to, or has accepted a place on, this request's panel."""
    if user is None or not getattr(user, "is_authenticated", False) or request is None:
        return False
    return bool(_seat_statuses(user, request) & {PanelMember.Status.INVITED, PanelMember.Status.ACCEPTED})
