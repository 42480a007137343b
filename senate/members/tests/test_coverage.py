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


def test_counting_in_the_database_agrees_with_the_coverage_page(cast, senate, other_senate):
    """`coverage_counts` (the dashboards' figures, counted in SQL) gives the same members and the same
    count for every area as `coverage_of` (the coverage page), Senate by Senate and body by body."""
    import datetime as dt

    from senate.members import queries
    from senate.members.coverage import coverage_counts, coverage_of
    from senate.members.models import Membership
    from senate.organisations.models import Organisation, OrganisationType

    icb = Organisation.objects.filter(type=OrganisationType.ICB).first()
    network = Organisation.objects.create(name="Cardiac network", code="NET1", type=OrganisationType.CLINICAL_NETWORK)
    people = [
        (Profession.DOCTOR, ["tertiary", "older-people"], None, Body.ASSEMBLY),
        (Profession.NURSE, ["primary", "community"], icb, Body.ASSEMBLY),
        (Profession.PPV, ["primary", "maternity-newborn"], None, Body.ASSEMBLY),
        (Profession.PUBLIC_HEALTH, [], network, Body.COUNCIL),
        (Profession.MANAGER, ["secondary"], icb, Body.COUNCIL),
        (Profession.SOCIAL_CARE, ["older-people"], None, Body.COUNCIL),
    ]
    for i, (profession, expertise, employer, body) in enumerate(people):
        MembershipFactory(
            profile__profession=profession,
            profile__expertise=expertise,
            profile__employer=employer,
            body=body,
            senate=other_senate if i % 3 == 2 else senate,
        )
    ended = MembershipFactory(profile__profession=Profession.SOCIAL_CARE, body=Body.ASSEMBLY)
    ended.ended_on = dt.date.today() - dt.timedelta(days=1)
    ended.save()
    today = dt.date.today()
    vocabulary = queries.vocabulary()
    for body in (Body.COUNCIL, Body.ASSEMBLY):
        counted = coverage_counts(Membership.objects.current(today).filter(body=body), vocabulary)
        for which in (senate, other_senate):
            read = coverage_of(queries.coverage_profiles(which, body, today), vocabulary)
            sql = counted[which.pk]
            assert sql.members == read.members > 0
            for a, b in zip(
                read.constituencies + read.life_stages + read.outcomes_domains,
                sql.constituencies + sql.life_stages + sql.outcomes_domains,
                strict=True,
            ):
                assert (a.code, a.count) == (b.code, b.count)
            assert [g.label for g in sql.gaps] == [g.label for g in read.gaps]
