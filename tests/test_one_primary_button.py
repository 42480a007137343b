"""One primary button per page (NHS service manual): the page's main action is the green button;
every other action (Decline, Withdraw, Cancel, a filter's Show) is secondary, or a warning when it
destroys or refuses something. Checked on every page of the access matrices as the Senate manager and
the Chair (issue 14, item 15)."""

from html.parser import HTMLParser

import pytest

from tests.test_page_access import PAGES

SECONDARY = {"nhsuk-button--secondary", "nhsuk-button--warning", "nhsuk-button--reverse"}


class _Buttons(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.primaries: list[str] = []
        self.open: str | None = None

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        if "nhsuk-button" in classes and not classes & SECONDARY:
            self.primaries.append(dict(attrs).get("value") or "")
            self.open = tag

    def handle_data(self, data):
        if self.open:
            self.primaries[-1] += data.strip()

    def handle_endtag(self, tag):
        if tag == self.open:
            self.open = None


def primary_buttons(html: str) -> list[str]:
    """The words on the primary buttons of a page's main content (the header's search button, on
    every page, is the NHS header's own and not the page's action)."""
    parser = _Buttons()
    start = html.find("<main")
    parser.feed(html[start : html.find("</main>", start)] if start >= 0 else html)
    return parser.primaries


@pytest.mark.parametrize("name,path,allowed", PAGES, ids=[p[0] for p in PAGES])
def test_a_page_has_at_most_one_primary_button(client, cast, name, path, allowed):
    """As the manager and as the Chair, whichever may open the page (its records made once)."""
    url, looked = path(cast), 0
    for who in ("manager", "chair"):
        if allowed != "public" and who not in allowed:
            continue
        client.force_login(cast[who])
        response = client.get(url)
        assert response.status_code == 200
        if response.streaming or not response["Content-Type"].startswith("text/html"):
            pytest.skip(f"{name} is a file, not a page")
        primaries = primary_buttons(response.content.decode())
        assert len(primaries) <= 1, f"{name} shows the {who} {len(primaries)} primary buttons: {primaries}"
        looked += 1
    if not looked:
        pytest.skip(f"neither the manager nor the Chair may open {name}")


def test_primary_buttons_are_told_from_secondary_ones():
    html = (
        '<button class="nhsuk-button" type="submit">Save</button>'
        '<a class="nhsuk-button nhsuk-button--secondary" href="#">Back</a>'
        '<button class="nhsuk-button nhsuk-button--warning">Withdraw</button>'
        '<div class="nhsuk-button-group"></div>'
    )
    assert len(primary_buttons(html)) == 1


def test_the_header_search_button_is_not_the_page_action():
    html = (
        '<header><button class="nhsuk-button nhsuk-button--small">Search</button></header>'
        '<main id="maincontent"><button class="nhsuk-button">Save</button></main>'
    )
    assert primary_buttons(html) == ["Save"]
