"""Withholding an entry from the register and publishing it again: the refusals a manager sees, what
is kept on the record, and what the public register shows after each."""

import pytest

from senate.core.models import AuditEvent
from senate.interests.models import PublicationDecision
from senate.interests.publication import PublicationRefused, publish_declaration, withhold_declaration
from senate.interests.register import public_register
from senate.interests.tests.conftest import ago
from senate.interests.tests.factories import declared


@pytest.fixture
def entry(council_profile):
    return declared(council_profile, nature="Paid adviser to Acme Medical", started_on=ago(30))


def _natures(senate):
    return [e.nature for e in public_register(senate, on=ago(0)).entries]


def test_withholding_without_grounds_is_refused_and_nothing_is_recorded(entry, cast):
    with pytest.raises(PublicationRefused, match="Select whether the entry is withheld for privacy or for safety"):
        withhold_declaration(entry, grounds="embarrassment", reason="Awkward", by=cast["manager"])
    entry.refresh_from_db()
    assert not entry.withheld and not PublicationDecision.objects.exists()


def test_withholding_with_a_blank_reason_is_refused(entry, cast):
    with pytest.raises(PublicationRefused, match="Enter the reason for withholding this entry"):
        withhold_declaration(entry, grounds="privacy", reason="   ", by=cast["manager"])
    assert not AuditEvent.objects.filter(action="interests.withheld").exists()


def test_the_reason_for_withholding_is_kept_without_surrounding_spaces(entry, cast):
    withhold_declaration(entry, grounds="safety", reason="  Risk of harm  ", by=cast["manager"])
    decision = PublicationDecision.objects.get()
    assert (decision.withheld, decision.grounds, decision.reason, decision.by) == (
        True,
        "safety",
        "Risk of harm",
        cast["manager"],
    )


def test_the_audit_trail_says_on_what_grounds_an_entry_was_withheld(entry, cast, senate):
    withhold_declaration(entry, grounds="privacy", reason="Family", by=cast["manager"], senate=senate)
    event = AuditEvent.objects.get(action="interests.withheld")
    assert event.data == {"grounds": "privacy"} and event.senate == senate
    assert event.summary.endswith("withheld from the register (privacy)")


def test_a_withheld_entry_leaves_the_register_and_is_counted_as_withheld(entry, cast, senate):
    assert "Paid adviser to Acme Medical" in _natures(senate)
    withhold_declaration(entry, grounds="privacy", reason="Family", by=cast["manager"])
    register = public_register(senate, on=ago(0))
    assert "Paid adviser to Acme Medical" not in [e.nature for e in register.entries]
    assert register.withheld == 1


def test_publishing_an_entry_that_is_not_withheld_is_refused(entry, cast):
    with pytest.raises(PublicationRefused, match="This entry is not withheld."):
        publish_declaration(entry, by=cast["manager"])
    assert not PublicationDecision.objects.exists()


def test_publishing_again_without_a_reason_records_published_again(entry, cast, senate):
    withhold_declaration(entry, grounds="safety", reason="Risk", by=cast["manager"])
    publish_declaration(entry, by=cast["manager"], reason="  ", senate=senate)
    latest = PublicationDecision.objects.order_by("-at", "-pk").first()
    assert (latest.withheld, latest.grounds, latest.reason) == (False, "", "Published again")
    entry.refresh_from_db()
    assert not entry.withheld and entry.withheld_grounds == ""
    assert AuditEvent.objects.filter(action="interests.published", senate=senate).exists()


def test_an_entry_published_again_is_back_on_the_register(entry, cast, senate):
    withhold_declaration(entry, grounds="safety", reason="Risk", by=cast["manager"])
    publish_declaration(entry, by=cast["manager"], reason="Risk has passed")
    assert "Paid adviser to Acme Medical" in _natures(senate)


def test_publishing_again_does_not_override_the_members_own_choice(council_profile, cast, senate):
    private = declared(council_profile, nature="Sister works for a bidder", may_publish=False, started_on=ago(30))
    withhold_declaration(private, grounds="privacy", reason="Family", by=cast["manager"])
    publish_declaration(private, by=cast["manager"])
    assert "Sister works for a bidder" not in _natures(senate)
