"""Partners: a redirect names a partner organisation and tells its contact; a review records which
partners it engaged and how; the assurance picture across requests."""

import datetime as dt

import pytest

from senate.assurance import partners, queries, recording
from senate.assurance.recording import Refused
from senate.notifications.models import Email
from senate.organisations.models import Organisation
from senate.reviews import lifecycle
from senate.reviews.tests.factories import RequestFactory


@pytest.fixture
def network(reference_data):
    return Organisation.objects.create(
        name="South West Cardiac Network", type="clinical_network", contact_email="cardiac@network.example"
    )


def test_redirecting_to_a_partner_emails_its_contact(cast, network):
    request = RequestFactory()
    lifecycle.perform(
        "redirect",
        request,
        by=cast["manager"],
        reason="The network advises on this.",
        changes={"redirected_to_organisation": network},
    )
    email = Email.objects.get(kind="assurance.redirected")
    assert email.to == "cardiac@network.example" and "The network advises on this." in email.body


def test_an_engagement_is_recorded_once_per_way(cast, network, formal):
    partners.record_engagement(request=formal, organisation=network, how="evidence", note="", by=cast["manager"])
    with pytest.raises(Refused):
        partners.record_engagement(request=formal, organisation=network, how="evidence", note="", by=cast["manager"])
    partners.record_engagement(request=formal, organisation=network, how="panel", note="", by=cast["manager"])
    assert formal.engagements.count() == 2


def test_across_requests_shows_reviews_feeding_checkpoints_this_quarter_notifiable_and_called_in(cast, senate):
    today = dt.date(2027, 5, 15)
    feeding, called, later = RequestFactory(), RequestFactory(), RequestFactory()
    recording.set_context(request=feeding, by=cast["manager"], informs="checkpoint")
    recording.record_step(request=feeding, step="checkpoint", on=dt.date(2027, 6, 2), by=cast["manager"])
    recording.set_context(request=later, by=cast["manager"], informs="checkpoint")
    recording.record_step(request=later, step="checkpoint", on=dt.date(2027, 7, 2), by=cast["manager"])
    recording.record_step(request=called, step="sos_notified", on=dt.date(2027, 4, 2), by=cast["manager"])
    recording.record_step(request=called, step="call_in_direction", on=dt.date(2027, 5, 2), by=cast["manager"])
    found = queries.across(RequestFactory._meta.model.objects.filter(senate=senate), today)
    assert [r for r, _ in found.feeding] == [feeding]
    assert found.notifiable == [called]
    assert [r for r, _ in found.called_in] == [called]
