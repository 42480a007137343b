"""Property: every proposal built from database data keeps every hard rule (checked by check.py),
and when a rule cannot be met the run says so and only the counted rules are short."""

from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from senate.analytics.panel_assignment import Answer, Shortfall, violations
from senate.members.models import Body, Profession
from senate.panels import problems, runs
from senate.panels.tests.factories import member, ready_request, spec

SKILLS = ["emergency-medicine", "general-practice", "paediatrics"]
people = st.lists(
    st.tuples(
        st.sampled_from([Profession.DOCTOR, Profession.NURSE, Profession.PPV]),
        st.lists(st.sampled_from(SKILLS), unique=True, max_size=2),
        st.booleans(),  # Council?
        st.sampled_from(["keep", "keep", "pin", "remove"]),
    ),
    min_size=2,
    max_size=8,
)
shapes = st.tuples(
    st.integers(1, 3),  # min size
    st.integers(0, 3),  # extra max size
    st.lists(st.tuples(st.sampled_from(["ppv", *SKILLS]), st.integers(1, 2)), unique_by=lambda r: r[0], max_size=3),
    st.booleans(),  # chair from Council
    st.integers(0, 1),  # members from outside the region
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=people, shape=shapes, requests=st.integers(1, 2))
def test_every_proposal_keeps_every_hard_rule(cast, people, shape, requests):
    with transaction.atomic():
        _check(cast, people, shape, requests)
        transaction.set_rollback(True)


def _check(cast, people, shape, count):
    min_size, extra, rules, chair, away = shape
    max_size = min_size + extra
    rules = [(s, min(n, max_size)) for s, n in rules]
    made = [
        (member(f"P{i}", profession=p, expertise=e, body=Body.COUNCIL if c else Body.ASSEMBLY), choice)
        for i, (p, e, c, choice) in enumerate(people)
    ]
    member("Lent London", senate="london", willing=True)
    requests = [ready_request() for _ in range(count)]
    for r in requests:
        spec(
            r,
            by=cast["manager"],
            rules=rules,
            min_size=min_size,
            max_size=max_size,
            chair_from_council=chair,
            min_out_of_region=min(away, max_size),
        )
        for profile, choice in made:
            if choice != "keep":
                runs.choose(r, profile, kind=choice, by=cast["manager"])
    built = problems.build(requests, on=timezone.localdate())
    run = runs.run_optimiser(requests[0].senate, requests, by=cast["manager"])
    panels = {
        problems.review_id(r.pk): tuple(problems.member_id(s["profile"]) for s in run.for_request(r.pk)["panel"])
        for r in requests
    }
    unmet = [u for r in requests for u in run.for_request(r.pk)["unmet"]]
    answer = Answer(
        status=run.status,
        objective=run.objective,
        bound=run.bound,
        panels=panels,
        shortfalls=tuple(Shortfall("", "", 0, 0, "") for _ in unmet),
    )
    found = violations(built.problem, answer)
    assert run.bound >= run.objective - 1e-6
    removed = {(m, r) for m, r in built.problem.removals}
    for rid, panel in panels.items():
        assert not {(m, rid) for m in panel} & removed, "a removed member was proposed"
    if run.status == "infeasible":
        assert unmet, "an infeasible run names the unmet rules"
        # Only counted rules and sizes may be short; never a may-sit rule, capacity or the largest size.
        assert all(("required" in v or "panel size" in v or "pinned" in v) for v in found), found
        assert not [v for v in found if "panel size" in v and f"..{max_size}" in v and _too_big(v, max_size)]
    else:
        assert found == [] and unmet == []


def _too_big(message: str, max_size: int) -> bool:
    size = int(message.split("panel size ")[1].split(" ")[0])
    return size > max_size
