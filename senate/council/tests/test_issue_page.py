"""Issuing the advice waits for the Council's ratification: until then the page says so beside a
switched-off button, never an enabled one that leads to an error (issue 14, item 15)."""

from senate.council.tests.factories import report_request
from senate.council.tests.test_public import _ratify
from senate.reports.tests.factories import draft


def _issue_page(client, request):
    return client.get(f"/south-west/council/requests/{request.pk}/issue/").content.decode()


def test_issuing_unratified_advice_says_what_it_waits_for(client, cast, council):
    request = report_request(cast)
    client.force_login(cast["manager"])
    page = _issue_page(client, request)
    assert "Not yet:</strong> waiting for the Council to ratify this advice" in page
    assert 'disabled aria-disabled="true"' in page and 'aria-describedby="waiting-for"' in page


def test_ratified_advice_can_be_issued(client, senate, cast, council):
    request = report_request(cast)
    draft(request, by=cast["manager"], summary="The panel supports the proposal.")
    _ratify(senate, cast, request)
    client.force_login(cast["manager"])
    page = _issue_page(client, request)
    assert "Not yet" not in page and "disabled" not in page
