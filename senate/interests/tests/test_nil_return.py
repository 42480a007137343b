import pytest

from senate.core.models import AuditEvent
from senate.interests.declaring import DeclarationRefused, make_nil_return
from senate.interests.due import Status, due_rows
from senate.interests.models import Declaration, Kind
from senate.interests.tests.conftest import ago
from senate.interests.tests.factories import declared


def test_a_nil_return_is_a_declaration(client, cast, senate, assembly_profile):
    client.force_login(cast["assembly"])
    response = client.post("/declarations/nil-return/", {"confirm": ["yes"]})
    assert response.status_code == 302
    declaration = Declaration.objects.get(profile=assembly_profile)
    assert declaration.kind == Kind.NIL and declaration.versions.get().nature == "No interests to declare"
    assert AuditEvent.objects.filter(action="interests.nil_return").exists()
    assert "Your nil return has been recorded" in client.get("/declarations/").content.decode()
    row = next(r for r in due_rows(senate, today=ago(0)) if r.profile == assembly_profile)
    assert row.status == Status.UP_TO_DATE


def test_a_nil_return_must_be_confirmed(client, cast):
    client.force_login(cast["assembly"])
    response = client.post("/declarations/nil-return/", {})
    assert "Confirm that you have no interests to declare" in response.content.decode()
    assert not Declaration.objects.exists()


def test_a_nil_return_is_refused_while_an_interest_is_open(client, cast, assembly_profile):
    declared(assembly_profile)
    client.force_login(cast["assembly"])
    response = client.post("/declarations/nil-return/", {"confirm": ["yes"]})
    assert "There is a problem" in response.content.decode()
    assert not Declaration.objects.filter(kind=Kind.NIL).exists()
    with pytest.raises(DeclarationRefused):
        make_nil_return(assembly_profile, by=cast["assembly"])


def test_a_nil_return_is_allowed_once_interests_have_ended(cast, assembly_profile):
    declared(assembly_profile, started_on=ago(400), ended_on=ago(30))
    assert make_nil_return(assembly_profile, by=cast["assembly"]).kind == Kind.NIL
