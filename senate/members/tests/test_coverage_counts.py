"""Coverage counted by the database (issue 19): the same figures as the rules in `coverage_of` for
every kind of member, and the page asks the same number of queries for a few members or many."""

import itertools

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from senate.members import queries
from senate.members.coverage import coverage_in, coverage_of
from senate.members.models import Body, Profession
from senate.members.tests.factories import MembershipFactory
from senate.organisations.models import Organisation, OrganisationType, Senate

EXPERTISE = [[], ["primary"], ["tertiary", "older-people"], ["community", "secondary"], ["older-people"]]


def _mixed(n: int, body: str = Body.ASSEMBLY) -> None:
    """`n` members of every profession in turn, with settings and life stages, some employed by an ICB
    or a clinical network."""
    employers = [None, *Organisation.objects.filter(type=OrganisationType.ICB)[:1]]
    network = Organisation.objects.filter(type=OrganisationType.CLINICAL_NETWORK).first()
    if network:
        employers.append(network)
    kinds = itertools.cycle(itertools.product(Profession.values, EXPERTISE, employers))
    for profession, expertise, employer in itertools.islice(kinds, n):
        MembershipFactory(
            body=body, profile__profession=profession, profile__expertise=expertise, profile__employer=employer
        )


def _figures(coverage):
    lines = [*coverage.constituencies, *coverage.life_stages, *coverage.outcomes_domains]
    return coverage.members, [(line.code, line.label, line.count) for line in lines]


def test_the_database_counts_what_the_rules_count(cast):
    _mixed(60)
    senate, vocabulary = Senate.objects.get(slug="south-west"), queries.vocabulary()
    for body in Body.values:
        by_rules = coverage_of(queries.coverage_profiles(senate, body), vocabulary)
        counted = coverage_in(queries.coverage_members(senate, body), vocabulary)
        assert _figures(counted) == _figures(by_rules), body
    assert any(line.count for line in counted.constituencies)  # the mix covers something


def _count(client) -> int:
    cache.clear()  # the coverage worked out afresh, not the copy kept until the next act
    with CaptureQueriesContext(connection) as seen:
        assert client.get("/south-west/members/coverage/").status_code == 200
    return len(seen)


def test_the_coverage_page_asks_the_same_queries_for_a_few_members_or_many(client, cast):
    client.force_login(cast["manager"])
    _mixed(2)
    _count(client)
    few = _count(client)
    _mixed(40, Body.COUNCIL)
    _mixed(40)
    assert _count(client) == few <= 30


def test_both_bodies_counted_together_agree_with_the_rules_body_by_body(cast):
    """`coverage_by_body` (the recruitment page's proposals: one Senate, both bodies in two queries)
    finds the same members and the same areas covered as `coverage_of` finds for each body alone."""
    from senate.members.coverage import coverage_by_body

    _mixed(30)
    _mixed(17, Body.COUNCIL)
    senate, vocabulary = Senate.objects.get(slug="south-west"), queries.vocabulary()
    counted = coverage_by_body(queries.current_memberships(senate), vocabulary)
    for body in Body.values:
        by_rules = coverage_of(queries.coverage_profiles(senate, body), vocabulary)
        lines = [*counted[body].constituencies, *counted[body].life_stages, *counted[body].outcomes_domains]
        expected = [*by_rules.constituencies, *by_rules.life_stages, *by_rules.outcomes_domains]
        assert counted[body].members == by_rules.members > 0
        assert [(x.code, x.covered) for x in lines] == [(x.code, x.covered) for x in expected], body
