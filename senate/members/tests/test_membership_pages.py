"""The Senate team's pages for a member's memberships and roles, as the manager uses them, and refused
to everyone else, even by a direct POST."""

import datetime as dt

import pytest

from conftest import ALL_ROLES
from senate.accounts.models import Role, RoleAssignment
from senate.core.models import AuditEvent
from senate.members.models import MemberProfile, Membership

TODAY = dt.date.today()


def _date(name, day):
    return {f"{name}[day]": day.day, f"{name}[month]": day.month, f"{name}[year]": day.year}


def _member_url(cast, who="council"):
    return f"/south-west/members/{MemberProfile.objects.get(user=cast[who]).pk}/"


def test_the_member_page_lists_memberships_and_roles_with_the_teams_actions(client, cast):
    client.force_login(cast["manager"])
    page = client.get(_member_url(cast)).content.decode()
    assert "Memberships and roles" in page
    assert "Council: Clinical member" in page and "Council member, since" in page
    for action in ("Appoint to the Council or Assembly", "Change term", "End membership", "Give a role", "Withdraw"):
        assert action in page


def test_the_system_administrator_sees_the_member_but_no_actions(client, cast):
    client.force_login(cast["admin"])
    page = client.get(_member_url(cast)).content.decode()
    assert "Memberships and roles" in page
    assert "Give a role" not in page and "End membership" not in page


def test_the_manager_appoints_to_the_assembly(client, cast):
    client.force_login(cast["manager"])
    url = _member_url(cast) + "appoint/"
    data = {
        "body": "assembly",
        "role": "recruited",
        **_date("starts", TODAY),
        **_date("ends", TODAY.replace(year=TODAY.year + 2)),
    }
    response = client.post(url, data, follow=True)
    assert "Priya Council has been appointed to the Assembly." in response.content.decode()
    assert Membership.objects.filter(profile__user=cast["council"], body="assembly").exists()
    assert RoleAssignment.objects.filter(user=cast["council"], role=Role.ASSEMBLY_MEMBER).exists()
    assert "appointed to the Assembly as Recruited member" in response.content.decode()  # the history


def test_an_overlapping_appointment_is_refused_on_the_form(client, cast):
    client.force_login(cast["manager"])
    url = _member_url(cast) + "appoint/"
    data = {
        "body": "council",
        "role": "clinical",
        **_date("starts", TODAY),
        **_date("ends", TODAY.replace(year=TODAY.year + 1)),
    }
    page = client.post(url, data).content.decode()
    assert "<title>Error: " in page
    assert "Priya Council is already a member of the Council" in page
    assert Membership.objects.filter(profile__user=cast["council"]).count() == 1


def test_the_chair_changes_a_term_and_the_audit_trail_shows_it(client, cast):
    membership = Membership.objects.get(profile__user=cast["council"])
    later = membership.term_end + dt.timedelta(days=365)
    client.force_login(cast["chair"])
    url = _member_url(cast) + f"memberships/{membership.pk}/term/"
    page = client.get(url).content.decode()
    assert f'value="{membership.term_end.day}"' in page  # the form starts from the term as it is
    data = {**_date("starts", membership.term_start), **_date("ends", later), "reason": "Extended for the review"}
    response = client.post(url, data, follow=True)
    assert "The term has been changed" in response.content.decode()
    membership.refresh_from_db()
    assert membership.term_end == later
    trail = client.get("/south-west/audit/?act=membership").content.decode()
    assert "Membership: term changed" in trail and "Priya Council" in trail


def test_ending_a_membership_needs_a_reason_and_a_confirmation(client, cast):
    membership = Membership.objects.get(profile__user=cast["council"])
    client.force_login(cast["manager"])
    url = _member_url(cast) + f"memberships/{membership.pk}/end/"
    page = client.post(url, _date("on", TODAY)).content.decode()
    assert "Enter why they are leaving" in page and "Confirm that this member leaves on this date" in page
    membership.refresh_from_db()
    assert membership.ended_on is None
    response = client.post(url, {**_date("on", TODAY), "reason": "Resigned", "confirm": "on"}, follow=True)
    assert f"Priya Council leaves the Council on {TODAY.day} {TODAY:%B %Y}" in response.content.decode()
    membership.refresh_from_db()
    assert membership.ended_on == TODAY and membership.end_reason == "Resigned"


def test_the_manager_gives_and_withdraws_a_role(client, cast):
    client.force_login(cast["manager"])
    url = _member_url(cast)
    response = client.post(
        url + "roles/give/", {"role": Role.VICE_CHAIR, "reason": "Elected by the Council"}, follow=True
    )
    assert "Priya Council is now Vice-chair in this Senate." in response.content.decode()
    given = RoleAssignment.objects.get(user=cast["council"], role=Role.VICE_CHAIR)
    page = client.post(url + f"roles/{given.pk}/withdraw/", {}).content.decode()
    assert "Enter why the role is being withdrawn" in page
    response = client.post(url + f"roles/{given.pk}/withdraw/", {"reason": "Term as Vice-chair over"}, follow=True)
    assert "Priya Council is no longer Vice-chair in this Senate." in response.content.decode()
    assert not RoleAssignment.objects.filter(pk=given.pk).exists()
    assert [e.action for e in AuditEvent.objects.filter(action__startswith="role.").order_by("id")] == [
        "role.given",
        "role.withdrawn",
    ]


def test_a_second_chair_is_refused_in_words(client, cast):
    client.force_login(cast["manager"])
    page = client.post(_member_url(cast) + "roles/give/", {"role": Role.CHAIR}).content.decode()
    assert "Helen Chair is the Senate Chair: withdraw that role before giving it to someone else" in page


@pytest.mark.parametrize("who", [w for w in ALL_ROLES if w not in {"manager", "chair"}])
def test_everyone_else_is_refused_and_writes_nothing(client, cast, who):
    membership = Membership.objects.get(profile__user=cast["council"])
    role = RoleAssignment.objects.get(user=cast["council"])
    url = _member_url(cast)
    client.force_login(cast[who])
    posts = {
        "appoint/": {
            "body": "assembly",
            "role": "recruited",
            **_date("starts", TODAY),
            **_date("ends", TODAY.replace(year=TODAY.year + 2)),
        },
        f"memberships/{membership.pk}/term/": {
            **_date("starts", TODAY),
            **_date("ends", TODAY.replace(year=TODAY.year + 5)),
            "reason": "x",
        },
        f"memberships/{membership.pk}/end/": {**_date("on", TODAY), "reason": "x", "confirm": "on"},
        "roles/give/": {"role": Role.MANAGER},
        f"roles/{role.pk}/withdraw/": {"reason": "x"},
    }
    events = AuditEvent.objects.count()
    for path, data in posts.items():
        assert client.post(url + path, data).status_code in (403, 404), path
    assert AuditEvent.objects.count() == events
    assert RoleAssignment.objects.filter(pk=role.pk).exists()
    membership.refresh_from_db()
    assert membership.ended_on is None
