import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from senate.members.models import Body, Profession
from senate.members.tests.factories import MembershipFactory


def _names(response):
    """The names a person sees in the results table, in order."""
    return _names_in(response.content.decode())


def _names_in(html: str) -> list[str]:
    table = html.split('id="directory-table"')[-1] if "directory-table" in html else ""
    return re.findall(r'<a href="/south-west/members/\d+/">([^<]+)</a>', table)


@pytest.fixture
def members(cast, senate, other_senate):
    MembershipFactory(profile__user__full_name="Amara Stroke", profile__expertise=["stroke", "secondary"])
    MembershipFactory(
        profile__user__full_name="Ben Nurse",
        profile__profession=Profession.NURSE,
        profile__expertise=["community"],
        term_end=dt.date.today() + dt.timedelta(days=30),
    )
    MembershipFactory(profile__user__full_name="Cara Council", body=Body.COUNCIL)
    MembershipFactory(profile__user__full_name="Dev Former", term_end=dt.date.today() - dt.timedelta(days=1))
    MembershipFactory(profile__user__full_name="Eve London", senate=other_senate)


def test_directory_lists_current_members_of_this_senate_only(client, cast, members):
    client.force_login(cast["manager"])
    names = _names(client.get("/south-west/members/"))
    assert "Amara Stroke" in names and "Cara Council" in names
    assert "Dev Former" not in names and "Eve London" not in names


@pytest.mark.parametrize(
    "query,expected",
    [
        ("profession=nurse", ["Ben Nurse"]),
        ("specialty=stroke", ["Amara Stroke"]),
        ("setting=community", ["Ben Nurse"]),
        ("body=council", ["Cara Council", "Priya Council"]),
        ("ending_within=90", ["Ben Nurse"]),
        ("q=amara", ["Amara Stroke"]),
    ],
)
def test_directory_filters(client, cast, members, query, expected):
    client.force_login(cast["manager"])
    assert _names(client.get(f"/south-west/members/?{query}")) == expected


def test_term_ending_soon_is_flagged(client, cast, members):
    client.force_login(cast["manager"])
    response = client.get("/south-west/members/?q=ben")
    assert b"Term ending soon" in response.content


def test_bad_filter_gets_a_clear_message(client, cast, members):
    client.force_login(cast["manager"])
    response = client.get("/south-west/members/?ending_within=soon")
    assert b"There is a problem" in response.content
    assert b"Enter the number of days as a whole number" in response.content


def test_htmx_request_gets_only_the_results(client, cast, members):
    client.force_login(cast["manager"])
    response = client.get("/south-west/members/?profession=nurse", HTTP_HX_REQUEST="true")
    assert b"<html" not in response.content and b"Ben Nurse" in response.content


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_directory_queries_do_not_grow_with_members(client, cast):
    client.force_login(cast["manager"])
    MembershipFactory(profile__expertise=["stroke"])
    one = _count_queries(client, "/south-west/members/")
    for _ in range(3):
        MembershipFactory(profile__expertise=["stroke", "community"])
    assert _count_queries(client, "/south-west/members/") == one


def test_member_page_shows_profile_and_terms(client, cast, members):
    from senate.members.models import MemberProfile

    client.force_login(cast["manager"])
    profile = MemberProfile.objects.get(user__full_name="Amara Stroke")
    response = client.get(f"/south-west/members/{profile.pk}/")
    assert b"Stroke medicine" in response.content
    assert b"Assembly: Recruited member" in response.content


def test_member_of_another_senate_is_not_found(client, cast, members):
    from senate.members.models import MemberProfile

    client.force_login(cast["manager"])
    profile = MemberProfile.objects.get(user__full_name="Eve London")
    assert client.get(f"/south-west/members/{profile.pk}/").status_code == 404


def test_the_directory_is_kept_until_someone_acts_and_a_change_shows_at_once(client, cast, senate, members, look):
    """A page of the directory, and its count, are kept until the next act: looking again asks fewer
    queries; a member appointed, a term ended and a name changed show on the very next look, and a
    filtered page is kept apart from the whole list."""
    from senate.members.appointments import appoint, end_membership
    from senate.members.models import MemberProfile, Membership, MembershipRole
    from senate.members.profiles import update_profile
    from senate.members.tests.factories import MemberProfileFactory

    def names(url: str) -> list[str]:
        return _names_in(look(client, url)[1])

    client.force_login(cast["manager"])
    first, _ = look(client, "/south-west/members/")
    again, _ = look(client, "/south-west/members/")
    assert again < first
    assert "Cara Council" in names("/south-west/members/?body=council")
    today = dt.date.today()
    newcomer = MemberProfileFactory(user__full_name="Nia Newcomer")
    appoint(
        profile=newcomer,
        senate=senate,
        body=Body.ASSEMBLY,
        role=MembershipRole.RECRUITED,
        starts=today,
        ends=today + dt.timedelta(days=365),
        by=cast["manager"],
    )
    assert "Nia Newcomer" in names("/south-west/members/")
    amara = Membership.objects.get(profile__user__full_name="Amara Stroke")
    end_membership(membership=amara, on=today, by=cast["manager"], reason="Stepped down")
    cara = MemberProfile.objects.get(user__full_name="Cara Council")
    update_profile(cara, changes={}, full_name="Cara Chair", expertise=[], by=cast["manager"])
    seen = names("/south-west/members/")
    assert "Amara Stroke" not in seen and "Cara Chair" in seen and "Cara Council" not in seen
    council = names("/south-west/members/?body=council")
    assert "Cara Chair" in council and "Cara Council" not in council and "Nia Newcomer" not in council
