"""Every HTML page the page benchmark measures (bench/pages/pages.py, issue 19) takes the same number
of database queries in a small world and in a bigger one: a page that asked once per row would slow
down as a Senate grows. The small world is the tiny demo world; the bigger one adds to it members
with declared interests in the demo Senate, requests from the demo requester and a decade of past
reviews with their panels (senate.demo.history_world). Both are built once for the module, and each
page is counted as its role in each. Pages that still grow are marked xfail(strict=True) with what
grows, so the mark must go when the page is fixed."""

import datetime as dt
import random

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.test_bench_pages import bench_pages

pytestmark = pytest.mark.django_db  # the test database is made only for a module that asks for it

TODAY = dt.date.today()
LISTED = bench_pages()
HTML = [page for page in LISTED.PAGES if page.kind == "html" and page.name != "core:health"]

# Pages whose count grows with the data today, and what grows (issue 19: fixed by others, flipped here).
GROWS: dict[str, str] = {}


class _Rollback(Exception):
    pass


def _count(client: Client, url: str) -> tuple[int, int]:
    cache.clear()  # count the work, not the copy kept until the next act (senate.core.cache)
    with CaptureQueriesContext(connection) as seen:
        response = client.get(url)
    return response.status_code, len(seen.captured_queries)


def _count_every_page(clients: dict[str, Client]) -> dict[str, tuple[int, int] | str]:
    counts: dict[str, tuple[int, int] | str] = {}
    for page in HTML:
        try:
            url = LISTED.url_of(page)
        except Exception as error:  # noqa: BLE001 - reported by the page's test
            counts[page.label] = f"not found in the world: {type(error).__name__}: {error}"
            continue
        client = clients[page.role]
        client.get(url)  # warm what every request reads once a process (content types, the session)
        counts[page.label] = _count(client, url)
    return counts


def _grow() -> None:
    """Many more rows of what the pages list: members with declarations, requests, past reviews."""
    from senate.accounts.models import User
    from senate.demo import history_world
    from senate.interests.tests.factories import declared
    from senate.members.models import Body
    from senate.members.tests.factories import MembershipFactory
    from senate.organisations.models import Senate
    from senate.reviews.tests.factories import RequestFactory

    senate = Senate.objects.get(slug=LISTED.SENATE)
    requester = User.objects.get(email=f"requester{LISTED.DEMO}")
    for n in range(12):
        membership = MembershipFactory(senate=senate, body=Body.ASSEMBLY, profile__user__full_name=f"Grown Member {n}")
        declared(membership.profile, organisation_name=f"Grown Devices Ltd {n}")
        RequestFactory(senate=senate, created_by=requester, title=f"Grown request {n}")
    history_world.build(random.Random(7), today=TODAY, count=40)


def _complete() -> None:
    """What the tiny world lacks that a page of the list is about: a claim for payment."""
    from senate.participation.tests.factories import ClaimFactory

    ClaimFactory()


GROWN_ON = {  # (role, page): what each of these pages shows of the rows _grow adds
    ("manager", "members:directory"): "Grown Member",
    ("anonymous", "interests:register"): "Grown Devices Ltd",
    ("requester", "reviews:list"): "Grown request",
}


def _grown_rows_shown(clients: dict[str, Client]) -> dict[str, int]:
    from django.urls import reverse

    shown = {}
    for (role, name), mark in GROWN_ON.items():
        page = clients[role].get(reverse(name, kwargs={"senate": LISTED.SENATE}))
        shown[name] = page.content.decode().count(mark)
    return shown


@pytest.fixture(scope="module")
def counts(django_db_setup, django_db_blocker):
    """{page label: (small, big)} where each is (status, queries), or why the page was not found."""
    from senate.accounts.models import User
    from senate.demo import world

    result: dict[str, tuple] = {}
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                world.build(scale="tiny", seed=19, today=TODAY)
                _complete()
                clients = {"anonymous": Client()}
                for role in {page.role for page in HTML} - {"anonymous"}:
                    clients[role] = Client()
                    clients[role].force_login(User.objects.get(email=f"{role}{LISTED.DEMO}"))
                small = _count_every_page(clients)
                _grow()
                big = _count_every_page(clients)
                result = {label: (small[label], big[label]) for label in small}
                result["grown"] = _grown_rows_shown(clients)
                raise _Rollback
        except _Rollback:
            pass
    cache.clear()
    return result


def _params():
    for page in HTML:
        marks = [pytest.mark.xfail(strict=True, reason=GROWS[page.label])] if page.label in GROWS else []
        yield pytest.param(page.label, id=page.label, marks=marks)


@pytest.mark.parametrize("label", list(_params()))
def test_the_page_takes_as_many_queries_with_many_rows_as_with_few(counts, db, label):
    small, big = counts[label]
    assert not isinstance(small, str), small
    assert not isinstance(big, str), big
    assert small[0] == 200 and big[0] == 200, f"{label} answered {small[0]} then {big[0]}"
    assert big[1] == small[1], f"{label}: {small[1]} queries with few rows, {big[1]} with many"


def test_the_rows_added_are_on_the_pages_that_list_them(counts, db):
    """Otherwise the bigger world would not be bigger where it counts."""
    assert all(n >= 1 for n in counts["grown"].values()), counts["grown"]  # the directory is paged
