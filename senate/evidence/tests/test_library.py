"""Asking for evidence, uploading against it, versions, reminders, the access log and the lifecycle."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from senate.core.models import AuditEvent
from senate.evidence import library, reminders
from senate.evidence.models import AccessLog, EvidenceItem, Kind, Source, Tier
from senate.evidence.tests import samples
from senate.evidence.tests.factories import attested, item, make_request, seat
from senate.notifications.models import Email
from senate.reviews import lifecycle

TODAY = dt.date(2027, 3, 1)


@pytest.fixture
def request_(cast):
    return make_request(stage="panel_recruited")


def test_asking_emails_the_requesters_contacts(cast, request_):
    asked = library.ask_for_evidence(
        request=request_, kind=Kind.WORKFORCE, title="Workforce plan", due_on=TODAY, by=cast["manager"]
    )
    emails = Email.objects.filter(kind="evidence.asked")
    assert [e.to for e in emails] == [cast["requester"].email]
    assert "Workforce plan" in emails[0].body and "1 March 2027" in emails[0].body
    assert AuditEvent.objects.filter(action="evidence.asked", object_id=str(asked.pk)).exists()


def test_the_requester_sees_what_is_asked_and_uploads_against_it(
    client, cast, request_, django_capture_on_commit_callbacks
):
    asked = library.ask_for_evidence(
        request=request_,
        kind=Kind.WORKFORCE,
        title="Workforce plan",
        due_on=dt.date.today() - dt.timedelta(days=1),
        by=cast["manager"],
    )
    client.force_login(cast["requester"])
    page = client.get(f"/south-west/evidence/requests/{request_.pk}/")
    assert b"Workforce plan" in page.content and b"Overdue" in page.content
    with django_capture_on_commit_callbacks(execute=True):  # the text is read after commit
        response = client.post(
            f"/south-west/evidence/requests/{request_.pk}/add/",
            {
                "asked_for": asked.pk,
                "title": "Workforce plan 2027",
                "kind": Kind.WORKFORCE,
                "tier": Tier.OFFICIAL,
                "provenance": "ICB workforce lead",
                "file": SimpleUploadedFile("plan.docx", samples.docx(), content_type="application/octet-stream"),
            },
        )
    assert response.status_code == 302
    stored = EvidenceItem.objects.get(request=request_)
    assert (stored.source, stored.asked_for, stored.added_by) == (Source.REQUESTER, asked, cast["requester"])
    version = stored.latest_version()
    assert version.content_type.endswith("wordprocessingml.document")
    assert "Workforce plan" in version.extracted_text
    assert b"Received" in client.get(f"/south-west/evidence/requests/{request_.pk}/").content
    assert library.outstanding(request_) == []


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("report.pdf", samples.elf(), "is a program"),
        ("report.pdf", samples.windows_exe(), "is a program"),
        ("report.pdf", b"", "The selected file is empty"),
        ("report.pdf", samples.png(), "PNG image but its name ends"),
        ("notes.txt", b"\x89\x00\x01binary", "is not a type of file Senate accepts"),
    ],
)
def test_a_refused_upload_shows_the_reason_at_the_file_field(client, cast, request_, name, data, message):
    client.force_login(cast["requester"])
    response = client.post(
        f"/south-west/evidence/requests/{request_.pk}/add/",
        {"title": "Pack", "kind": Kind.OTHER, "tier": Tier.OFFICIAL, "file": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert message in response.content.decode()
    assert 'id="id_file-error"' in response.content.decode() or "nhsuk-error-message" in response.content.decode()
    assert not EvidenceItem.objects.exists()


def test_a_too_large_upload_is_refused_at_the_field(client, cast, request_, settings):
    settings.EVIDENCE_MAX_UPLOAD_BYTES = 2048
    client.force_login(cast["manager"])
    response = client.post(
        f"/south-west/evidence/requests/{request_.pk}/add/",
        {
            "title": "Model",
            "kind": Kind.MODELLING,
            "tier": Tier.OFFICIAL,
            "file": SimpleUploadedFile("model.pdf", samples.pdf() + b" " * 4096),
        },
    )
    assert "must be smaller than 2 KB" in response.content.decode()
    assert not EvidenceItem.objects.exists()


def test_new_versions_keep_the_old_ones(client, cast, request_):
    one = item(request_, source=Source.REQUESTER, by=cast["requester"], data=samples.pdf("first draft"))
    client.force_login(cast["requester"])
    page = f"/south-west/evidence/requests/{request_.pk}/items/{one.pk}/"
    client.post(page, {"file": SimpleUploadedFile("pack-v2.pdf", samples.pdf("second draft"))})
    versions = list(one.versions.order_by("number"))
    assert [(v.number, v.original_name) for v in versions] == [(1, "pack.pdf"), (2, "pack-v2.pdf")]
    assert versions[0].sha256 != versions[1].sha256
    first = client.get(page + "versions/1/download/")
    assert b"".join(first.streaming_content) == samples.pdf("first draft")
    assert b"Version" in client.get(page).content


def test_the_panel_may_not_replace_the_requesters_file_but_the_team_may(client, cast, request_, senate):
    one = item(request_, source=Source.REQUESTER, by=cast["requester"])
    seat(cast["assembly"], request_)
    attested(cast["assembly"], request_)
    page = f"/south-west/evidence/requests/{request_.pk}/items/{one.pk}/"
    client.force_login(cast["assembly"])
    client.post(page, {"file": SimpleUploadedFile("mine.pdf", samples.pdf())})
    assert one.versions.count() == 1
    client.force_login(cast["manager"])
    client.post(page, {"file": SimpleUploadedFile("team.pdf", samples.pdf())})
    assert one.versions.count() == 2


def test_the_panel_adds_its_own_items(client, cast, request_):
    seat(cast["assembly"], request_)
    attested(cast["assembly"], request_)
    client.force_login(cast["assembly"])
    client.post(
        f"/south-west/evidence/requests/{request_.pk}/add/",
        {
            "title": "Royal College standards",
            "kind": Kind.CLINICAL,
            "tier": Tier.PUBLIC,
            "file": SimpleUploadedFile("standards.csv", samples.csv()),
        },
    )
    assert EvidenceItem.objects.get().source == Source.PANEL


def test_opening_official_sensitive_evidence_is_logged_and_shown_to_the_manager(client, cast, request_):
    secret = item(request_, tier=Tier.OFFICIAL_SENSITIVE, title="Commercial bed prices", by=cast["manager"])
    plain = item(request_, tier=Tier.OFFICIAL, title="Activity model", by=cast["manager"])
    client.force_login(cast["requester"])
    base = f"/south-west/evidence/requests/{request_.pk}/items/"
    assert client.get(f"{base}{plain.pk}/versions/1/download/").status_code == 200
    assert not AccessLog.objects.exists()
    client.force_login(cast["chair"])
    assert client.get(f"{base}{secret.pk}/versions/1/download/").status_code == 200
    entry = AccessLog.objects.get()
    assert (entry.item, entry.user) == (secret, cast["chair"])
    assert AuditEvent.objects.filter(action="evidence.opened_sensitive", actor=cast["chair"]).exists()
    client.force_login(cast["manager"])
    log = client.get(f"/south-west/evidence/requests/{request_.pk}/access-log/").content.decode()
    assert "Helen Chair" in log and "Commercial bed prices" in log


def test_a_refused_opening_is_not_logged(cast, request_):
    secret = item(request_, tier=Tier.OFFICIAL_SENSITIVE, by=cast["manager"])
    with pytest.raises(PermissionDenied):
        library.open_version(user=cast["council"], item=secret)
    assert not AccessLog.objects.exists()


def test_reminders_go_once_when_due_soon_and_once_when_overdue(cast, request_, senate):
    library.ask_for_evidence(
        request=request_,
        kind=Kind.MODELLING,
        title="Bed model",
        due_on=TODAY + dt.timedelta(days=5),
        by=cast["manager"],
    )
    library.ask_for_evidence(
        request=request_, kind=Kind.EQUALITY, title="EHIA", due_on=TODAY + dt.timedelta(days=30), by=cast["manager"]
    )
    assert reminders.send_evidence_reminders(senate, today=TODAY) == 1
    assert reminders.send_evidence_reminders(senate, today=TODAY) == 0
    assert reminders.send_evidence_reminders(senate, today=TODAY + dt.timedelta(days=6)) == 1
    subjects = list(Email.objects.filter(kind="evidence.reminder").order_by("pk").values_list("subject", flat=True))
    assert subjects == [f"Due soon: evidence for {request_.title}", f"Overdue: evidence for {request_.title}"]


def test_no_reminder_once_the_evidence_is_received(cast, request_, senate):
    asked = library.ask_for_evidence(
        request=request_, kind=Kind.MODELLING, title="Bed model", due_on=TODAY, by=cast["manager"]
    )
    library.add_item(
        request=request_,
        title="Bed model",
        kind=Kind.MODELLING,
        tier=Tier.OFFICIAL,
        source=Source.REQUESTER,
        by=cast["requester"],
        name="beds.xlsx",
        data=samples.xlsx(),
        asked_for=asked,
    )
    assert reminders.send_evidence_reminders(senate, today=TODAY + dt.timedelta(days=3)) == 0


def test_evidence_received_needs_at_least_one_received_item(cast, request_):
    with pytest.raises(lifecycle.TransitionRefused, match="No evidence has been received"):
        lifecycle.perform("record_evidence_received", request_, by=cast["manager"])
    item(request_, by=cast["requester"])
    assert lifecycle.perform("record_evidence_received", request_, by=cast["manager"]).stage == "evidence_received"


def test_the_request_page_links_to_evidence_for_those_who_may_see_it(client, cast, request_):
    client.force_login(cast["manager"])
    assert (
        f"/south-west/evidence/requests/{request_.pk}/".encode()
        in client.get(f"/south-west/requests/{request_.pk}/").content
    )
    client.force_login(cast["assurance"])
    page = client.get(f"/south-west/requests/{request_.pk}/")
    assert f"/south-west/evidence/requests/{request_.pk}/".encode() not in page.content


def test_the_daily_run_sends_evidence_reminders(cast, request_):
    from django.core.management import call_command

    library.ask_for_evidence(
        request=request_,
        kind=Kind.MODELLING,
        title="Bed model",
        due_on=dt.date.today() - dt.timedelta(days=2),
        by=cast["manager"],
    )
    call_command("daily")
    reminder = Email.objects.get(kind="evidence.reminder")
    assert reminder.to == cast["requester"].email and reminder.subject.startswith("Overdue")
