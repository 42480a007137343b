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
        no_recommendations=True,
        rationale="Works in another directorate",
        by=cast["manager"],
    )
    attest(council_profile, stroke_review, specific="I trained at Torbay Hospital", by=cast["council"])

    cara, priya = declarations_for_panel(stroke_review, [candidate, council_profile], on=dt.date.today())

    assert (cara.member, cara.role) == ("Cara Candidate", "Assembly: Recruited member")
    assert cara.interests == ["Employed by Torbay and South Devon NHS Foundation Trust, an affected organisation"]
    assert cara.decisions == [
        "Take part with a restriction (May not agree or vote on the recommendations): Works in another directorate"
    ]
    assert (priya.role, priya.interests, priya.declared_for_review) == (
        "Council: Clinical member",
        [],
        "I trained at Torbay Hospital",
    )
    assert not priya.nothing_to_declare


def test_the_report_says_every_member_declared_only_when_the_record_shows_it(cast, stroke_review, council_profile):
    from senate.interests.models import Kind
    from senate.interests.panel import declaration_records, declaration_statement
    from senate.interests.tests.factories import declared

    today = dt.date.today()
    assert declaration_statement(declaration_records(stroke_review, [council_profile], on=today)) == [
        "0 of the 1 members of the panel confirmed their declarations of interest for this review before "
        "opening its evidence.",
        "Not confirmed for this review: Priya Council.",
        "Priya Council has never declared their interests.",
    ]
    declared(council_profile, kind=Kind.NIL)
    attest(council_profile, stroke_review, by=cast["council"])
    (said,) = declaration_statement(declaration_records(stroke_review, [council_profile], on=today))
    assert said.startswith("Every member of the panel confirmed their declarations of interest for this review")


def test_a_bigger_panel_s_declarations_take_no_more_queries(cast, stroke_review, torbay):
    """Issue 19: the report's appendix and its statement read the whole panel's declarations, decisions
    (with the criteria a restriction names), attestations and where each member stands with the
    register at once, not member by member, and the conflict policy, attestations and memberships
    once for both."""
    from django.apps import apps
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from senate.interests.panel import panel_declarations
    from senate.interests.tests.factories import declared
    from senate.members.tests.factories import MembershipFactory

    criterion = apps.get_model("reports", "Criterion").objects.filter(senate__isnull=True).order_by("pk").first()
    today, panel, made = dt.date.today(), [], iter(range(100))

    def add(n):
        for _ in range(n):
            i = next(made)
            profile = MembershipFactory(profile__user__full_name=f"Panellist {i}", profile__employer=torbay).profile
            if i % 2 == 0:  # every other member has never declared
                declared(profile, category="professional", organisation=torbay, organisation_name="")
            decide_conflicts(
                profile, stroke_review, keys=[f"employed:{torbay.pk}"], outcome="restrict", no_recommendations=True,
                no_criteria=[criterion.pk] if criterion else [], rationale="Another directorate", by=cast["manager"],
            )  # fmt: skip
            attest(profile, stroke_review, specific=f"Trained at Torbay {i}", by=profile.user)
            panel.append(profile)

    def read():
        with CaptureQueriesContext(connection) as seen:
            found = panel_declarations(stroke_review, panel, on=today)
        for table in ("interests_conflictpolicy", "interests_attestation", "members_membership"):
            reads = [q for q in seen.captured_queries if f'FROM "{table}"' in q["sql"]]
            assert len(reads) == 1, f"{table} read {len(reads)} times for the table and the statement"
        return len(seen.captured_queries), (found.rows, found.records)

    add(1)
    few, _ = read()
    add(5)
    many, (declarations, records) = read()
    assert many == few
    assert [d.member for d in declarations] == [f"Panellist {i}" for i in range(6)]
    assert all(d.decisions[0].startswith("Take part with a restriction (") for d in declarations)
    if criterion:
        assert all(f"judgement on: {criterion}" in d.decisions[0] for d in declarations)
    assert [d.declared_for_review for d in declarations] == [f"Trained at Torbay {i}" for i in range(6)]
    assert [r.register for r in records] == [
        "" if i % 2 == 0 else f"Panellist {i} has never declared their interests" for i in range(6)
    ]
