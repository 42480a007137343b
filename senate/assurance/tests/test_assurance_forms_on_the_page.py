"""The assurance forms as the requester and the Senate team use them: answers of yes, no and not yet
known, a step recorded, a date left out, a deadline asked for too early, an urgent change's review date."""

import pytest

from senate.assurance import forms, recording
from senate.reviews.tests.factories import RequestFactory

BASE = "/south-west/assurance/requests"


@pytest.mark.parametrize(("answer", "kept"), [("yes", True), ("no", False), ("unknown", None), ("", None)])
def test_yes_no_and_not_known_yet_are_kept_as_such_and_shown_again(answer, kept):
    assert forms.tri(answer) is kept
    assert forms.untri(kept) == (answer or "unknown")


def test_a_step_recorded_on_the_page_is_on_the_timeline(client, formal, cast):
    client.force_login(cast["requester"])
    data = {"step": "checkpoint", "on[day]": "12", "on[month]": "5", "on[year]": "2027", "body": "NHSE SW"}
    response = client.post(f"{BASE}/{formal.pk}/step/", data, follow=True)
    page = response.content.decode()
    assert "Step recorded." in page
    assert "NHS England stage 2: assurance checkpoint — NHSE SW" in page


def test_a_step_without_its_date_is_sent_back_asking_for_it(client, formal, cast):
    client.force_login(cast["manager"])
    page = client.post(f"{BASE}/{formal.pk}/step/", {"step": "checkpoint"}).content.decode()
    assert "Enter the date" in page
    assert not recording.dates(recording.context_of(formal))


def test_asking_for_the_deadline_before_the_checkpoint_date_is_known_says_what_to_record(client, formal, cast):
    recording.set_context(request=formal, by=cast["manager"], informs="checkpoint")
    client.force_login(cast["manager"])
    page = client.post(f"{BASE}/{formal.pk}/deadline/", follow=True).content.decode()
    assert "Record the date of the checkpoint the advice informs first" in page


def test_an_urgent_change_saved_without_its_review_date_is_refused_on_that_field(client, cast):
    urgent = RequestFactory(kind="urgent_temporary", created_by=cast["requester"])
    client.force_login(cast["manager"])
    data = {"informs": "none", "capital_involved": "no", "substantial_variation": "unknown", "notifiable": "unknown"}
    page = client.post(f"{BASE}/{urgent.pk}/context/", data).content.decode()
    assert "Enter the date the temporary change must be looked at again" in page
    assert recording.context_of(urgent).temporary_review_date is None
