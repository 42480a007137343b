"""Honest-broker work refuses what would make the record wrong: a party twice, a share twice, a
confirmation with nothing to confirm or confirmed twice."""

import pytest

from senate.assurance import brokering
from senate.assurance.recording import Refused


def test_an_organisation_is_a_party_only_once(brokered, cast, trust):
    request, _, _ = brokered
    with pytest.raises(Refused, match="is already a party"):
        brokering.add_party(request=request, organisation=trust, name="Trust again", by=cast["manager"])


def test_a_submission_is_shared_only_once(brokered, cast):
    _, icb_party, _ = brokered
    submission = brokering.submit_position(party=icb_party, title="Our view", summary="...", by=cast["requester"])
    brokering.share(submission=submission, by=cast["manager"])
    with pytest.raises(Refused, match="already shared"):
        brokering.share(submission=submission, by=cast["manager"])


def test_there_is_nothing_to_confirm_before_a_statement_is_written(brokered, cast):
    _, icb_party, _ = brokered
    with pytest.raises(Refused, match="no consensus statement to confirm yet"):
        brokering.confirm(party=icb_party, by=cast["requester"])


def test_a_party_confirms_the_statement_only_once(brokered, cast):
    request, icb_party, _ = brokered
    brokering.write_statement(request=request, text="We agree.", by=cast["manager"])
    brokering.confirm(party=icb_party, by=cast["requester"])
    with pytest.raises(Refused, match="ICB clinical leads has already confirmed"):
        brokering.confirm(party=icb_party, by=cast["requester"])


def test_one_party_confirming_is_not_confirmation_by_all(brokered, cast):
    request, icb_party, _ = brokered
    brokering.write_statement(request=request, text="We agree.", by=cast["manager"])
    brokering.confirm(party=icb_party, by=cast["requester"])
    assert not brokering.confirmed_by_all(request)


def test_writing_the_same_statement_again_keeps_the_confirmations(brokered, cast):
    request, icb_party, _ = brokered
    brokering.write_statement(request=request, text="We agree.", by=cast["manager"])
    brokering.confirm(party=icb_party, by=cast["requester"])
    statement = brokering.write_statement(request=request, text="We agree.", by=cast["manager"])
    assert statement.confirmations.count() == 1
