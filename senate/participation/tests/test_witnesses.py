"""Invited witnesses and experts: their declaration screened against the request like a member's, the
Senate team's decision, and their evidence in the request's evidence list and report (issue 16)."""

import datetime as dt

import pytest

from senate.core.models import AuditEvent
from senate.organisations.models import Organisation
from senate.participation import witnesses
from senate.participation.models import Witness
from senate.participation.witnesses import Declared
from senate.reports import compose
from senate.reports.tests.factories import draft, request_at, seat

HEARD_ON = dt.date(2026, 3, 2)


@pytest.fixture
def review(cast):
    """A formal review from Devon ICB (the cast's requester's), at the panel meeting."""
    return request_at("panel_meeting", by=cast["requester"], places="Barnstaple")


def _witness(cast, review, *declared, organisation="", name="Dr Ada Lovell", **fields):
    return witnesses.record_witness(
        request=review, name=name, organisation=organisation, kind="clinician",
        spoke_to="Travel times to the hyper-acute stroke unit", heard_on=HEARD_ON, declared=list(declared),
        by=cast["manager"], **({"nothing_to_declare": not declared} | fields),
    )  # fmt: skip


def test_a_financial_interest_in_the_requester_is_a_conflict(cast, review):
    devon = Organisation.objects.get(code="QJK")
    w = _witness(cast, review, Declared(devon.name, "financial", "Paid advisory work on the stroke programme"))
    found = witnesses.screen_witness(w)
    assert witnesses.outcome(found) is witnesses.CONFLICT
    assert "NHS Devon Integrated Care Board, the requesting organisation" in found[0].reason


def test_an_interest_naming_a_place_affected_is_a_possible_conflict(cast, review):
    w = _witness(cast, review, Declared("North Devon Stroke Club", "personal", "Volunteer at a club in Barnstaple"))
    assert witnesses.outcome(witnesses.screen_witness(w)) is witnesses.POSSIBLE


def test_an_interest_elsewhere_is_no_conflict(cast, review):
    w = _witness(cast, review, Declared("Stroke Association", "professional", "Trustee"))
    assert witnesses.outcome(witnesses.screen_witness(w)) is witnesses.NONE


def test_a_witness_without_a_declaration_is_refused_and_nothing_is_written(cast, review):
    with pytest.raises(witnesses.WitnessRefused, match="declaration of interests") as refused:
        _witness(cast, review, nothing_to_declare=False)
    assert refused.value.field == "nothing_to_declare"
    assert not Witness.objects.exists()
    assert not AuditEvent.objects.filter(action="participation.witness_recorded").exists()


def test_a_conflict_must_be_noted_or_not_heard_with_a_reason(cast, review):
    w = _witness(cast, review, organisation="QJK")  # works for the requesting ICB
    with pytest.raises(witnesses.WitnessRefused, match="Screening found a conflict"):
        witnesses.decide_witness(witness=w, decision="hear", reason="Fine", by=cast["manager"])
    with pytest.raises(witnesses.WitnessRefused, match="Give the reason") as refused:
        witnesses.decide_witness(witness=w, decision="hear_noted", reason=" ", by=cast["manager"])
    assert refused.value.field == "reason"
    witnesses.decide_witness(witness=w, decision="hear_noted", reason="Evidence of fact only", by=cast["chair"])
    event = AuditEvent.objects.get(action="participation.witness_decided")
    assert (event.actor, event.data["reason"]) == (cast["chair"], "Evidence of fact only")


def test_the_panel_sees_the_witness_in_the_evidence_list_and_the_requester_does_not_yet(client, cast, review):
    _witness(cast, review, organisation="Stroke Association")
    seat(cast["assembly"], review)
    line = "Witness: Dr Ada Lovell (Stroke Association), clinician, 2 March 2026: spoke to Travel times"
    client.force_login(cast["assembly"])
    assert line in client.get(f"/south-west/evidence/requests/{review.pk}/").content.decode()
    client.force_login(cast["requester"])
    assert "Witness: Dr Ada Lovell" not in client.get(f"/south-west/evidence/requests/{review.pk}/").content.decode()


def test_the_report_lists_the_witnesses_heard_with_their_declarations(cast, review):
    _witness(cast, review, Declared("Stroke Association", "professional", "Trustee"), organisation="Royal Devon")
    left_out = _witness(cast, review, name="Mr Not Heard")
    witnesses.decide_witness(witness=left_out, decision="not_heard", reason="Withdrew", by=cast["manager"])
    section = next(s for s in compose.compose(draft(review, by=cast["manager"])).sections if s.key == "evidence")
    heard = next(b for b in section.blocks if b.kind == "list")
    assert heard.items == (
        "Witness: Dr Ada Lovell (Royal Devon), clinician, 2 March 2026: spoke to Travel times to the "
        "hyper-acute stroke unit. Declared: Trustee (Stroke Association).",
    )


def test_the_team_records_a_witness_and_sees_the_screening_outcome(client, cast, review):
    client.force_login(cast["manager"])
    answer = client.post(
        f"/south-west/participation/requests/{review.pk}/witnesses/new/",
        {
            "name": "Ms Jo Carer", "organisation": "QJK", "kind": "patient_carer", "spoke_to": "Family visiting",
            "heard_on[day]": "2", "heard_on[month]": "3", "heard_on[year]": "2026",
            "interest_1_organisation": "", "interest_1_category": "professional", "interest_1_nature": "",
            "nothing_to_declare": "on",
        },
        follow=True,
    )  # fmt: skip
    page = answer.content.decode()
    assert "Ms Jo Carer" in page and "NHS Devon Integrated Care Board" in page
    assert "Conflict" in page and "Works for NHS Devon Integrated Care Board, the requesting organisation" in page


def test_the_demo_has_witnesses_on_the_review_at_its_draft_report(db, monkeypatch):
    from senate.demo import participation_world, requests_world, world

    monkeypatch.setattr(world, "WORLD_PARTS", [requests_world, participation_world])
    world.build(scale="tiny", seed=7, today=dt.date(2026, 11, 23))
    heard = Witness.objects.filter(request__senate__slug="south-west", request__stage="draft_report")
    assert [(w.name, witnesses.outcome(witnesses.screen_witness(w)).label, w.decision) for w in heard] == [
        ("Dr Imran Qureshi", "Conflict", "hear_noted"),
        ("Mrs Ruth Penhale", "No conflict found", "hear"),
    ]
