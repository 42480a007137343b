"""Given each role's header, when they open every page it leads to on a phone (375 px), then the page
never scrolls sideways; and on a desktop (1280 px) every header item fits without the "More" menu.
The NHS header's own script moves the items that do not fit into "More" (issue 14, item 13)."""

import pytest
from playwright.sync_api import expect

from senate.accounts.tests.factories import PASSWORD
from senate.members.models import Body, MembershipRole
from senate.members.tests.factories import MembershipFactory
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.browser

ROLES = ["manager", "chair", "council", "assembly", "requester"]
PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def senate_at_work(cast, senate):
    """The Chair sits on the Council, so has every item a member has beside the Senate team's."""
    chair = cast["chair"]
    MembershipFactory(profile__user=chair, senate=senate, body=Body.COUNCIL, role=MembershipRole.CHAIR)
    RequestFactory(title="Future of hyperacute stroke services across Devon and Cornwall", created_by=cast["requester"])
    return cast


def _header_links(page):
    menu = page.get_by_role("navigation", name="Menu")
    return [link.get_attribute("href") for link in menu.get_by_role("link").all()]


@pytest.mark.parametrize("who", ROLES)
def test_header_pages_fit_a_phone_and_the_header_fits_a_desktop(journey, senate_at_work, who):
    page = journey.page
    journey.sign_in(senate_at_work[who].email, PASSWORD)
    page.set_viewport_size(DESKTOP)
    links = _header_links(page)
    assert len(links) >= 3, links
    expect(page.get_by_role("button", name="More")).to_be_hidden()
    overflow = page.evaluate(
        "() => { const l = document.querySelector('.nhsuk-header__navigation-list');"
        " return [l.scrollWidth, l.clientWidth]; }"
    )
    assert overflow[0] <= overflow[1], f"{who}'s header items overflow at 1280 px: {overflow}"

    page.set_viewport_size(PHONE)
    for href in links:
        journey.go(href)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{href} is {width} px wide at 375 px for the {who}"
    expect(page.get_by_role("button", name="More")).to_be_visible()
