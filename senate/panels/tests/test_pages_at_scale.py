"""The manager's panel pages stay the same size of work however many members, seats or requests they
cover (issue 19): their queries do not grow with the rows, the candidates page pages and filters the
whole pool on the server and explains the fit of the rows it shows exactly as the optimiser sees it,
and the optimiser run page shows a run over many requests a few at a time with every request listed."""

import ast
import datetime as dt
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from senate.interests.tests.factories import declared
from senate.members.models import Profession
from senate.members.tests.factories import MembershipFactory
from senate.organisations.models import Senate
from senate.panels import queries
from senate.panels.candidates import candidates_for
from senate.panels.models import OptimiserRun, PanelChoice
from senate.panels.specs import spec_of
from senate.panels.tests.factories import member, ready_request, seat, spec

pytestmark = pytest.mark.django_db

_names = iter(range(1, 100_000))


def _count(client, url: str) -> tuple[int, str]:
    client.get(url)  # warm caches (session, content types)
    cache.clear()
    with CaptureQueriesContext(connection) as seen:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(seen.captured_queries), response.content.decode()


def _members(n: int, **kwargs) -> list:
    return [member(f"Quinn Scale {next(_names):05d}", **kwargs) for _ in range(n)]


def _candidates_url(request) -> str:
    return f"/south-west/panels/requests/{request.pk}/candidates/"


def test_the_candidates_page_asks_the_same_queries_for_one_member_or_many(client, cast):
    """The same Senates lend in both counts: each lending Senate's declarations table is read once
    (so the queries follow the number of Senates, at most nine, never the members)."""
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1)], starts_on=dt.date.today() + dt.timedelta(days=30))
    client.force_login(cast["manager"])
    _members(1, expertise=["emergency-medicine"])
    _members(1, senate="london", willing=True)
    one, page = _count(client, _candidates_url(request))
    assert page.count("<strong>Quinn Scale") == 2
    _members(30, expertise=["emergency-medicine"])
    _members(10, senate="london", willing=True)
    many, page = _count(client, _candidates_url(request) + "?sort=name")
    assert page.count("<strong>Quinn Scale") >= 20  # a page of the added members, among the cast
    assert many == one


def test_the_candidates_page_pages_the_whole_pool_on_the_server(client, cast):
    request = ready_request()
    _members(30)
    client.force_login(cast["manager"])
    total = len(candidates_for(request, on=dt.date.today()))
    first = client.get(_candidates_url(request) + "?sort=name").content.decode()
    assert f"{total} candidates, page 1 of 2" in first
    second = client.get(_candidates_url(request) + "?sort=name&page=2").content.decode()
    shown = re.findall(r"<strong>(Quinn Scale \d+)", first) + re.findall(r"<strong>(Quinn Scale \d+)", second)
    assert len(set(shown)) == 30 and shown == sorted(shown)


def test_the_shown_rows_explain_their_fit_as_the_optimiser_sees_it(client, cast):
    request = ready_request(services=("emergency-medicine", "stroke"))
    _members(3, expertise=["emergency-medicine"])
    _members(2, expertise=["emergency-medicine", "stroke"])
    _members(2, profession=Profession.PPV)
    client.force_login(cast["manager"])
    everyone = candidates_for(request, on=dt.date.today(), spec=spec_of(request))
    shown = queries.candidate_page(request, on=dt.date.today(), spec=spec_of(request)).found
    assert [c.profile.pk for c in shown] == [c.profile.pk for c in everyone][: len(shown)]
    assert [(c.fit, c.fit_words, c.blocked) for c in shown] == [(c.fit, c.fit_words, c.blocked) for c in everyone][
        : len(shown)
    ]
    page = client.get(_candidates_url(request)).content.decode()
    assert shown[0].fit_words[0].startswith("Holds 2 of the 2 service areas asked for (")
    assert all(w in page for c in shown for w in c.fit_words)
    assert page.index("Holds 2 of the 2") < page.index("Holds 1 of the 2")  # best fit first


def test_filtering_by_a_skill_the_request_does_not_ask_for_finds_its_holders(client, cast):
    request = ready_request(services=("emergency-medicine",))
    (stroke,) = _members(1, expertise=["stroke"])
    _members(3, expertise=["emergency-medicine"])
    client.force_login(cast["manager"])
    page = client.get(_candidates_url(request) + "?skill=stroke").content.decode()
    assert str(stroke) in page and "1 candidate" in page


def test_the_name_search_and_other_senates_filters_run_over_the_whole_pool(client, cast):
    request = ready_request()
    _members(30)
    (lent,) = [member("Lorna Lendable", senate="london", willing=True)]
    client.force_login(cast["manager"])
    page = client.get(_candidates_url(request) + "?q=lorna").content.decode()
    assert "Lorna Lendable" in page and "1 candidate" in page and "Member of" in page
    page = client.get(_candidates_url(request) + "?show=lent").content.decode()
    assert str(lent) in page and "Quinn Scale" not in page


def test_a_member_of_two_other_senates_is_lent_by_the_first_and_the_unwilling_are_not_in_the_pool(client, cast):
    """The pool is read over the current memberships: someone who sits for two other Senates and agreed
    to be lent is shown as a member of the first of them (by name); someone of another Senate who has
    not agreed, or whose membership has ended, is not a candidate."""
    request = ready_request()
    twice = member("Wren Twice", senate="london", willing=True)
    MembershipFactory(profile=twice, senate=Senate.objects.get(slug="east-midlands"))
    member("Una Unwilling", senate="london")
    ended = member("Edna Ended", willing=True)
    ended.memberships.update(ended_on=dt.date.today() - dt.timedelta(days=1))
    client.force_login(cast["manager"])
    page = client.get(_candidates_url(request) + "?show=lent").content.decode()
    assert "Wren Twice" in page and "Member of East Midlands Clinical Senate" in page
    assert "Una Unwilling" not in page
    assert "Edna Ended" not in client.get(_candidates_url(request) + "?q=edna").content.decode()


def test_the_kept_pool_shows_a_new_member_and_a_new_conflict_at_once(client, cast, look):
    """The pool, and a page's screening, are kept until the next act (as a page served in autocommit
    keeps them once it commits), so looking again asks less; a member who joins, or an interest
    declared that conflicts with the request, shows on the very next look."""
    request = ready_request()
    ada = member("Ada Already")
    client.force_login(cast["manager"])
    url = _candidates_url(request) + "?sort=name"
    first, page = look(client, url + "&q=ada")
    again, page = look(client, url + "&q=ada")
    assert again < first and "Ada Already" in page
    assert "A possible conflict of interest is awaiting a decision" not in page
    member("Nia Newcomer")
    assert "Nia Newcomer" in look(client, url + "&q=nia")[1]
    declared(ada, organisation=request.requesting_organisation, nature="Paid adviser")
    assert "A possible conflict of interest is awaiting a decision" in look(client, url + "&q=ada")[1]


def test_a_conflict_on_a_later_page_is_shown_there_and_keeps_the_member_from_those_who_may_be_invited(client, cast):
    """Only the shown rows are screened unless the manager filters on who may be invited: then
    everyone is, wherever they would sort."""
    request = ready_request()
    _members(30)
    zed = member("Zed Zealous")
    declared(zed, organisation=request.requesting_organisation, nature="Paid adviser")
    client.force_login(cast["manager"])
    last = client.get(_candidates_url(request) + "?sort=name&page=2").content.decode()
    assert "Zed Zealous" in last and "A possible conflict of interest is awaiting a decision" in last
    first = client.get(_candidates_url(request) + "?sort=name").content.decode()
    assert "Zed Zealous" not in first
    everyone = int(re.search(r"(\d+) candidates", first).group(1))
    eligible = client.get(_candidates_url(request) + "?show=eligible&sort=name").content.decode()
    blocked = sum(1 for c in candidates_for(request, on=dt.date.today()) if c.blocked)
    assert f"{everyone - blocked} candidates" in eligible and blocked >= 1
    found = client.get(_candidates_url(request) + "?show=eligible&q=zed").content.decode()
    assert "Zed Zealous" not in found and "No candidates match." in found


def _run_over(requests, manager) -> OptimiserRun:
    result = {}
    for n, r in enumerate(requests):
        panel = [
            {"profile": p.pk, "name": str(p), "role": "clinical", "reason": f"Fit 0.{n}", "lent": False, "home": ""}
            for p in _members(2)
        ]
        result[str(r.pk)] = {"panel": panel, "unmet": [], "reserves": []}
    made = OptimiserRun.objects.create(
        senate=Senate.objects.get(slug="south-west"), status="optimal", objective=1, bound=1, result=result, by=manager
    )
    made.requests.set(requests)
    return made


def test_the_run_page_asks_the_same_queries_for_one_request_or_many(client, cast):
    client.force_login(cast["manager"])
    one_run = _run_over([ready_request()], cast["manager"])
    one, _page = _count(client, f"/south-west/panels/runs/{one_run.pk}/")
    requests = [ready_request(title=f"Service change {n}") for n in range(12)]
    for r in requests:
        PanelChoice.objects.create(request=r, profile=_members(1)[0], kind="remove", by=cast["manager"])
    many_run = _run_over(requests, cast["manager"])
    many, page = _count(client, f"/south-west/panels/runs/{many_run.pk}/")
    assert many == one
    assert page.count("member removed by you") == queries.RUN_REQUESTS_PER_PAGE


def test_a_run_over_many_requests_lists_them_all_and_shows_a_few_panels_a_page(client, cast):
    requests = [ready_request(title=f"Service change {n:02d}") for n in range(12)]
    made = _run_over(requests, cast["manager"])
    client.force_login(cast["manager"])
    page = client.get(f"/south-west/panels/runs/{made.pk}/").content.decode()
    assert "The 12 requests in this run" in page
    assert all(f"#proposal-{r.pk}" in page for r in requests)
    assert page.count('class="proposal"') == queries.RUN_REQUESTS_PER_PAGE
    last = client.get(f"/south-west/panels/runs/{made.pk}/?page=3").content.decode()
    assert f'id="proposal-{requests[-1].pk}"' in last and "page 3 of 3" in last
    assert "Deploy invitations" in last  # the whole run is deployed from any page


def test_the_panel_page_asks_the_same_queries_for_one_seat_or_many(client, cast):
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1)], min_size=1, max_size=30)
    client.force_login(cast["manager"])
    for p in _members(1):
        seat(request, p)
    one, _page = _count(client, f"/south-west/panels/requests/{request.pk}/")
    for p in _members(12):
        seat(request, p)
    for p in _members(3):
        seat(request, p, status="declined")
    many, page = _count(client, f"/south-west/panels/requests/{request.pk}/")
    assert len(set(re.findall(r"Quinn Scale \d+", page))) == 16
    assert many == one


def test_the_panel_page_says_why_the_panel_cannot_yet_be_recorded_as_recruited(client, cast):
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1)], min_size=1, max_size=3)
    (doctor,) = _members(1)
    seat(request, doctor)
    client.force_login(cast["manager"])
    page = client.get(f"/south-west/panels/requests/{request.pk}/").content.decode()
    assert "Record the panel as recruited" not in page
    assert "The panel needs 1 (Patient and public voice) among those who have accepted; it has 0" in page
    (voice,) = _members(1, profession=Profession.PPV)
    seat(request, voice)
    page = client.get(f"/south-west/panels/requests/{request.pk}/").content.decode()
    assert "Record the panel as recruited" in page and "cannot be recorded as recruited yet" not in page


def test_no_panels_view_reads_models_itself():
    """Reads live in panels/queries.py: no `Model.objects` (or get_object_or_404) in a view module."""
    views = Path(__file__).resolve().parents[1] / "views"
    found = []
    for path in views.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr == "objects":
                found.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Name) and node.id == "get_object_or_404":
                found.append(f"{path.name}:{node.lineno}")
    assert found == []
