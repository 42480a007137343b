"""The South West Senate's work programme in the demo: a thematic review the Senate opened itself
(sponsored by a Council member), a horizon-scanning item, and open requests in this year's forward
plan with expected dates, each scored with its reasons; feedback on issued advice, a board's
decision, and some support-team time. Built through the same functions as the pages."""

import datetime as dt
import random
from typing import Any

from senate.accounts.models import User
from senate.council.publication import ISSUED_OR_LATER
from senate.organisations.models import Senate
from senate.organisations.queries import organisations_in
from senate.programme import effort, feedback, planning, queries, topics
from senate.reviews.models import Origin, Request
from senate.reviews.stages import Stage

PLANNED_STAGES = [Stage.RECEIVED, Stage.ACCEPTED, Stage.TOR_DRAFTED, Stage.TOR_AGREED, Stage.PANEL_RECRUITED]
REASONS = {
    0: "Little bearing on this",
    1: "A small part of the case",
    2: "Some bearing",
    3: "A clear bearing",
    4: "A strong bearing",
    5: "Central to the work",
}


def build(rng: random.Random, *, today: dt.date) -> None:
    senate = Senate.objects.get(slug="south-west")
    manager = User.objects.get(email="manager@demo.senate.example")
    sponsor = User.objects.get(email="council@demo.senate.example")
    lead = organisations_in(senate).filter(type="icb").exclude(code="QJK").first()
    thematic = topics.open_topic(
        senate=senate,
        kind="thematic",
        title="Frailty and urgent community response across the South West",
        description="How frailty pathways and two-hour urgent community response compare across the region's ICBs, "
        "and what a good model of care looks like.",
        lead_organisation=lead,
        sponsor_member=sponsor,
        by=manager,
    )
    scan = topics.open_topic(
        senate=senate,
        kind="horizon",
        title="Genomic medicine in routine care: what services will need in five years",
        description="Horizon scanning for the Council's strategy day.",
        lead_organisation=None,
        sponsor_member=User.objects.get(email="chair@demo.senate.example"),
        by=manager,
    )
    _plan(senate, thematic, scan, manager, rng, today)
    _impact(senate, manager, rng, today)


def _plan(senate: Senate, thematic: topics.Topic, scan: topics.Topic, manager: User, rng: random.Random,
          today: dt.date) -> None:  # fmt: skip
    year = planning.plan_year_of(today)
    start, end = planning.year_bounds(year)
    meetings = queries.meetings_ahead(senate, year)
    requests = list(
        Request.objects.filter(senate=senate, stage__in=PLANNED_STAGES, origin=Origin.REQUESTER).order_by("reference")
    )
    things: list[dict[str, Any]] = [{"request": thematic.request}, {"topic": scan}]
    things += [{"request": r} for r in requests]
    criteria = planning.criteria_for(senate)
    for n, thing in enumerate(things):
        begin = start + dt.timedelta(days=20 + 30 * n)
        panel = begin + dt.timedelta(days=70)
        due = panel + dt.timedelta(days=60)
        meeting = next((m for m in meetings if m.date > panel), None)
        item = planning.add_to_plan(
            senate=senate, year=year, by=manager, expected_start=begin, expected_panel=panel,
            advice_due=min(due, end), council_meeting=meeting, panels_needed=1 if n != 1 else 0, **thing,
        )  # fmt: skip
        values = [rng.randint(1, 5) for _ in criteria]
        planning.score_item(item, {c.pk: (v, REASONS[v]) for c, v in zip(criteria, values, strict=True)}, by=manager)


def _impact(senate: Senate, manager: User, rng: random.Random, today: dt.date) -> None:
    issued = list(
        Request.objects.filter(senate=senate, origin=Origin.REQUESTER, stage__in=ISSUED_OR_LATER).order_by("reference")
    )
    day = min(today, dt.date.today())
    for n, request in enumerate(issued):
        contacts = feedback.contacts(request)
        if not contacts:
            continue
        feedback.give_feedback(
            request, usefulness=rng.randint(4, 5), timeliness=rng.randint(2, 5), clarity=rng.randint(3, 5),
            would_ask_again=True, comments="The panel's site visits made the difference." if n == 0 else "",
            by=contacts[0],
        )  # fmt: skip
        for activity, minutes in (("triage", 45), ("panel", rng.randint(120, 300)), ("report", rng.randint(180, 420))):
            effort.record_effort(request, minutes=minutes, activity=activity, on=day, note="", by=manager)
    decided = next((r for r in issued if r.stage in {Stage.FOLLOW_UP, Stage.CLOSED} and feedback.contacts(r)), None)
    if decided is not None:
        feedback.record_board_decision(
            decided, decided_on=day - dt.timedelta(days=20), influence="shaped",
            decision="The board agreed to consult on the option the Senate found best supported by the evidence.",
            how="The Senate's recommendations on workforce and travel times were written into the consultation document.",
            by=feedback.contacts(decided)[0],
        )  # fmt: skip
