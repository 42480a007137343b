import json

import pytest
from django.core.management import CommandError, call_command

from senate.analytics.panel_assignment import read_problem, solve
from senate.members.models import Profession
from senate.panels.tests.factories import member, ready_request, spec


def test_export_writes_the_problem_the_pages_solve(cast, tmp_path, capsys):
    pat = member("Pat Voice", profession=Profession.PPV)
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1)], min_out_of_region=1)
    out = tmp_path / "problem.json"
    call_command("panels", "export", request.reference, "--output", str(out))
    document = json.loads(out.read_text())
    assert document["format"] == "senate-panel-problem/1"
    (review,) = document["reviews"]
    assert review["id"] == f"R{request.pk}" and review["requirements"] == [{"skill": "ppv", "min": 1}]
    assert any(m["id"] == f"M{pat.pk}" and "ppv" in m["skills"] for m in document["members"])
    assert "from outside the region left out" in capsys.readouterr().err
    assert f"M{pat.pk}" in solve(read_problem(document)).panels[f"R{request.pk}"]


def test_export_refuses_unknown_requests_and_missing_specifications(cast):
    with pytest.raises(CommandError, match="No request with the reference or number: NOPE"):
        call_command("panels", "export", "NOPE")
    request = ready_request()
    with pytest.raises(CommandError, match="Set the panel specification first"):
        call_command("panels", "export", str(request.pk))
