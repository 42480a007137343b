import datetime as dt

from senate.interests.attestation import attest
from senate.interests.decisions import decide_conflicts, dismiss_conflict, screening_for
from senate.interests.panel import declarations_for_panel


def test_the_panels_declarations_are_ready_for_the_report_appendix(
    cast, stroke_review, candidate, council_profile, torbay
):
    place = next(
        s.conflict.key for s in screening_for(candidate, stroke_review).states if s.conflict.key.endswith(":place")
    )
    dismiss_conflict(candidate, stroke_review, key=place, reason="A rowing club", by=cast["manager"])
    decide_conflicts(
        candidate,
        stroke_review,
        keys=[f"employed:{torbay.pk}"],
        outcome="restrict",
        restriction="No vote",
        rationale="Works in another directorate",
        by=cast["manager"],
    )
    attest(council_profile, stroke_review, specific="I trained at Torbay Hospital", by=cast["council"])

    cara, priya = declarations_for_panel(stroke_review, [candidate, council_profile], on=dt.date.today())

    assert (cara.member, cara.role) == ("Cara Candidate", "Assembly: Recruited member")
    assert cara.interests == ["Employed by Torbay and South Devon NHS Foundation Trust, an affected organisation"]
    assert cara.decisions == ["Take part with a restriction (No vote): Works in another directorate"]
    assert (priya.role, priya.interests, priya.declared_for_review) == (
        "Council: Clinical member",
        [],
        "I trained at Torbay Hospital",
    )
    assert not priya.nothing_to_declare
