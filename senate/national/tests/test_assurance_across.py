"""NHS England's national team sees assurance across every Senate: the same lists as a Senate's own
page, each row naming its Senate, only requests a requester has sent, and no link into a Senate's pages."""

import datetime as dt

import pytest

from senate.assurance import recording
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.django_db


def test_the_national_team_sees_every_senates_notifiable_and_called_in_proposals_but_no_drafts(
    client, cast, senate, other_senate
):
    today = dt.date.today()
    west = RequestFactory(senate=senate, title="Stroke services in Devon", created_by=cast["requester"])
    london = RequestFactory(senate=other_senate, title="Maternity in north London", created_by=cast["requester"])
    draft = RequestFactory(
        senate=other_senate,
        title="Unsent vascular plan",
        stage="draft",
        submitted_at=None,
        created_by=cast["requester"],
    )
    for r in (west, draft):
        recording.set_context(request=r, by=cast["admin"], notifiable=True)
    recording.record_step(request=london, step="call_in_request", on=today, by=cast["admin"])

    client.force_login(cast["national"])
    page = client.get("/national/assurance/").content.decode()
    assert f"{senate.name}: {west.reference} Stroke services in Devon" in page
    assert f"{other_senate.name}: {london.reference} Maternity in north London" in page
    assert "Unsent vascular plan" not in page
    assert "/assurance/requests/" not in page
