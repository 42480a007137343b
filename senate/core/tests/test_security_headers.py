"""Every page carries a Content-Security-Policy that allows only Senate's own scripts and styles, and a
Permissions-Policy; no project template has inline script, event-handler attributes or style
attributes that the policy would refuse (security review, issue 12 item 9)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from senate.core import csp

PAGES = [
    "/?all",
    "/account/sign-in/",
    "/account/api-tokens/",
    "/south-west/",
    "/south-west/interests/register/",
    "/south-west/members/",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_send_the_content_security_policy(client, cast, path):
    client.force_login(cast["manager"])
    response = client.get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    for directive in (
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "img-src 'self' data:",
    ):
        assert directive in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_the_api_and_errors_send_it_too(client, db):
    assert "script-src 'self'" in client.get("/api/v1/senates")["Content-Security-Policy"]
    assert "script-src 'self'" in client.get("/no-such-senate/")["Content-Security-Policy"]


TEMPLATES = sorted(Path(settings.BASE_DIR, "senate").glob("*/jinja2/**/*.jinja"))
# A report as standalone HTML (for PDF and download) carries its own <style>; it is served with a
# policy of its own (csp.STANDALONE_DOCUMENT_POLICY) that allows no script at all.
# The case bundle, a statement of participation and an appointment letter are only ever PDFs.
STANDALONE = {
    "reports/document.jinja",
    "bundles/bundle.jinja",
    "participation/statement_pdf.jinja",
    "recruitment/letter.jinja",
}


def _name(path: Path) -> str:
    return path.as_posix().split("/jinja2/", 1)[1]


def test_templates_are_found():
    assert len(TEMPLATES) > 50 and any(_name(t) == "layout.jinja" for t in TEMPLATES)


@pytest.mark.parametrize("template", TEMPLATES, ids=_name)
def test_no_template_has_inline_script_handlers_or_styles(template):
    text = template.read_text()
    assert not re.search(r"<script\b(?![^>]*\bsrc=)", text), "inline <script>: move it to assets/js"
    assert not re.search(r"\son[a-z]+\s*=", text, re.I), "on…= handler: move it to assets/js"
    assert not re.search(r"\sstyle\s*=", text, re.I), "style attribute: move it to assets/scss/senate.scss"
    if _name(template) not in STANDALONE:
        assert "<style" not in text, "<style> element: move it to assets/scss/senate.scss"


def test_chart_svg_keeps_its_look_without_style_attributes():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><style type="text/css">*{stroke-linejoin: round; '
        'stroke-linecap: butt}</style></defs><path style="fill: #ffffff; stroke: #005eb8; stroke-width: 1.5"/>'
        "<text style=\"font: 10px 'DejaVu Sans'; text-anchor: middle\">Beds</text></svg>"
    )
    out = csp.svg_presentation_attributes(svg)
    assert "style" not in out
    assert '<svg stroke-linejoin="round" stroke-linecap="butt"' in out
    assert '<path fill="#ffffff" stroke="#005eb8" stroke-width="1.5"/>' in out
    assert 'font-size="10px" font-family="\'DejaVu Sans\'" text-anchor="middle"' in out


def test_production_settings_turn_on_https_and_are_off_under_tests():
    assert settings.SECURE_SSL_REDIRECT is False and settings.SECURE_HSTS_SECONDS == 0
    assert settings.SESSION_COOKIE_AGE == 1800 and settings.SESSION_SAVE_EVERY_REQUEST
    lengths = [v.get("OPTIONS", {}).get("min_length") for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert 12 in lengths


def test_production_settings_when_debug_is_off(monkeypatch, tmp_path):
    import subprocess
    import sys

    code = (
        "from senate.config import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_PROXY_SSL_HEADER)"
    )
    base = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "x" * 50, "SENATE_TESTING": "0", "DEBUG": "0"}
    run = lambda **env: subprocess.run(  # noqa: E731
        [sys.executable, "-c", code], env=base | env, capture_output=True, text=True, cwd=settings.BASE_DIR
    ).stdout.split()
    assert run() == ["True", "31536000", "True", "None"]
    assert run(SECURE_SSL_REDIRECT="false", SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO")[0] == "False"
    assert run(SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO")[3:] == ["('HTTP_X_FORWARDED_PROTO',", "'https')"]
