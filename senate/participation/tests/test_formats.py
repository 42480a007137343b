"""Accessible formats a member asks for are flagged where papers are sent to them."""

from senate.council import meetings
from senate.members.models import MemberProfile
from senate.participation import formats


def test_the_council_meeting_flags_papers_for_a_member_who_needs_large_print(client, cast, senate):
    priya = MemberProfile.objects.get(user=cast["council"])
    formats.set_formats(profile=priya, senate=senate, formats=["large_print"], by=cast["council"])
    import datetime as dt

    meeting = meetings.schedule_meeting(
        senate=senate,
        kind="council",
        date=dt.date.today() + dt.timedelta(days=30),
        place="Taunton",
        link="",
        chair=cast["chair"],
        by=cast["manager"],
    )
    client.force_login(cast["manager"])
    page = client.get(f"/south-west/council/{meeting.pk}/").content.decode()
    assert "Papers in accessible formats" in page and "Priya Council: large print" in page
    client.force_login(cast["council"])
    assert "You: large print" in client.get(f"/south-west/council/{meeting.pk}/").content.decode()


def test_changing_formats_is_audited_and_clearing_them_removes_the_flag(cast, senate):
    from senate.core.models import AuditEvent

    priya = MemberProfile.objects.get(user=cast["council"])
    formats.set_formats(profile=priya, senate=senate, formats=["easy_read", "large_print"], by=cast["council"])
    assert formats.needs_of(senate, [priya.pk]) == {priya.pk: ["Easy read", "Large print"]}
    formats.set_formats(profile=priya, senate=senate, formats=[], by=cast["council"])
    assert formats.needs_of(senate, [priya.pk]) == {}
    assert AuditEvent.objects.filter(action="participation.formats_set").count() == 2
