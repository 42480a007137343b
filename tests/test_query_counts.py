"""The pages that list a Senate's people and work take the same number of database queries whether
they list a handful of rows or many: a page that asked once per row would slow down as a Senate grows
(and with nine Senates on one PostgreSQL). Each test counts a page's queries with a few rows, adds
more rows of the same kind, and counts again."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from senate.interests.tests.factories import declared
from senate.members.models import Body
from senate.members.tests.factories import MembershipFactory
from senate.reviews.tests.factories import RequestFactory

pytestmark = pytest.mark.django_db


MARK = "Rowan Marker"  # in every added row's name or title, to check the rows are on the page


def _queries(client, url: str) -> tuple[int, int]:
    """The page's number of queries, and how many added rows it shows."""
    with CaptureQueriesContext(connection) as seen:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(seen.captured_queries), response.content.decode().count(MARK)


def _steady(client, url: str, add_rows, *, few: int = 2, many: int = 10) -> tuple[int, int]:
    add_rows(few)
    client.get(url)  # warm caches (sessions, content types) before counting
    cache.clear()  # count the work, not the copy kept until the next act (senate.core.cache)
    before, shown_before = _queries(client, url)
    add_rows(many)
    cache.clear()
    after, shown_after = _queries(client, url)
    assert shown_before >= few and shown_after >= shown_before + many, "the added rows are not on the page"
    return before, after


_counter = iter(range(1, 10_000))


def _next() -> int:
    return next(_counter)


def _members(n: int, *, declare: bool = False) -> None:
    for _ in range(n):
        profile = MembershipFactory(body=Body.ASSEMBLY, profile__user__full_name=f"{MARK} {_next()}").profile
        profile.expertise.set([])
        if declare:
            declared(profile, organisation_name="Acme Medical Devices Ltd")


def _requests(requester):
    def add(n: int) -> None:
        for _ in range(n):
            RequestFactory(
                created_by=requester, title=f"{MARK} {_next()}", decision_date=dt.date.today() + dt.timedelta(days=60)
            )

    return add


def test_the_work_queue_does_not_ask_once_per_request(client, cast):
    client.force_login(cast["manager"])
    before, after = _steady(client, "/south-west/requests/work-queue/", _requests(cast["requester"]))
    assert after == before


def test_the_requesters_list_does_not_ask_once_per_request(client, cast):
    client.force_login(cast["requester"])
    before, after = _steady(client, "/south-west/requests/", _requests(cast["requester"]))
    assert after == before


def test_the_member_directory_does_not_ask_once_per_member(client, cast):
    client.force_login(cast["manager"])
    before, after = _steady(client, "/south-west/members/", _members)
    assert after == before


def test_the_public_register_does_not_ask_once_per_member(client, cast):
    before, after = _steady(client, "/south-west/interests/register/", lambda n: _members(n, declare=True))
    assert after == before


def test_who_is_due_to_declare_does_not_ask_once_per_member(client, cast):
    client.force_login(cast["manager"])
    before, after = _steady(client, "/south-west/interests/due/", _members)
    assert after == before


def test_the_panel_candidates_do_not_ask_once_per_member(client, cast):
    """Each candidate carries expertise, screened conflicts, decisions, load and loans."""
    from senate.panels.tests.factories import member, ready_request, spec

    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1), ("emergency-medicine", 1)])

    def add(n: int) -> None:
        for _ in range(n):
            profile = member(f"{MARK} {_next()}", expertise=["emergency-medicine"])
            declared(profile, organisation_name="Devon ICB")

    client.force_login(cast["manager"])
    before, after = _steady(client, f"/south-west/panels/requests/{request.pk}/candidates/", add)
    assert after == before


def test_conflict_screening_does_not_ask_once_per_flagged_member(client, cast):
    """Every added member is flagged (employed by the affected trust, with a declared interest in it);
    every other one is already decided. The page orders and filters them all, then shows a page."""
    from senate.interests.decisions import decide_for_members
    from senate.interests.tests.factories import make_request, trust

    torbay = trust()
    request = make_request(affected=[torbay], created_by=cast["requester"])

    def add(n: int) -> None:
        for i in range(n):
            name = f"{MARK} {_next()}"
            profile = MembershipFactory(body=Body.ASSEMBLY, profile__user__full_name=name, profile__employer=torbay)
            declared(profile.profile, category="professional", organisation=torbay, organisation_name="")
            if i % 2:
                decide_for_members([profile.profile], request, outcome="exclude", rationale="x", by=cast["manager"])

    client.force_login(cast["manager"])
    url = f"/south-west/interests/requests/{request.pk}/screening/?severity=high&kind=role&kind=professional"
    before, after = _steady(client, url, add)
    assert after == before


def _terms_ending_with_inductions(n: int) -> None:
    from senate.participation.induction import start_induction

    for _ in range(n):
        m = MembershipFactory(
            body=Body.ASSEMBLY,
            profile__user__full_name=f"{MARK} {_next()}",
            term_end=dt.date.today() + dt.timedelta(days=40),
        )
        start_induction(m)


def test_terms_ending_and_induction_do_not_ask_once_per_member(client, cast):
    client.force_login(cast["manager"])
    before, after = _steady(client, "/south-west/participation/", _terms_ending_with_inductions)
    assert after == before
    before, after = _steady(client, "/south-west/participation/induction/", _terms_ending_with_inductions)
    assert after == before


def test_the_claims_list_does_not_ask_once_per_claim(client, cast):
    from senate.participation.tests.factories import ClaimFactory

    def add(n: int) -> None:
        for _ in range(n):
            ClaimFactory(profile__user__full_name=f"{MARK} {_next()}")

    client.force_login(cast["manager"])
    before, after = _steady(client, "/south-west/participation/claims/", add)
    assert after == before
