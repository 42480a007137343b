import re

from senate.members.models import Body, MembershipRole, Profession
from senate.members.tests.factories import MembershipFactory


def _covered(response, body, label):
    """Whether the page shows the row for `label` in `body`'s tables as covered."""
    html = response.content.decode()
    section = html.split(f'data-coverage="{body.lower()}"', 1)[1]
    section = section.split("<h2", 1)[0]
    row = re.search(rf"<td class=\"nhsuk-table__cell\">{re.escape(label)}</td>\s*<td[^>]*>(.*?)</td>", section, re.S)
    assert row, f"no row for {label} in {body}"
    return "Not covered" not in row.group(1)


def test_council_without_patients_and_public_shows_the_gap(client, cast):
    client.force_login(cast["manager"])
    response = client.get("/south-west/members/coverage/")
    assert not _covered(response, "Council", "Patients and the public")
    assert b"Not covered" in response.content


def test_a_ppv_member_closes_the_gap(client, cast):
    MembershipFactory(profile__profession=Profession.PPV, body=Body.COUNCIL, role=MembershipRole.PPV)
    client.force_login(cast["manager"])
    response = client.get("/south-west/members/coverage/")
    assert _covered(response, "Council", "Patients and the public")
    assert not _covered(response, "Assembly", "Patients and the public")


def test_clinicians_count_by_setting_and_life_stage(client, cast):
    MembershipFactory(profile__expertise=["tertiary", "older-people"], body=Body.ASSEMBLY)
    client.force_login(cast["manager"])
    response = client.get("/south-west/members/coverage/")
    assert _covered(response, "Assembly", "Clinicians from tertiary care")
    assert not _covered(response, "Assembly", "Clinicians from primary care")
    assert _covered(response, "Assembly", "Older people")
    assert not _covered(response, "Assembly", "Maternity and the newborn")


def test_a_ppv_member_with_a_setting_is_not_counted_as_a_clinician(client, cast):
    MembershipFactory(profile__profession=Profession.PPV, profile__expertise=["primary"], body=Body.ASSEMBLY)
    client.force_login(cast["manager"])
    response = client.get("/south-west/members/coverage/")
    assert not _covered(response, "Assembly", "Clinicians from primary care")
