"""What people see and may do on the meeting pages."""

import datetime as dt

from django.core.files.base import ContentFile

from senate.core.tests import files
from senate.council import declarations
from senate.council.meetings import attach_paper
from senate.council.models import MeetingDeclaration
from senate.council.tests.factories import ready_item


def test_a_member_sees_and_confirms_only_their_own_declarations(client, senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    colins = MeetingDeclaration.objects.get()
    client.force_login(cast["council"])
    page = client.get(f"/south-west/council/{meeting.pk}/declarations/").content.decode()
    assert "Colin Conflicted" not in page and "Record the action" not in page
    response = client.post(f"/south-west/council/{meeting.pk}/declarations/{colins.pk}/confirm/")
    assert response.status_code == 404
    colins.refresh_from_db()
    assert not colins.confirmed


def test_a_member_cannot_declare_for_someone_else(client, senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    declarations.start_meeting(meeting, by=cast["manager"])
    colin = meeting.attendance.get(profile=council["colin"])
    client.force_login(cast["council"])
    data = {"item": item.pk, "attendee": colin.pk, "text": "Made up"}
    response = client.post(f"/south-west/council/{meeting.pk}/declarations/", data)
    assert "Select a member from the list" in response.content.decode()
    assert not MeetingDeclaration.objects.filter(source="at_meeting").exists()


def test_a_council_member_cannot_record_a_decision(client, senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    client.force_login(cast["council"])
    response = client.post(f"/south-west/council/{meeting.pk}/items/1/", {"outcome": "approved"})
    assert response.status_code == 403


def test_the_agenda_flags_papers_sent_late_and_lists_known_conflicts(client, senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    late = attach_paper(
        meeting=meeting,
        item=item,
        title="Report",
        file=ContentFile(files.pdf(), name="r.pdf"),
        sent_on=meeting.date - dt.timedelta(days=5),
        by=cast["manager"],
    )
    on_time = meeting.date - dt.timedelta(days=senate.papers_notice_days)
    attach_paper(
        meeting=meeting,
        item=item,
        title="Summary",
        file=ContentFile(files.pdf(), name="s.pdf"),
        sent_on=on_time,
        by=cast["manager"],
    )
    client.force_login(cast["council"])
    page = client.get(f"/south-west/council/{meeting.pk}/").content.decode()
    assert page.count("Sent late") == 1 and f"Sent late: {late.days_notice} days" in page
    assert "Colin Conflicted" in page and "Employed by Torbay" in page


def test_the_request_page_links_to_its_council_item(client, senate, cast, council, report):
    meeting, item = ready_item(senate, cast, report)
    client.force_login(cast["chair"])
    page = client.get(f"/south-west/requests/{report.pk}/").content.decode()
    assert f"/south-west/council/{meeting.pk}/items/1/" in page


def test_the_header_shows_council_to_members_and_not_to_the_assembly(client, cast):
    client.force_login(cast["council"])
    assert ">Council<" in client.get("/south-west/council/").content.decode()
    client.force_login(cast["assembly"])
    assert "/south-west/council/" not in client.get("/south-west/").content.decode().replace(
        "/south-west/council/public/", ""
    )
