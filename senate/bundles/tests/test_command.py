import io

import pytest
from django.core.management import CommandError, call_command

from senate.bundles.tests.unzipped import manifest, unzip
from senate.core.models import AuditEvent
from senate.reviews.tests.factories import RequestFactory


def test_the_command_writes_the_bundle_and_says_where(cast, tmp_path):
    request = RequestFactory(created_by=cast["requester"])
    out = io.StringIO()

    call_command("bundle", request.reference, "--mode", "disclosure", "--output", str(tmp_path), stdout=out)

    path = tmp_path / f"{request.reference}-case-bundle-disclosure.zip"
    assert str(path) in out.getvalue()
    assert manifest(unzip(path.read_bytes()))["request"]["reference"] == request.reference
    assert AuditEvent.objects.get(action="bundle.made").data["mode"] == "disclosure"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_the_command_names_the_person_and_refuses_anyone_else(cast, tmp_path):
    request = RequestFactory(created_by=cast["requester"])
    target = tmp_path / "bundle.zip"
    call_command(
        "bundle", request.reference, "--output", str(target), "--by", cast["chair"].email, stdout=io.StringIO()
    )
    assert AuditEvent.objects.get(action="bundle.made").actor == cast["chair"] and target.exists()

    with pytest.raises(CommandError, match="may not make"):
        call_command("bundle", request.reference, "--output", str(target), "--by", cast["council"].email)
    with pytest.raises(CommandError, match="no request"):
        call_command("bundle", "SW-1999-999", "--output", str(target))
