"""`senate panels solve`: what someone at a terminal sees."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ..check import violations
from ..cli import main
from ..format import read_answer, read_problem
from .docs_example import PRINTED, completed


def _write(tmp_path: Path, doc: object) -> str:
    path = tmp_path / "problem.json"
    path.write_text(json.dumps(doc))
    return str(path)


def test_the_format_example_round_trips_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    problem_path = _write(tmp_path, completed())
    assert main([problem_path, "--time-limit", "10"]) == 0
    out = capsys.readouterr()
    answer = read_answer(json.loads(out.out))
    assert answer.status == "optimal"
    assert violations(read_problem(completed()), answer) == []
    assert out.err == ""


def test_output_goes_to_the_named_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "answer.json"
    assert main([_write(tmp_path, completed()), "--output", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text())["format"] == "senate-panel-answer/1"


def test_standard_input_is_read_for_a_dash(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(completed())))
    assert main(["-"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "optimal"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (json.dumps(PRINTED), "conflicts[0]: unknown member 'M0007'"),
        ("{not json", "not JSON"),
        (json.dumps({**completed(), "format": "x"}), "format: unknown format 'x'"),
    ],
)
def test_malformed_input_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    path = tmp_path / "problem.json"
    path.write_text(content)
    target = tmp_path / "answer.json"
    assert main([str(path), "--output", str(target)]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert message in out.err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [path]  # no temporary left behind either


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nowhere.json")]) == 2
    out = capsys.readouterr()
    assert out.out == "" and "cannot read" in out.err


def test_a_bad_time_limit_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main([_write(tmp_path, completed()), "--time-limit", "-1"])
    assert stopped.value.code == 2
    assert "senate panels solve" in capsys.readouterr().err
