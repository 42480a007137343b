from senate.members.models import MemberProfile
from senate.panels.membership import is_on_panel, panel_profiles
from senate.panels.models import PanelMember
from senate.panels.tests.factories import ready_request, seat


def test_only_accepted_members_are_on_the_panel(cast):
    request = ready_request()
    council = MemberProfile.objects.get(user=cast["council"])
    assembly = MemberProfile.objects.get(user=cast["assembly"])
    seat(request, council)
    seat(request, assembly, status=PanelMember.Status.INVITED)
    assert list(panel_profiles(request)) == [council]
    assert is_on_panel(cast["council"], request)
    assert not is_on_panel(cast["assembly"], request)
    assert not is_on_panel(cast["manager"], request)


def test_a_declined_or_withdrawn_member_is_not_on_the_panel(cast):
    request = ready_request()
    council = MemberProfile.objects.get(user=cast["council"])
    s = seat(request, council)
    s.status = PanelMember.Status.WITHDRAWN
    s.save()
    assert not is_on_panel(cast["council"], request)
    assert not panel_profiles(request).exists()
