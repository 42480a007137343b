"""Recording a witness: what the form must hold, how their evidence is named, and decisions without
conflicts."""

import datetime as dt

import pytest

from senate.core.models import AuditEvent
from senate.participation import witnesses
from senate.participation.models import Witness
from senate.participation.witnesses import Declared
from senate.reports.tests.factories import request_at

HEARD_ON = dt.date(2026, 3, 2)


@pytest.fixture
def review(cast):
    return request_at("panel_meeting", by=cast["requester"], places="Barnstaple")


def _witness(cast, review, *declared, **fields):
    values = {
        "request": review, "name": "Dr Ada Lovell", "organisation": "", "kind": "clinician",
        "spoke_to": "Travel times", "heard_on": HEARD_ON, "declared": list(declared), "by": cast["manager"],
        "nothing_to_declare": not declared,
    }  # fmt: skip
    return witnesses.record_witness(**(values | fields))


def test_a_witness_needs_a_name(cast, review):
    with pytest.raises(witnesses.WitnessRefused, match="witness's name") as refused:
        _witness(cast, review, name="  ")
    assert refused.value.field == "name"


def test_a_witness_needs_what_they_spoke_to(cast, review):
    with pytest.raises(witnesses.WitnessRefused, match="what the witness spoke to") as refused:
        _witness(cast, review, spoke_to="")
    assert refused.value.field == "spoke_to"


def test_interests_and_nothing_to_declare_cannot_both_be_recorded(cast, review):
    with pytest.raises(witnesses.WitnessRefused, match="untick 'nothing to declare'"):
        _witness(cast, review, Declared("Stroke Association", "professional", "Trustee"), nothing_to_declare=True)


def test_an_interest_needs_both_its_organisation_and_its_nature(cast, review):
    with pytest.raises(witnesses.WitnessRefused, match="both the organisation and the nature") as refused:
        _witness(cast, review, Declared("Stroke Association", "professional", " "))
    assert refused.value.field == "interests"
    assert not Witness.objects.exists()


def test_blank_interest_rows_are_ignored(cast, review):
    w = _witness(cast, review, Declared(" ", "professional", " "), nothing_to_declare=True)
    assert w.interests.count() == 0 and w.nothing_to_declare


def test_an_organisation_the_senate_knows_is_found_by_its_code(cast, review, icb):
    w = _witness(cast, review, organisation=icb.code.lower())
    assert w.organisation == icb and w.organisation_name == ""


def test_an_organisation_the_senate_does_not_know_is_kept_as_written(cast, review):
    w = _witness(cast, review, organisation=" Stroke Association ")
    assert w.organisation is None and w.organisation_name == "Stroke Association"


def test_the_evidence_list_names_the_witness_their_organisation_and_the_day(cast, review):
    w = _witness(cast, review, organisation="Stroke Association")
    assert witnesses.line(w) == (
        "Witness: Dr Ada Lovell (Stroke Association), clinician, 2 March 2026: spoke to Travel times"
    )


def test_a_witness_with_no_organisation_is_named_without_brackets(cast, review):
    assert witnesses.line(_witness(cast, review)).startswith("Witness: Dr Ada Lovell, clinician,")


def test_the_report_says_what_each_witness_declared(cast, review):
    quiet = _witness(cast, review)
    declared = _witness(cast, review, Declared("Stroke Association", "professional", "Trustee"), name="Bo Reed")
    assert witnesses.declared_line(quiet) == "Nothing to declare"
    assert witnesses.declared_line(declared) == "Declared: Trustee (Stroke Association)"


def test_a_witness_with_nothing_found_may_be_heard_without_a_reason(cast, review):
    w = _witness(cast, review)
    witnesses.decide_witness(witness=w, decision=Witness.Decision.HEAR, reason="", by=cast["manager"])
    assert w.decision == Witness.Decision.HEAR
    event = AuditEvent.objects.get(action="participation.witness_decided")
    assert event.data["changed"]["decision"][1] == "hear"


def test_not_hearing_a_witness_always_needs_a_reason(cast, review):
    w = _witness(cast, review)
    with pytest.raises(witnesses.WitnessRefused, match="Give the reason"):
        witnesses.decide_witness(witness=w, decision=Witness.Decision.NOT_HEARD, reason=" ", by=cast["manager"])


def test_a_witness_not_heard_is_left_out_of_the_report(cast, review):
    heard, dropped = _witness(cast, review), _witness(cast, review, name="Bo Reed")
    witnesses.decide_witness(witness=dropped, decision=Witness.Decision.NOT_HEARD, reason="Ill", by=cast["manager"])
    assert list(witnesses.heard(review)) == [heard]
    assert [line.split(",")[0] for line in witnesses.lines_for(None, review)] == ["Witness: Dr Ada Lovell"]


def test_the_requester_is_not_given_the_witness_lines(cast, review):
    _witness(cast, review)
    assert witnesses.lines_for(cast["requester"], review) == []
