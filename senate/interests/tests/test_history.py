"""Declarations are never overwritten: an edit is a new version, and the register can be shown as it
stood on any date."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.interests.declaring import amend_declaration, end_declaration
from senate.interests.register import public_register
from senate.interests.tests.conftest import ago, date_fields
from senate.interests.tests.factories import declared


def _at(days_ago):
    return timezone.now() - dt.timedelta(days=days_ago)


def test_a_change_makes_a_new_version_and_keeps_the_old(client, cast, council_profile):
    declaration = declared(council_profile, nature="Adviser")
    client.force_login(cast["council"])
    data = {
        "category": "financial",
        "organisation_name": "Acme Medical Devices Ltd",
        "nature": "Director",
        "may_publish": "True",
        **date_fields("started_on", ago(400)),
    }
    assert client.post(f"/declarations/{declaration.pk}/change/", data).status_code == 302
    first, second = declaration.versions.order_by("number")
    assert (first.nature, second.nature) == ("Adviser", "Director")
    assert first.superseded_at == second.recorded_at and second.superseded_at is None
    history = client.get(f"/declarations/{declaration.pk}/").content.decode()
    assert "Version 1" in history and "Version 2 (current)" in history


def test_versions_cannot_be_changed_once_written(council_profile):
    version = declared(council_profile).versions.get()
    version.nature = "Rewritten history"
    with pytest.raises(ValueError):
        version.save()


def test_ending_an_interest_is_a_new_version(cast, council_profile):
    declaration = declared(council_profile)
    version = end_declaration(declaration, ended_on=ago(5), by=cast["council"])
    assert (version.number, version.ended_on) == (2, ago(5))
    assert declaration.versions.get(number=1).ended_on is None


def test_the_register_is_reconstructed_as_at_a_past_date(cast, senate, council_profile, assembly_profile):
    declaration = declared(council_profile, nature="Adviser to Acme", recorded_at=_at(150))
    declared(assembly_profile, nature="Declared only last month", recorded_at=_at(30))
    amend_declaration(declaration, changes={"nature": "Director of Acme"}, by=cast["council"])

    two_months_ago = public_register(senate, on=ago(60))
    today = public_register(senate, on=ago(0))

    assert [e.nature for e in two_months_ago.entries] == ["Adviser to Acme"]
    assert sorted(e.nature for e in today.entries) == ["Declared only last month", "Director of Acme"]


def test_the_public_page_shows_the_register_as_at_a_date(client, cast, council_profile):
    declaration = declared(council_profile, nature="Adviser to Acme", recorded_at=_at(150))
    amend_declaration(declaration, changes={"nature": "Director of Acme"}, by=cast["council"])
    past = client.get(f"/south-west/interests/register/?on={ago(100).isoformat()}").content.decode()
    assert "Adviser to Acme" in past and "Director of Acme" not in past
    boxes = client.get("/south-west/interests/register/", date_fields("on", ago(100))).content.decode()
    assert "Adviser to Acme" in boxes


def test_an_entry_made_private_since_is_hidden_from_past_registers_too(cast, senate, council_profile):
    declaration = declared(council_profile, nature="Shelter trustee", recorded_at=_at(150))
    amend_declaration(declaration, changes={"may_publish": False}, by=cast["council"])
    assert public_register(senate, on=ago(100)).entries == []
    assert public_register(senate, on=ago(100)).withheld == 1
