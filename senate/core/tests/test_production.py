"""Production mode as a newcomer meets it: static files collected with the manifest storage, pages
and error pages served with DEBUG off, and the README's commands run with no secret at all."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from senate.analytics.panel_assignment.tests.docs_example import completed

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_STATIC = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture(scope="module")
def collected_root(tmp_path_factory, django_db_blocker):
    """collectstatic exactly as `make serve-production` runs it, once, into a folder of the tests' own."""
    from django.test import override_settings

    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=PRODUCTION_STATIC, DEBUG=False):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def collected(settings, collected_root):
    settings.STATIC_ROOT, settings.STORAGES, settings.DEBUG = collected_root, PRODUCTION_STATIC, False
    return collected_root


def test_collectstatic_succeeds_with_the_production_manifest(collected):
    manifest = json.loads((collected / "staticfiles.json").read_text())["paths"]
    assert "nhsuk/nhsuk-frontend.min.css" in manifest
    assert "senate/js-enabled.js" in manifest


@pytest.mark.django_db
def test_pages_render_in_the_nhs_design_with_the_production_manifest(collected, client, reference_data):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "nhsuk-header" in page
    # Every asset is named by its hashed file, so browsers may cache it for ever.
    assert "/static/nhsuk/nhsuk-frontend.min." in page and ".min.css" not in page.split("nhsuk-frontend.min.")[0]
    assert "/static/nhsuk/images/favicon." in page


@pytest.mark.django_db
def test_not_found_page_is_in_the_nhs_design_in_production(collected, client, reference_data):
    response = client.get("/atlantis/")
    assert response.status_code == 404
    assert b"Page not found" in response.content and b"nhsuk-header" in response.content


@pytest.mark.django_db
def test_server_error_page_is_in_the_nhs_design_in_production(collected, rf, reference_data):
    from senate.core.views import server_error

    request = rf.get("/")
    request.user, request.senate = AnonymousUser(), None
    response = server_error(request)
    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content
    assert b"nhsuk-header" in response.content


def test_no_page_carries_an_inline_script():
    """The Content-Security-Policy refuses inline scripts, so no template may carry one."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "senate").rglob("*.jinja")
        if "<script>" in path.read_text() or "<script >" in path.read_text()
    ]
    assert offenders == []


def _newcomer_env() -> dict[str, str]:
    """A fresh shell: no DEBUG, no SECRET_KEY, not under pytest."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "SENATE_TESTING"}}
    env.pop("DATABASE_URL", None)
    return env


def _senate(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "senate", *args]
    return subprocess.run(command, cwd=cwd, env=_newcomer_env(), capture_output=True, text=True, timeout=120)


def test_panels_solve_runs_as_the_readme_writes_it(tmp_path):
    problem = tmp_path / "problem.json"
    problem.write_text(json.dumps(completed()))
    done = _senate("panels", "solve", str(problem), "--output", str(tmp_path / "answer.json"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "answer.json").read_text())["status"] == "optimal"


def test_beds_assess_runs_as_the_readme_writes_it(tmp_path):
    done = _senate("beds", "assess", str(ROOT / "docs" / "beds" / "example-scenario.json"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "ImproperlyConfigured" not in done.stderr


def test_the_web_server_refuses_to_start_without_a_secret_key(tmp_path):
    code = "import senate.config.wsgi"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=_newcomer_env(), capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert "SECRET_KEY must be set" in done.stderr
