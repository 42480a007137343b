"""A requester asks for advice on the multi-page form: each page saves the draft, bad answers are
refused next to the field, and check-your-answers sends it."""

import datetime as dt

from senate.members.models import Expertise
from senate.members.vocabulary import load_vocabulary
from senate.organisations.models import Organisation
from senate.reviews.models import Request

BASE = "/south-west/requests"


def _start(client, cast):
    client.force_login(cast["requester"])
    response = client.post(f"{BASE}/new/")
    assert response.status_code == 302
    return Request.objects.get(created_by=cast["requester"])


def test_each_page_saves_the_draft_and_leads_to_the_next(client, cast):
    load_vocabulary()
    request = _start(client, cast)
    response = client.post(f"{BASE}/{request.pk}/edit/kind/", {"kind": "formal_review"})
    assert response.url.endswith("/edit/about/")
    stroke = Expertise.objects.get(code="stroke")
    client.post(f"{BASE}/{request.pk}/edit/about/", {"title": "Stroke units", "service_areas": [stroke.code]})
    request.refresh_from_db()
    assert request.kind == "formal_review" and request.title == "Stroke units" and request.stage == "draft"
    assert list(request.service_areas.all()) == [stroke]


def test_a_missing_answer_is_shown_next_to_its_field_and_nothing_is_saved(client, cast):
    request = _start(client, cast)
    page = client.post(f"{BASE}/{request.pk}/edit/kind/", {}).content.decode()
    assert "There is a problem" in page and "Select the kind of advice you need" in page
    request.refresh_from_db()
    assert request.kind == ""


def test_an_impossible_decision_date_is_refused(client, cast):
    request = _start(client, cast)
    data = {
        "questions": "Is it safe?",
        "decision_date[day]": "31",
        "decision_date[month]": "2",
        "decision_date[year]": "2027",
    }
    response = client.post(f"{BASE}/{request.pk}/edit/questions/", data)
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    request.refresh_from_db()
    assert request.questions == "" and request.decision_date is None


def test_sending_an_incomplete_request_says_what_is_missing(client, cast):
    request = _start(client, cast)
    page = client.post(f"{BASE}/{request.pk}/check/").content.decode()
    assert "The request is missing: a title, the kind of advice" in page
    request.refresh_from_db()
    assert request.stage == "draft" and request.reference is None


def test_a_complete_request_is_sent_with_a_reference_and_the_team_is_told(client, cast, mailoutbox):
    request = _start(client, cast)
    Request.objects.filter(pk=request.pk).update(
        title="Stroke units",
        kind="formal_review",
        questions="Is it safe?",
        assurance_stage="checkpoint",
        decision_date=dt.date.today() + dt.timedelta(days=30),
    )
    response = client.post(f"{BASE}/{request.pk}/check/")
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.stage == "received" and request.reference.startswith("SW-")
    assert request.short_notice, "30 days' notice is less than the Senate's 91, so it is flagged"
    page = client.get(f"{BASE}/{request.pk}/").content.decode()
    assert "Less notice than the Senate asks for" in page


def test_a_requester_sees_only_their_organisations_requests(client, cast):
    from senate.reviews.tests.factories import RequestFactory

    ours = RequestFactory(title="Devon stroke review")
    theirs = RequestFactory(
        title="Cornwall minor injuries", requesting_organisation=Organisation.objects.get(code="QT6")
    )
    client.force_login(cast["requester"])
    listing = client.get(f"{BASE}/").content.decode()
    assert "Devon stroke review" in listing and "Cornwall minor injuries" not in listing
    assert client.get(f"{BASE}/{ours.pk}/").status_code == 200
    assert client.get(f"{BASE}/{theirs.pk}/").status_code in (403, 404)
    client.force_login(cast["manager"])
    listing = client.get(f"{BASE}/").content.decode()
    assert "Devon stroke review" in listing and "Cornwall minor injuries" in listing


def test_nobody_but_the_author_sees_a_draft(client, cast):
    request = _start(client, cast)
    Request.objects.filter(pk=request.pk).update(title="Not yet sent")
    client.force_login(cast["manager"])
    assert "Not yet sent" not in client.get(f"{BASE}/").content.decode()
    assert client.get(f"{BASE}/{request.pk}/").status_code in (403, 404)


def test_the_back_link_sits_in_a_landmark_so_screen_reader_users_can_find_it(client, cast):
    """axe's "region" rule: a back link outside every landmark is missed by landmark navigation."""
    request = _start(client, cast)
    page = client.get(f"{BASE}/{request.pk}/edit/about/").content.decode()
    assert '<nav aria-label="Back"><a class="nhsuk-back-link"' in page
    client.force_login(cast["council"])
    assert '<nav aria-label="Back"><a class="nhsuk-back-link"' in client.get("/profile/change/").content.decode()
