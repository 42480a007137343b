"""Given a Council member with an induction, when they complete it and download their statement of
participation, then it is a PDF marked draft. Given a term ending, when the manager renews it, then the
next term is appointed, and a renewal beyond the Senate's maximum is refused with the reason."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.interests.models import Kind
from senate.interests.tests.factories import declared
from senate.members.models import Membership
from senate.participation import induction

pytestmark = pytest.mark.browser


def test_a_member_completes_induction_and_downloads_their_statement(journey, cast):
    m = Membership.objects.get(profile__user=cast["council"])
    induction.start_induction(m, by=cast["manager"])
    declared(m.profile, kind=Kind.NIL)
    journey.sign_in(cast["council"].email, PASSWORD)
    journey.go("/south-west/participation/mine/")
    page = journey.page
    expect(page.get_by_text("1 of 5 complete.")).to_be_visible()
    journey.check_accessibility()
    for item in ["Read the code of conduct", "Confidentiality", "The tests for service change", "How expert panels"]:
        page.get_by_role("button", name=f"Mark complete the item {item}").click()
        expect(page.get_by_text(f"Marked complete: {item}")).to_be_visible()
    expect(page.get_by_text("5 of 5 complete.")).to_be_visible()
    journey.check_accessibility()

    with page.expect_download() as download:
        page.get_by_role("link", name="Statement of participation").first.click()
    pdf = open(download.value.path(), "rb").read()
    assert pdf.startswith(b"%PDF")


def test_the_manager_renews_a_term_and_is_refused_one_beyond_the_maximum(journey, cast, senate):
    today = dt.date.today()
    m = Membership.objects.get(profile__user=cast["council"])
    m.term_end = today + dt.timedelta(days=40)
    m.save()
    journey.sign_in(cast["manager"].email, PASSWORD)
    journey.go("/south-west/participation/")
    page = journey.page
    journey.check_accessibility()
    page.get_by_role("link", name="Review Priya Council's term").click()
    expect(page.get_by_text("This Senate allows at most 2 terms on the Council")).to_be_visible()
    journey.check_accessibility()
    page.get_by_label("Renew for another term").check()
    page.get_by_label("Reason").fill("Strong contribution to panels")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Priya Council's term has been renewed for another term.")).to_be_visible()
    second = Membership.objects.get(profile=m.profile, term_number=2)
    assert second.term_start == m.term_end + dt.timedelta(days=1)

    second.term_start, second.term_end = today - dt.timedelta(days=300), today + dt.timedelta(days=20)
    second.save()
    m.term_start, m.term_end = today - dt.timedelta(days=1400), today - dt.timedelta(days=301)
    m.save()
    journey.go("/south-west/participation/")
    page.get_by_role("link", name="Review Priya Council's term").click()
    page.get_by_label("Renew for another term").check()
    page.get_by_label("Reason").fill("Would like to continue")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("alert")).to_contain_text("would start term 3: this Senate allows at most 2 terms")
    journey.check_accessibility()
