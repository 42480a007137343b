"""Saving the quorum rules page unchanged keeps every safeguard as it was (issue 14, item 1); so does
saving the service levels page. The page is resubmitted exactly as a browser would send it."""

import html
import re

from senate.council.models import QuorumRule


def _attr(attrs: str, name: str) -> str | None:
    found = re.search(rf'\b{name}="([^"]*)"', attrs)
    return html.unescape(found.group(1)) if found else None


def as_a_browser_sends_it(page: str) -> dict[str, list[str]]:
    """The form's fields as a browser submits them: checked boxes and radios only, selected options."""
    form = page[page.index('<form method="post"') :]
    form = form[: form.index("</form>")]
    data: dict[str, list[str]] = {}
    for tag in re.finditer(r"<input\b[^>]*>", form):
        attrs, kind = tag.group(0), _attr(tag.group(0), "type") or "text"
        name = _attr(attrs, "name")
        if not name or (kind in {"radio", "checkbox"} and not re.search(r"\bchecked\b", attrs)):
            continue
        data.setdefault(name, []).append(_attr(attrs, "value") or "")
    for select in re.finditer(r'<select\b[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', select.group(2))
        data[select.group(1)] = [chosen.group(1) if chosen else ""]
    for area in re.finditer(r'<textarea\b[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        data[area.group(1)] = [html.unescape(area.group(2)).lstrip("\n")]
    return data


def test_saving_the_quorum_rules_unchanged_keeps_the_chair_and_council_safeguards(client, cast, senate):
    QuorumRule.objects.update_or_create(senate=senate, defaults={"needs_chair": True, "council_approves": True})
    client.force_login(cast["manager"])
    page = client.get("/south-west/council/quorum/").content.decode()
    response = client.post("/south-west/council/quorum/", as_a_browser_sends_it(page))
    assert response.status_code == 302
    rule = QuorumRule.objects.get(senate=senate)
    assert rule.needs_chair and rule.council_approves


def test_saving_the_service_levels_unchanged_keeps_the_sponsor_rule(client, cast, senate):
    client.force_login(cast["manager"])
    page = client.get("/south-west/requests/service-levels/").content.decode()
    data = as_a_browser_sends_it(page)
    data["requires_commissioner_sponsor"] = ["True"]
    client.post("/south-west/requests/service-levels/", data)
    again = as_a_browser_sends_it(client.get("/south-west/requests/service-levels/").content.decode())
    assert again.get("requires_commissioner_sponsor") == ["True"]
    client.post("/south-west/requests/service-levels/", again)
    assert as_a_browser_sends_it(client.get("/south-west/requests/service-levels/").content.decode()).get(
        "requires_commissioner_sponsor"
    ) == ["True"]


def test_a_quorum_change_is_recorded_before_and_after_and_lost_with_its_audit_event(client, cast, senate, monkeypatch):
    from senate.core import audit
    from senate.core.models import AuditEvent
    from senate.council.quorum_rules import set_quorum_rules

    QuorumRule.objects.update_or_create(senate=senate, defaults={"share_percent": 50})
    set_quorum_rules(senate, changes={"share_percent": 60}, by=cast["manager"])
    event = AuditEvent.objects.filter(action="council.quorum_changed").latest("id")
    assert event.data["changed"] == {"share_percent": [50, 60]} and event.actor == cast["manager"]

    def broken(*args, **kwargs):
        raise RuntimeError("the audit trail could not be written")

    monkeypatch.setattr(audit, "record", broken)
    try:
        set_quorum_rules(senate, changes={"share_percent": 75}, by=cast["manager"])
    except RuntimeError:
        pass
    assert QuorumRule.objects.get(senate=senate).share_percent == 60, "no change is kept without its audit event"
