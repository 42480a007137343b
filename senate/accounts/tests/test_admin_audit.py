"""Role assignments and memberships changed in Django admin are written to the audit trail, in the same
transaction as the change, with what changed (issue 13: they were unaudited). Roles are given and
withdrawn there through the same acts as the Senate team's pages (`granting`); memberships are shown
there, not changed (the team's pages appoint and end them, through `appointments`)."""

import html
import re

from senate.accounts.models import RoleAssignment
from senate.core.models import AuditEvent
from senate.organisations.models import Senate


def _as_sent(page: str) -> dict[str, list[str]]:
    """The admin change form's fields as a browser sends them (checked boxes, selected options)."""
    start = page.index('id="user_form"')
    form = page[start : page.index("</form>", start)]
    data: dict[str, list[str]] = {}
    for tag in re.finditer(r"<input\b[^>]*>", form):
        attrs = tag.group(0)
        name = re.search(r'\bname="([^"]+)"', attrs)
        kind = (re.search(r'\btype="([^"]+)"', attrs) or [None, "text"])[1]
        if not name or kind in {"submit", "button"} or (kind in {"checkbox", "radio"} and " checked" not in attrs):
            continue
        value = re.search(r'\bvalue="([^"]*)"', attrs)
        data.setdefault(name.group(1), []).append(html.unescape(value.group(1)) if value else "on")
    for select in re.finditer(r'<select\b[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', select.group(2))
        data[select.group(1)] = [chosen.group(1) if chosen else ""]
    return data


def test_a_role_given_and_taken_away_in_admin_is_audited(client, cast):
    person, senate = cast["assembly"], Senate.objects.get(slug="south-west")
    client.force_login(cast["admin"])
    url = f"/admin/accounts/user/{person.pk}/change/"
    data = _as_sent(client.get(url).content.decode())
    n = int(data["roles-TOTAL_FORMS"][0])
    data |= {"roles-TOTAL_FORMS": [str(n + 1)], f"roles-{n}-senate": [str(senate.pk)], f"roles-{n}-role": ["manager"]}
    data |= {f"roles-{n}-user": [str(person.pk)], "_save": ["Save"]}
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    given = RoleAssignment.objects.get(user=person, senate=senate, role="manager")
    event = AuditEvent.objects.get(action="role.given")
    assert event.actor == cast["admin"] and event.senate == senate and event.object_id == str(given.pk)
    assert event.data["reason"] == "Given in system administration"
    assert not AuditEvent.objects.filter(action__startswith="admin.accounts.roleassignment").exists()  # once only

    data = _as_sent(client.get(url).content.decode())
    index = next(k.split("-")[1] for k, v in data.items() if re.fullmatch(r"roles-\d+-id", k) and v == [str(given.pk)])
    data |= {f"roles-{index}-DELETE": ["on"], "_save": ["Save"]}
    assert client.post(url, data).status_code == 302
    assert not RoleAssignment.objects.filter(pk=given.pk).exists()
    removed = AuditEvent.objects.get(action="role.withdrawn")
    assert removed.object_id == str(given.pk) and removed.actor == cast["admin"]
    assert removed.data["changed"]["role"] == ["Senate manager (support team)", ""]


def test_a_second_senate_chair_is_refused_in_admin_on_the_row(client, cast):
    person, senate = cast["assembly"], Senate.objects.get(slug="south-west")
    client.force_login(cast["admin"])
    url = f"/admin/accounts/user/{person.pk}/change/"
    data = _as_sent(client.get(url).content.decode())
    n = int(data["roles-TOTAL_FORMS"][0])
    data |= {"roles-TOTAL_FORMS": [str(n + 1)], f"roles-{n}-senate": [str(senate.pk)], f"roles-{n}-role": ["chair"]}
    data |= {f"roles-{n}-user": [str(person.pk)], "_save": ["Save"]}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Helen Chair is the Senate Chair: withdraw that role before giving it to someone else" in html.unescape(
        response.content.decode()
    )
    assert not RoleAssignment.objects.filter(user=person, role="chair").exists()
    assert not AuditEvent.objects.filter(action="role.given").exists()


def test_memberships_are_shown_in_admin_but_not_changed_there(client, cast):
    from senate.members.models import MemberProfile, Membership

    client.force_login(cast["admin"])
    membership = Membership.objects.get(profile__user=cast["council"])
    page = client.get(f"/admin/members/memberprofile/{MemberProfile.objects.get(user=cast['council']).pk}/change/")
    body = page.content.decode()
    assert membership.get_role_display() in body  # shown
    assert 'name="memberships-0-term_end"' not in body  # read-only: no field to change
    assert 'name="memberships-0-DELETE"' not in body


def test_a_change_to_a_person_in_admin_records_before_and_after(client, cast):
    person = cast["assembly"]
    client.force_login(cast["admin"])
    url = f"/admin/accounts/user/{person.pk}/change/"
    data = _as_sent(client.get(url).content.decode())
    data.pop("is_active", None)  # unticked: the account is switched off
    data["_save"] = ["Save"]
    assert client.post(url, data).status_code == 302
    person.refresh_from_db()
    assert not person.is_active
    event = AuditEvent.objects.get(action="admin.accounts.user.changed")
    assert event.data["changed"]["is_active"] == ["True", "False"]


def test_the_administration_pages_for_a_person_and_a_member_open(client, cast):
    """They were server errors: admin's date widgets have no Jinja2 template (now rendered by Django's)."""
    from senate.members.models import MemberProfile

    client.force_login(cast["admin"])
    profile = MemberProfile.objects.get(user=cast["council"])
    for url in (
        f"/admin/accounts/user/{cast['council'].pk}/change/",
        f"/admin/members/memberprofile/{profile.pk}/change/",
    ):
        assert client.get(url).status_code == 200, url
