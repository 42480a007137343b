"""One record per organisation (issue 14, item 11): ODS codes are unique and NHS bodies must have one,
a duplicate merges into the kept record with every reference, and the demo makes no duplicates."""

import random
from collections import Counter

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from senate.accounts.models import Role, RoleAssignment
from senate.core.models import AuditEvent
from senate.demo import world
from senate.interests.facts import facts_for_request
from senate.interests.screening import screen
from senate.interests.tests.factories import declared, make_request
from senate.members.models import Affiliation
from senate.members.tests.factories import MemberProfileFactory
from senate.organisations.merging import MergeError, merge_organisations, references_to
from senate.organisations.models import Organisation, OrganisationType

pytestmark = pytest.mark.django_db


def _org(name="Foxton NHS Foundation Trust", code="ZZ1", type=OrganisationType.TRUST, **fields):  # noqa: A002
    return Organisation.objects.create(name=name, code=code, type=type, **fields)


def test_the_demo_makes_no_two_organisations_with_one_name(reference_data):
    world._synthetic_organisations(random.Random(2013))
    names = Counter(Organisation.objects.current().values_list("name", flat=True))
    assert [name for name, n in names.items() if n > 1] == []


def test_an_ods_code_is_unique_when_given_and_many_bodies_may_have_none(reference_data):
    _org(code="ZZ1")
    with pytest.raises(IntegrityError), transaction.atomic():
        _org(name="Another", code="ZZ1")
    _org(name="Foxton Council", code="", type=OrganisationType.LOCAL_AUTHORITY)
    _org(name="Foxton Healthwatch", code="", type=OrganisationType.HEALTHWATCH)  # a second blank code is fine


@pytest.mark.parametrize("kind", [OrganisationType.TRUST, OrganisationType.ICB, OrganisationType.PRIMARY_CARE])
def test_an_nhs_body_must_have_an_ods_code(reference_data, kind):
    with pytest.raises(IntegrityError), transaction.atomic():
        _org(code="", type=kind)
    with pytest.raises(ValidationError) as raised:
        Organisation(name="Foxton NHS Foundation Trust", code="", type=kind).full_clean()
    assert "ODS code" in str(raised.value.message_dict["code"])


def test_validation_puts_the_code_in_capitals_and_refuses_one_in_use_whatever_its_case(reference_data):
    _org(code="ZZ1")
    org = Organisation(name="Foxton Hospitals", code=" zz1 ", type=OrganisationType.TRUST)
    with pytest.raises(ValidationError) as raised:
        org.full_clean()
    assert org.code == "ZZ1" and "already has the ODS code ZZ1" in str(raised.value)


def test_every_link_to_an_organisation_is_found_hidden_ones_too():
    found = {f"{r.related_model._meta.label}.{r.field.name}" for r in references_to(Organisation)}
    # Declarations, affiliations and a member's employer are declared with related_name="+", which
    # Organisation._meta.related_objects leaves out.
    assert {
        "interests.DeclarationVersion.organisation",
        "members.Affiliation.organisation",
        "members.MemberProfile.employer",
        "members.MemberProfile.home_icb",
        "reviews.Request.requesting_organisation",
        "reviews.Request.affected_organisations",
        "reviews.Programme.lead_organisation",
        "accounts.RoleAssignment.organisation",
        "organisations.Organisation.icb",
    } <= found
    assert not {"interests.DeclarationVersion.organisation", "members.Affiliation.organisation"} <= {
        f"{r.related_model._meta.label}.{r.field.name}" for r in Organisation._meta.related_objects
    }


@pytest.fixture
def twins(icb):
    keep = _org(code="ZZ1", icb=icb, region=icb.region)
    duplicate = _org(code="ZZ2")
    return keep, duplicate


def test_a_merge_moves_every_reference_and_removes_the_duplicate(twins, senate, cast, icb):
    keep, duplicate = twins
    profile = MemberProfileFactory(employer=duplicate)
    Affiliation.objects.create(profile=profile, organisation=duplicate, kind="board")
    declaration = declared(profile, organisation=duplicate, organisation_name="")
    both = make_request(affected=[keep, duplicate])
    only_duplicate = make_request(affected=[duplicate], requesting_organisation=duplicate)
    # The requester acts for both records: after the merge one role, not a clash with the unique rule.
    give = {"user": cast["requester"], "senate": senate, "role": Role.REQUESTER}
    RoleAssignment.objects.create(**give, organisation=keep)
    RoleAssignment.objects.create(**give, organisation=duplicate)

    moved = merge_organisations(keep, duplicate, by=cast["admin"])

    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
    profile.refresh_from_db()
    assert profile.employer == keep
    assert list(profile.affiliations.values_list("organisation", flat=True)) == [keep.pk]
    assert declaration.versions.get().organisation == keep
    assert list(both.affected_organisations.all()) == [keep]
    assert list(only_duplicate.affected_organisations.all()) == [keep]
    only_duplicate.refresh_from_db()
    assert only_duplicate.requesting_organisation == keep
    assert RoleAssignment.objects.filter(**give, organisation=keep).count() == 1
    assert not RoleAssignment.objects.filter(organisation_id=duplicate.pk).exists()
    assert moved["interests.DeclarationVersion.organisation"] == 1
    event = AuditEvent.objects.get(action="organisation.merged")
    assert event.actor == cast["admin"] and event.object_id == str(keep.pk)
    assert event.data["duplicate"]["code"] == "ZZ2" and "ZZ2" in event.summary


def test_a_merge_into_itself_is_refused(twins, cast):
    keep, _ = twins
    with pytest.raises(MergeError):
        merge_organisations(keep, keep, by=cast["admin"])


def test_screening_finds_a_conflict_declared_against_the_merged_duplicate(twins, cast):
    keep, duplicate = twins
    profile = MemberProfileFactory()
    declaration = declared(profile, organisation=duplicate, organisation_name="")
    request = make_request(affected=[keep])
    assert screen(profile, facts_for_request(request)) == []  # the conflict missed today

    merge_organisations(keep, duplicate, by=cast["admin"])

    (conflict,) = screen(profile, facts_for_request(request))
    assert conflict.key == f"declared:{declaration.pk}:organisation"


def test_the_data_migration_merges_duplicates_so_the_constraints_can_apply(reference_data, icb):
    migration = __import__(
        "senate.organisations.migrations.0004_merge_duplicate_organisations", fromlist=["merge_duplicates"]
    )
    keep = _org(code="ZZ1")
    lower = _org(code="zz1")  # the same code written another way: one body
    council = _org(name="Foxton Council", code="E0601", type=OrganisationType.LOCAL_AUTHORITY)
    uncoded = _org(name="foxton council", code="", type=OrganisationType.LOCAL_AUTHORITY)
    profile = MemberProfileFactory(employer=uncoded)
    Affiliation.objects.create(profile=profile, organisation=lower, kind="board")

    migration.merge_duplicates(apps, None)

    assert not Organisation.objects.filter(pk__in=[lower.pk, uncoded.pk]).exists()
    profile.refresh_from_db()
    assert profile.employer == council
    assert profile.affiliations.get().organisation == keep


def test_the_system_administrator_merges_duplicates_in_the_admin(client, twins, cast):
    keep, duplicate = twins
    profile = MemberProfileFactory()
    declared(profile, organisation=duplicate, organisation_name="")
    url = "/admin/organisations/organisation/"
    chosen = {"action": "merge_duplicates", "_selected_action": [keep.pk, duplicate.pk]}
    client.force_login(cast["admin"])

    asked = client.post(url, chosen)
    page = asked.content.decode()
    assert asked.status_code == 200 and "Which record do you want to keep?" in page and "ZZ2" in page
    done = client.post(url, chosen | {"confirm": "yes", "keep": keep.pk}, follow=True)

    assert "Merged 1 record(s) into Foxton NHS Foundation Trust (ZZ1)" in done.content.decode()
    assert list(Organisation.objects.filter(name="Foxton NHS Foundation Trust")) == [keep]
    assert AuditEvent.objects.filter(action="organisation.merged", actor=cast["admin"]).count() == 1


def test_only_a_system_administrator_reaches_the_merge(client, twins, cast):
    keep, duplicate = twins
    client.force_login(cast["manager"])
    client.post(
        "/admin/organisations/organisation/",
        {"action": "merge_duplicates", "_selected_action": [keep.pk, duplicate.pk], "confirm": "yes", "keep": keep.pk},
    )
    assert Organisation.objects.filter(pk=duplicate.pk).exists()


def test_merging_an_icb_into_its_twin_leaves_no_organisation_in_its_own_area(reference_data, cast):
    keep = _org(name="NHS Foxton ICB", code="ZZI", type=OrganisationType.ICB)
    duplicate = _org(name="NHS Foxton ICB", code="ZZJ", type=OrganisationType.ICB)
    keep.icb = duplicate
    keep.save()
    trust = _org(code="ZZT", icb=duplicate)

    merge_organisations(keep, duplicate, by=cast["admin"])

    keep.refresh_from_db()
    trust.refresh_from_db()
    assert keep.icb is None and trust.icb == keep
