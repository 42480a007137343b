"""The optimiser over database data: proposals, reasons, unmet rules, pins, removals and deploying."""

import pytest

from senate.interests.decisions import decide_conflicts
from senate.interests.tests.factories import declared
from senate.members.models import Body, Profession
from senate.notifications.models import Email
from senate.panels import runs
from senate.panels.models import PanelChoice, PanelMember
from senate.panels.tests.factories import member, ready_request, spec


@pytest.fixture
def pool(cast):
    return {
        "ppv": member("Pat Voice", profession=Profession.PPV),
        "ed1": member("Eve Emergency", expertise=["emergency-medicine"], body=Body.COUNCIL),
        "ed2": member("Ed Urgent", expertise=["emergency-medicine"]),
        "gp": member("Gina Practice", expertise=["general-practice"]),
        "nurse": member("Nia Nurse", profession=Profession.NURSE),
    }


def test_the_proposal_meets_every_rule_and_says_why(cast, pool):
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1), ("emergency-medicine", 2)], chair_from_council=True)
    run = runs.run_optimiser(request.senate, [request], by=cast["manager"])
    panel = run.for_request(request.pk)["panel"]
    chosen = {s["profile"] for s in panel}
    assert {pool["ppv"].pk, pool["ed1"].pk, pool["ed2"].pk} <= chosen
    assert run.status == "optimal" and run.bound >= run.objective
    assert run.for_request(request.pk)["unmet"] == []
    reasons = {s["profile"]: s["reason"] for s in panel}
    assert "Emergency medicine" in reasons[pool["ed1"].pk]
    roles = {s["profile"]: s["role"] for s in panel}
    assert roles[pool["ed1"].pk] == "chair" and roles[pool["ppv"].pk] == "ppv"
    assert not PanelMember.objects.exists() and not Email.objects.filter(kind="panels.invitation").exists()


def test_an_unmet_rule_is_named_with_the_reason(cast, pool):
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("profession:social_care", 1)])
    run = runs.run_optimiser(request.senate, [request], by=cast["manager"])
    (unmet,) = run.for_request(request.pk)["unmet"]
    assert unmet["rule"] == "Social care" and unmet["needed"] == 1 and unmet["found"] == 0
    assert run.status == "infeasible"


def test_an_excluded_member_is_never_proposed(cast, pool):
    request = ready_request()
    declared(pool["ed1"], organisation=request.requesting_organisation, nature="Director")
    from senate.interests.decisions import conflicts_for

    keys = [c.key for c in conflicts_for(pool["ed1"], request)]
    assert keys, "the declaration should screen as a conflict"
    decide_conflicts(pool["ed1"], request, keys=keys, outcome="exclude", rationale="Board member", by=cast["manager"])
    spec(request, by=cast["manager"], rules=[("emergency-medicine", 2)])
    run = runs.run_optimiser(request.senate, [request], by=cast["manager"])
    assert pool["ed1"].pk not in {s["profile"] for s in run.for_request(request.pk)["panel"]}
    (unmet,) = run.for_request(request.pk)["unmet"]
    assert "conflict" in unmet["why"]


def test_pins_and_removals_are_kept_at_the_next_run(cast, pool):
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1)], min_size=3, max_size=3)
    runs.choose(request, pool["gp"], kind=PanelChoice.Kind.PIN, by=cast["manager"])
    runs.choose(request, pool["ed1"], kind=PanelChoice.Kind.REMOVE, by=cast["manager"])
    run = runs.run_optimiser(request.senate, [request], by=cast["manager"])
    chosen = {s["profile"] for s in run.for_request(request.pk)["panel"]}
    assert pool["gp"].pk in chosen and pool["ed1"].pk not in chosen


def test_nothing_is_sent_until_deployed_then_everyone_is_invited(cast, pool):
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1)])
    run = runs.run_optimiser(request.senate, [request], by=cast["manager"])
    sent = runs.deploy(run, by=cast["manager"])
    assert len(sent) == len(run.for_request(request.pk)["panel"]) >= 3
    assert Email.objects.filter(kind="panels.invitation").count() == len(sent)
    with pytest.raises(runs.RunRefused, match="already been sent"):
        runs.deploy(run, by=cast["manager"])


def test_an_older_run_cannot_be_deployed(cast, pool):
    request = ready_request()
    spec(request, by=cast["manager"])
    old = runs.run_optimiser(request.senate, [request], by=cast["manager"])
    runs.run_optimiser(request.senate, [request], by=cast["manager"])
    with pytest.raises(runs.RunRefused, match="newer run"):
        runs.deploy(old, by=cast["manager"])


def test_concurrent_requests_share_a_scarce_member(cast, pool):
    """Two requests each need a PPV member; the only PPV member sits on one (max_panels 2 allows both)."""
    a, b = ready_request(), ready_request()
    for r in (a, b):
        spec(r, by=cast["manager"], rules=[("ppv", 1)], min_size=2, max_size=2)
    run = runs.run_optimiser(a.senate, [a, b], by=cast["manager"])
    for r in (a, b):
        assert pool["ppv"].pk in {s["profile"] for s in run.for_request(r.pk)["panel"]}
