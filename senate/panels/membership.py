"""Who is on a request's panel: the questions other apps (evidence, reports) ask of this one."""

from senate.members.models import MemberProfile
from senate.panels.models import PanelMember


def panel_profiles(request):
    """The profiles whose place on this request's panel is accepted."""
    return MemberProfile.objects.filter(
        panel_seats__request=request, panel_seats__status=PanelMember.Status.ACCEPTED
    ).distinct()


def is_on_panel(user, request) -> bool:
    """True when this user has accepted a place on this request's panel."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return PanelMember.objects.filter(request=request, profile__user=user, status=PanelMember.Status.ACCEPTED).exists()


def is_invited_or_seated(user, request) -> bool:
    """True when this user is invited to, or has accepted a place on, this request's panel."""
    if user is None or not getattr(user, "is_authenticated", False) or request is None:
        return False
    return PanelMember.objects.filter(
        request=request,
        profile__user=user,
        status__in=(PanelMember.Status.INVITED, PanelMember.Status.ACCEPTED),
    ).exists()
