"""Given a Council and a revised report, when the manager schedules a meeting, members declare at the
start, a conflicted member leaves the room, the Council ratifies by vote, the minutes are approved and
the requester gives permission, then the report appears on the Senate's public page. And an item that
loses quorum through recusals cannot be decided. Every page visited is checked for accessibility."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.core.tests import files
from senate.council import declarations
from senate.council.models import Attendance, Decision, Meeting, MeetingDeclaration, Minutes
from senate.council.tests.factories import make_council, ready_item, report_request, schedule
from senate.reports.tests.factories import draft
from senate.reviews.models import Recommendation

pytestmark = pytest.mark.browser
TODAY = dt.date.today()


def _date(page, legend, day):
    when = page.get_by_role("group", name=legend)
    when.get_by_label("Day").fill(str(day.day))
    when.get_by_label("Month").fill(str(day.month))
    when.get_by_label("Year").fill(str(day.year))


def _submit(journey, button, message):
    journey.page.get_by_role("button", name=button).click()
    expect(journey.page.get_by_text(message)).to_be_visible()
    journey.check_accessibility()


def _heading(page, name):
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()


def _chairs_action(page, declaration, action):
    name = f"The chair's action on {declaration.attendee.name}, item {declaration.item.number}"
    page.get_by_label(name).select_option(label=action)


def _as(journey, person):
    journey.page.context.clear_cookies()
    journey.sign_in(person.email, PASSWORD)


def test_the_council_ratifies_a_report_which_is_then_published(journey, cast, senate, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    council = make_council(senate, cast)
    report = report_request(cast, title="Reconfiguring hyper-acute stroke services")
    draft(report, by=cast["manager"], summary="The panel supports one hyper-acute stroke unit for the county.")
    Recommendation.objects.create(request=report, number=1, text="Publish travel times for every postcode")
    page = journey.page

    # The manager schedules the meeting, puts the report on the agenda and sends a paper out late.
    _as(journey, cast["manager"])
    journey.go("/south-west/council/")
    page.get_by_role("button", name="Schedule a meeting").click()
    _heading(page, "Schedule a meeting")
    journey.check_accessibility()
    _date(page, "Date of the meeting", TODAY + dt.timedelta(days=10))
    page.get_by_label("Place", exact=True).fill("Exeter Racecourse")
    page.get_by_label("Chair of the meeting").select_option(label=cast["chair"].full_name)
    _submit(journey, "Schedule the meeting", "scheduled. Add the agenda items next")
    meeting = Meeting.objects.get()

    page.get_by_role("link", name="Add an agenda item").click()
    _heading(page, "Add an agenda item")
    journey.check_accessibility()
    page.get_by_role("group", name="What is the item for?").get_by_label("Ratify a report").check()
    page.get_by_label("Request for advice").select_option(
        label=f"{report.reference}: {report.title} ({report.get_stage_display()})"
    )
    _submit(journey, "Add to the agenda", "added to the agenda")
    assert "Colin Conflicted" in page.inner_text("#item-1 .known-conflicts")

    page.get_by_role("link", name="Attach a paper").click()
    _heading(page, "Attach a paper")
    page.get_by_label("Title of the paper").fill("Final report")
    paper = {"name": "report.pdf", "mimeType": "application/pdf", "buffer": files.pdf(text="Report")}
    page.get_by_label("The paper", exact=True).set_input_files(
        files=[paper]
    )  # a PDF: the upload policy refuses plain text as a paper
    _date(page, "Date the paper went out", TODAY)
    page.get_by_label("Agenda item").select_option(label=f"Item 1: {report}")
    _submit(journey, "Attach the paper", "later than the Senate's rule")
    assert "Sent late: 10 days' notice" in page.inner_text("#item-1")

    page.get_by_role("link", name="Record attendance").click()
    _heading(page, "Attendance")
    journey.check_accessibility()
    clara = meeting.attendance.get(profile=council["clara"])
    for member in meeting.attendance.filter(observer=False).exclude(pk=clara.pk):  # every one expected till now
        page.get_by_role("group", name=member.name, exact=True).get_by_label("Present").check()
    page.get_by_role("group", name=clara.name, exact=True).get_by_label("Apologies").check()
    page.get_by_label("Observers").fill("Olu Observer")
    _submit(journey, "Save attendance", "Attendance recorded")
    assert "Clara Clinical" in page.inner_text("#attendance") and "Olu Observer" in page.inner_text("#attendance")

    # Declarations at the start: Priya adds her own; the chair's actions are recorded.
    _submit(journey, "Start the meeting and take declarations", "The meeting has started")
    _as(journey, cast["council"])
    journey.go(f"/south-west/council/{meeting.pk}/declarations/")
    assert "Colin Conflicted" not in page.inner_text("main")
    page.get_by_label("Agenda item").select_option(label=f"Item 1: {report}")
    page.get_by_label("The interest declared").fill("I spoke at the trust's public stroke event")
    _submit(journey, "Add the declaration", "The declaration has been recorded")

    _as(journey, cast["manager"])
    journey.go(f"/south-west/council/{meeting.pk}/declarations/")
    # Colin's known conflict is ticked from screening: one post confirms it, with the chair's actions.
    colin = MeetingDeclaration.objects.get(attendee__profile=council["colin"])
    expect(page.get_by_label(f"{colin.attendee.name} confirms this declaration on item 1")).to_be_checked()
    _chairs_action(page, colin, "Leaves the room for the item")
    priya = MeetingDeclaration.objects.get(attendee__profile=council["council"])
    _chairs_action(page, priya, "No action needed")
    _submit(journey, "Save attendance and declarations", "Attendance and declarations recorded")
    assert f"Confirmed by {cast['manager'].full_name} for the member" in page.inner_text(f"#declaration-{colin.pk}")
    assert "Confirmed by the member" in page.inner_text(f"#declaration-{priya.pk}")

    # The item stays quorate without Colin, and the Council ratifies by vote.
    journey.go(f"/south-west/council/{meeting.pk}/items/1/")
    assert "Quorate: 4 Council members can take part; 3 are needed." in page.inner_text("#quorum")
    page.get_by_role("group", name="Decision", exact=True).get_by_label("Approved", exact=True).check()
    page.get_by_role("group", name="How was it decided?").get_by_label("Vote").check()
    page.get_by_label("Votes for").fill("3")
    page.get_by_label("Votes against").fill("0")
    page.get_by_label("Abstentions").fill("1")
    _submit(journey, "Record the decision", "The decision on item 1 has been recorded")
    report.refresh_from_db()
    assert report.stage == "approved" and Decision.objects.get().recused == 1

    # Minutes drafted from the record, approved at the next meeting and published.
    journey.go(f"/south-west/council/{meeting.pk}/minutes/")
    _submit(journey, "Draft the minutes from the record", "Draft minutes written from the record")
    minutes = page.get_by_label("Minutes", exact=True)
    text = minutes.input_value()
    assert "Colin Conflicted: Employed by Torbay" in text and "Leaves the room for the item" in text
    assert "I spoke at the trust's public stroke event" in text
    minutes.fill(text + "\nThe Chair thanked the panel.\n")
    _submit(journey, "Save the draft", "The draft minutes have been saved")
    # Time passes: minutes are approved only at a later meeting already held.
    Meeting.objects.filter(pk=meeting.pk).update(date=TODAY - dt.timedelta(days=60))
    meeting.refresh_from_db()
    later = schedule(senate, cast, date=TODAY - dt.timedelta(days=1))
    journey.go(f"/south-west/council/{meeting.pk}/minutes/")
    page.get_by_label("Approved at which meeting?").select_option(label=str(later))
    _submit(journey, "Record approval", "The minutes are approved")
    _submit(journey, "Publish the minutes", "The minutes are published")

    # The manager issues the advice; the requester gives permission to publish.
    journey.go(f"/south-west/council/requests/{report.pk}/issue/")
    page.get_by_label("Covering letter").fill("Please find the Senate's advice enclosed.")
    _submit(journey, "Issue the advice", "The advice has been issued")
    _as(journey, cast["requester"])
    journey.go(f"/south-west/council/requests/{report.pk}/publication/")
    _submit(journey, "Record permission to publish", "Permission to publish has been recorded")
    assert "Yes" in page.inner_text("#publication")

    # Anyone can now read it on the public page.
    page.context.clear_cookies()
    journey.go("/south-west/council/public/")
    assert str(meeting) in page.inner_text("#minutes") and "Pat Public" in page.inner_text("#council-members")
    page.get_by_role("link", name="Reconfiguring hyper-acute stroke services").click()
    _heading(page, "Reconfiguring hyper-acute stroke services")
    journey.check_accessibility()
    assert "Publish travel times for every postcode" in page.inner_text("#recommendations")
    page.get_by_role("link", name="Read the report").click()
    expect(page.get_by_text("The panel supports one hyper-acute stroke unit for the county.")).to_be_visible()
    assert Minutes.objects.get(meeting=meeting).status == "published"


def test_an_item_that_loses_quorum_through_recusals_cannot_be_decided(journey, cast, senate):
    council = make_council(senate, cast)
    report = report_request(cast)
    meeting, item = ready_item(senate, cast, report)
    meeting.attendance.filter(profile__in=[council["vice"], council["clara"]]).update(
        status=Attendance.Status.APOLOGIES
    )
    declarations.start_meeting(meeting, by=cast["manager"])
    page = journey.page

    _as(journey, cast["manager"])
    journey.go(f"/south-west/council/{meeting.pk}/declarations/")
    page.get_by_label("Agenda item").select_option(label=str(item))
    page.get_by_label("Member", exact=True).select_option(label="Pat Public")
    page.get_by_label("The interest declared").fill("Chairs the trust's patient panel")
    _submit(journey, "Add the declaration", "The declaration has been recorded")
    for declaration in MeetingDeclaration.objects.filter(item=item):
        _chairs_action(page, declaration, "Leaves the room for the item")
    _submit(journey, "Save attendance and declarations", "Attendance and declarations recorded")

    journey.go(f"/south-west/council/{meeting.pk}/items/1/")
    warning = page.inner_text("#quorum")
    assert "This item is not quorate and cannot be decided" in warning
    assert "2 Council members can take part but 3 are needed (50% of 6)." in warning
    assert "0 patient and public voice members can take part; at least 1 is needed." in warning
    expect(page.get_by_role("button", name="Record the decision")).to_have_count(0)
    journey.go(f"/south-west/council/{meeting.pk}/")
    assert "Not quorate." in page.inner_text("#item-1")
    report.refresh_from_db()
    assert report.stage == "report_revised" and not Decision.objects.exists()
