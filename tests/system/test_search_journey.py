"""Search as each kind of person, from the box in the header: someone not signed in finds only what is
published; a requester finds their own organisation's request but not the draft advice; a panel member
finds a review's evidence only after confirming their declarations for it (done in the browser); the
Senate manager finds the Senate's drafts, fieldwork notes and Council papers, and narrows them by
facets (issue 15)."""

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.search import following
from senate.search.indexing import reindex
from senate.search.tests import world

pytestmark = pytest.mark.browser


@pytest.fixture
def built(cast):
    following.PAUSED["on"] = True  # the world at once, then one index: as `senate demo` does
    try:
        requests, viewers = world.build(cast)
    finally:
        following.PAUSED["on"] = False
    reindex()
    return requests, viewers


def _search(journey, words):
    page = journey.page
    box = page.get_by_role("searchbox", name="Search what you may see")
    box.fill(words)
    box.press("Enter")
    page.wait_for_load_state()
    journey.check_accessibility()
    return page.get_by_role("list", name="Search results")


def test_each_person_finds_exactly_what_they_may(journey, built, cast):
    requests, viewers = built
    page = journey.page
    at_draft_report = requests[3]
    own, secret_draft = requests[1], f"zqxdraft{at_draft_report.pk}v1q"
    evidence = at_draft_report.evidence_items.get(tier="official_sensitive", source="requester")
    evidence_marker = f"zqxev{at_draft_report.pk}official_sensitiverequesterq"
    assert evidence.title.endswith(evidence_marker)

    # Not signed in: published minutes and declarations only.
    journey.go("/")
    results = _search(journey, "stroke")
    expect(results).to_contain_text("Council minutes")
    expect(results).to_contain_text("Published declaration")
    for hidden in ("Request for advice", "Evidence", "Report version", "zqxmin", "zqxdeclprivate", "zqxdeclwithheld"):
        expect(results).not_to_contain_text(hidden)

    # A requester: their own request, never the draft advice before it is sent to them.
    journey.sign_in(cast["requester"].email, PASSWORD)
    _search(journey, f"zqxbg{own.pk}q")
    expect(page.get_by_text("1 result for")).to_be_visible()
    _search(journey, secret_draft)
    expect(page.get_by_text("0 results for")).to_be_visible()
    expect(page.get_by_text("Nothing you may see matches")).to_be_visible()

    # A panel member before confirming their declarations for the review: no evidence; after, found.
    journey.page.context.clear_cookies()
    journey.sign_in(cast["assembly"].email, PASSWORD)
    _search(journey, evidence_marker)
    expect(page.get_by_text("0 results for")).to_be_visible()
    journey.go(f"/south-west/interests/requests/{at_draft_report.pk}/attest/")
    page.get_by_label("My declarations of interest are complete and up to date").check()
    page.get_by_role("group", name="Do you have anything to declare for this review?").get_by_label("No").check()
    page.get_by_role("button", name="Confirm and continue").click()
    page.wait_for_load_state()
    _search(journey, evidence_marker)
    expect(page.get_by_text("1 result for")).to_be_visible()
    expect(page.get_by_role("link", name=evidence.title)).to_be_visible()

    # The Senate manager: the drafts, fieldwork notes and Council papers, narrowed by a facet.
    journey.page.context.clear_cookies()
    journey.sign_in(cast["manager"].email, PASSWORD)
    _search(journey, secret_draft)
    expect(page.get_by_text("1 result for")).to_be_visible()
    _search(journey, "stroke ward visit")
    expect(page.get_by_role("list", name="Type of document")).to_contain_text("Fieldwork notes")
    _search(journey, "stroke paper")
    expect(page.get_by_role("list", name="Search results")).to_contain_text("Council paper")
    results = _search(journey, "stroke")
    expect(results).not_to_contain_text("London hyperacute")  # another Senate's review
    page.get_by_role("list", name="Type of document").get_by_role("link", name="Fieldwork notes").click()
    page.wait_for_load_state()
    journey.check_accessibility()
    expect(page.get_by_role("link", name="Clear the filters")).to_be_visible()
    results = page.get_by_role("list", name="Search results")
    expect(results).to_contain_text("Fieldwork notes")
    for other in ("Request for advice", "Evidence", "Report version", "Council paper", "Recommendation"):
        expect(results).not_to_contain_text(other)
