"""Gathering a request's record for its bundle: a request with little done yet, the timeline's words
and the redactions agreed for publication."""

import datetime as dt

from senate.bundles.contents import Mode
from senate.bundles.making import gather
from senate.bundles.parts import PARTS
from senate.council.models import PublicationPermission
from senate.reviews.models import RequestEvent
from senate.reviews.tests.factories import RequestFactory


def _table(parts, name):
    return next(t for p in parts for t in p.tables if t.name == name)


def _answers(parts):
    return dict(_table(parts, "request").rows)


def test_a_request_with_little_done_yet_still_has_every_part(cast):
    parts = gather(RequestFactory(created_by=cast["requester"]), mode=Mode.FULL)
    assert [p.key for p in parts][0] == "request" and len(parts) == len(PARTS)
    assert _table(parts, "terms_versions").rows == []
    assert all(not p.withheld for p in parts)


def test_the_request_as_made_names_who_asked_and_who_made_it(cast, icb):
    request = RequestFactory(created_by=cast["requester"])
    answers = _answers(gather(request, mode=Mode.FULL))
    assert answers["Reference"] == request.reference
    assert answers["Requested by"] == icb.name
    assert answers["Made by"] == "Jo Requester"
    assert answers["Sponsor"] == "Not needed or not given"
    assert answers["Decision date"] == f"{request.decision_date:%-d %b %Y}"


def test_an_act_nobody_took_is_shown_as_the_senates_own(cast):
    request = RequestFactory(created_by=cast["requester"])
    RequestEvent.objects.create(request=request, by=None, action="remind", to_stage="received", reason="Overdue")
    [row] = _table(gather(request, mode=Mode.FULL), "timeline").rows
    assert row[1] == "Senate (automatic)" and row[5] == "Overdue"


def test_a_disclosure_bundle_redacts_the_phrases_agreed_for_publication(cast):
    request = RequestFactory(created_by=cast["requester"], title="Stroke services at Derriford Hospital")
    PublicationPermission.objects.create(
        request=request,
        given_on=dt.date.today(),
        redactions="derriford\n\n",
        given_by="Jo",
        recorded_by=cast["manager"],
    )
    disclosed = _answers(gather(request, mode=Mode.DISCLOSURE))
    full = _answers(gather(request, mode=Mode.FULL))
    assert "Derriford" not in disclosed["Title"] and "[redacted]" in disclosed["Title"]
    assert full["Title"] == "Stroke services at Derriford Hospital"


def test_a_disclosure_bundle_without_agreed_redactions_changes_nothing(cast):
    request = RequestFactory(created_by=cast["requester"])
    assert _answers(gather(request, mode=Mode.DISCLOSURE)) == _answers(gather(request, mode=Mode.FULL))
