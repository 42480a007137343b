"""Issue 15, done when: a joint review runs from request to ratification across two Senates. The South
West's manager invites the South East, whose manager accepts from their front page; a South East Assembly
member is a candidate for the panel, marked with their Senate, and sits on it; the South East's Council
member finds the review in their own Senate's list, reads the draft report and comments; the South West's
Council ratifies. Steps other journeys already cover (the panel's invitation, the draft, the meeting's
set-up) are taken through the domain functions. Every page visited is checked for accessibility."""

import re

import pytest
from playwright.sync_api import expect

from senate.accounts.models import Role
from senate.accounts.tests.factories import PASSWORD, UserFactory, give_role
from senate.council import declarations
from senate.council.tests.factories import make_council, ready_item
from senate.organisations.models import Senate
from senate.panels import invitations
from senate.panels.models import PanelMember
from senate.panels.tests.factories import member, ready_request, spec
from senate.reports.tests.factories import draft
from senate.reviews.models import Request

pytestmark = pytest.mark.browser
LEAD, PARTNER = "South West Clinical Senate", "South East Clinical Senate"


def _as(journey, person):
    journey.page.context.clear_cookies()
    journey.sign_in(person.email, PASSWORD)


def _sees(journey, text):
    expect(journey.page.get_by_text(text).first).to_be_visible()
    journey.check_accessibility()


def test_a_joint_review_runs_from_request_to_ratification_across_two_senates(journey, cast, senate, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    south_east = Senate.objects.get(slug="south-east")
    assert (senate.name, south_east.name) == (LEAD, PARTNER)
    partner_manager = give_role(UserFactory(full_name="Ravi Partner"), south_east, Role.MANAGER)
    partner_council = give_role(UserFactory(full_name="Grace Partner"), south_east, Role.COUNCIL_MEMBER)
    make_council(senate, cast)
    sam = member("Sam Southeast", senate="south-east", expertise=["emergency-medicine"])
    request = ready_request(created_by=cast["requester"], title="Obstetric units across the border")
    spec(request, by=cast["manager"])
    page = journey.page

    # The lead Senate's manager invites the South East from the request's page.
    _as(journey, cast["manager"])
    journey.go(f"/south-west/requests/{request.pk}/")
    page.get_by_role("link", name="Senates taking part (joint review)").click()
    _sees(journey, "Invite a partner Senate")
    page.get_by_label("Senate to invite").select_option(label=PARTNER)
    page.get_by_label("Why you ask them to join").fill("Salisbury's catchment reaches into Hampshire.")
    page.get_by_role("button", name="Send invitation").click()
    _sees(journey, "invited; its manager has been told")

    # The South East's manager answers from their own Senate's front page.
    _as(journey, partner_manager)
    journey.go("/south-east/")
    page.get_by_role("link", name=re.compile("invitation to review")).click()
    _sees(journey, "Your Senate's answer")
    page.get_by_label("Yes, accept the invitation").check()
    page.get_by_role("button", name="Send your answer").click()
    _sees(journey, "now reviews this request jointly")

    # The panel draws from both Assemblies: the partner's member is a candidate, marked with their Senate.
    _as(journey, cast["manager"])
    journey.go(f"/south-west/panels/requests/{request.pk}/candidates/")
    row = page.get_by_role("row", name=re.compile("Sam Southeast"))
    expect(row).to_contain_text(f"Partner Senate: {PARTNER}")
    row.get_by_role("button", name="Pin Sam Southeast").click()
    journey.check_accessibility()
    seat = invitations.invite(request, sam, role="clinical", by=cast["manager"])
    invitations.respond(seat, accept=True, by=sam.user)
    assert PanelMember.objects.get(request=request, profile=sam).status == PanelMember.Status.ACCEPTED

    # The panel writes its report (as other journeys do) and it goes to the lead Council's meeting.
    Request.objects.filter(pk=request.pk).update(stage="report_revised")
    request.refresh_from_db()
    draft(request, by=cast["manager"], summary="The panel supports two obstetric units with a midwife-led unit.")
    meeting, _item = ready_item(senate, cast, request)
    declarations.start_meeting(meeting, by=cast["manager"])

    # The partner's Council member finds it in their own Senate's list, reads the draft and comments.
    _as(journey, partner_council)
    journey.go("/south-east/requests/")
    _sees(journey, f"Joint review led by {LEAD} with {PARTNER}")
    page.get_by_role("link", name=re.compile("Obstetric units across the border")).click()
    page.get_by_role("link", name="Report drafts").click()
    _sees(journey, "Version 1")
    page.go_back()
    page.get_by_role("link", name="Senates taking part (joint review)").click()
    journey.check_accessibility()
    page.get_by_label("Your Council's comment on the draft advice").fill("Include travel times from the New Forest.")
    page.get_by_role("button", name=f"Send comment to {LEAD}").click()
    _sees(journey, "Comment sent to the lead Senate")

    # The lead's manager reads the comment, and the lead Council ratifies at its meeting.
    _as(journey, cast["manager"])
    journey.go(f"/south-west/requests/{request.pk}/joint/")
    _sees(journey, "Include travel times from the New Forest.")
    journey.go(f"/south-west/council/{meeting.pk}/items/1/")
    page.get_by_label("Approved", exact=True).check()
    page.get_by_label("Consensus").check()
    page.get_by_role("button", name="Record the decision").click()
    _sees(journey, "The decision on item 1 has been recorded")
    request.refresh_from_db()
    assert request.stage == "approved"
