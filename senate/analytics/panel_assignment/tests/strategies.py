"""Hypothesis strategies: tiny problems that an exhaustive search can still solve."""

from __future__ import annotations

from hypothesis import strategies as st

from ..problem import Member, Problem, Requirement, Review

SKILLS = ("patient-public-voice", "emergency-medicine", "social-care")
REGIONS = ("london", "north-west")
ORGS = ("RA7", "QUY", "RJ1")


@st.composite
def members(draw: st.DrawFn, n: int) -> tuple[Member, ...]:
    return tuple(
        Member(
            id=f"M{i}",
            region=draw(st.sampled_from(REGIONS)),
            organisations=tuple(draw(st.lists(st.sampled_from(ORGS), max_size=1))),
            skills=tuple(draw(st.lists(st.sampled_from(SKILLS), max_size=2, unique=True))),
            max_panels=draw(st.integers(0, 2)),
        )
        for i in range(n)
    )


@st.composite
def reviews(draw: st.DrawFn, n: int, api: bool) -> tuple[Review, ...]:
    found = []
    for j in range(n):
        panel_max = draw(st.integers(1, 3))
        skills = draw(st.lists(st.sampled_from(SKILLS), max_size=2, unique=True))
        found.append(
            Review(
                id=f"R{j}",
                region=draw(st.sampled_from(REGIONS)),
                affected_organisations=tuple(draw(st.lists(st.sampled_from(ORGS), max_size=1))),
                panel_min=draw(st.integers(0, panel_max)),
                panel_max=panel_max,
                out_of_region=draw(st.booleans()),
                requirements=tuple(Requirement(s, draw(st.integers(1, min(2, panel_max)))) for s in skills),
                min_out_of_region=draw(st.integers(0, 1)) if api else 0,
            )
        )
    return tuple(found)


@st.composite
def problems(draw: st.DrawFn, *, max_members: int = 6, max_reviews: int = 3, api: bool = False) -> Problem:
    """Random tiny problems; `api` adds removals and min_out_of_region (never pins: see test_pins)."""
    pool = draw(members(draw(st.integers(1, max_members))))
    asked = draw(reviews(draw(st.integers(1, max_reviews)), api))
    pairs = [(m.id, r.id) for m in pool for r in asked]
    scores = st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.8, 1.0])
    affinity = {pair: draw(scores) for pair in draw(st.lists(st.sampled_from(pairs), unique=True))}
    conflicts = frozenset(draw(st.lists(st.sampled_from(pairs), max_size=2)))
    removals = frozenset(draw(st.lists(st.sampled_from(pairs), max_size=2))) if api else frozenset()
    return Problem(pool, asked, conflicts, affinity, removals=removals)
