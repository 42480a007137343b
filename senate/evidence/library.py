"""The evidence library of a request: asking the requester for evidence, adding items and new versions
of them, and opening them. Every write is in a transaction with its audit record. An uploaded file is
stored just before its transaction and removed if the transaction fails (core.uploads.stored_file);
its text is extracted after commit, in the background (tasks.extract_version_text)."""

import datetime as dt
import posixpath
import uuid
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django_tasks import task

from senate.accounts.models import Role, RoleAssignment, User
from senate.core import audit, registry
from senate.core.uploads import stored_file
from senate.evidence import access, extract, uploads
from senate.evidence.models import AccessLog, EvidenceItem, EvidenceRequest, EvidenceVersion, Source, Tier
from senate.notifications.outbox import queue_email
from senate.reviews.models import Request


def requester_contacts(request: Request) -> list[User]:
    """The people who act for the requesting (or sponsoring) organisation in this Senate."""
    orgs = [o for o in (request.requesting_organisation_id, request.sponsor_organisation_id) if o]
    assignments = RoleAssignment.objects.filter(
        senate=request.senate, role=Role.REQUESTER, organisation_id__in=orgs, user__is_active=True
    ).select_related("user")
    return sorted({a.user for a in assignments}, key=lambda u: u.pk)


def ask_for_evidence(
    *, request: Request, kind: str, title: str, due_on: dt.date, by: User, detail: str = ""
) -> EvidenceRequest:
    """The Senate team asks the requester for one item of evidence by a date; the requester's contacts
    are emailed."""
    with transaction.atomic():
        asked = EvidenceRequest.objects.create(
            request=request, kind=kind, title=title.strip(), detail=detail.strip(), due_on=due_on, asked_by=by
        )
        audit.record(
            "evidence.asked",
            asked,
            by=by,
            senate=request.senate,
            summary=f"Asked the requester for “{asked.title}” by {due_on:%-d %B %Y} on {request}",
            data={"request": request.pk, "kind": kind, "due_on": due_on.isoformat()},
        )
        for contact in requester_contacts(request):
            queue_email(
                to=contact,
                subject=f"The {request.senate.name} asks for evidence: {asked.title}",
                body=_asked_body(asked, contact),
                kind="evidence.asked",
                about=asked,
                senate=request.senate,
            )
    return asked


def _asked_body(asked: EvidenceRequest, contact: User) -> str:
    from django.conf import settings
    from django.urls import reverse

    request = asked.request
    link = reverse("evidence:library", kwargs={"senate": request.senate.slug, "pk": request.pk})
    return (
        f"Dear {contact.full_name},\n\n"
        f"For the review of “{request.title}”, the panel needs: {asked.title} "
        f"({asked.get_kind_display()}), by {asked.due_on:%-d %B %Y}.\n\n"
        f"{asked.detail + chr(10) + chr(10) if asked.detail else ''}"
        f"Upload it here:\n{settings.SITE_URL}{link}\n"
    )


def add_item(
    *,
    request: Request,
    title: str,
    kind: str,
    tier: str,
    source: str,
    by: User,
    name: str,
    data: bytes,
    provenance: str = "",
    asked_for: EvidenceRequest | None = None,
) -> EvidenceItem:
    """A new item with its first version. Raises uploads.UploadRefused before anything is stored. The
    file is stored before the transaction opens and deleted again if the transaction fails; its text
    is read after commit, in the background."""
    checked = uploads.check_upload(name=name, data=data)
    if tier not in Tier.values or source not in Source.values:
        raise ValueError("unknown tier or source")
    with stored_file(_path(request.pk, checked), data) as path, transaction.atomic():
        item = EvidenceItem.objects.create(
            request=request,
            asked_for=asked_for,
            title=title.strip(),
            kind=kind,
            tier=tier,
            source=source,
            provenance=provenance.strip(),
            added_by=by,
        )
        audit.record(
            "evidence.added",
            item,
            by=by,
            senate=request.senate,
            summary=f"Added {item.get_tier_display().lower()} evidence “{item.title}” to {request}",
            data={"request": request.pk, "tier": tier, "source": source},
        )
        _record_version(item, checked, path, by)
    return item


def add_version(*, item: EvidenceItem, by: User, name: str, data: bytes) -> EvidenceVersion:
    """A new version of an item; earlier versions stay as they were."""
    checked = uploads.check_upload(name=name, data=data)
    with stored_file(_path(item.request_id, checked), data) as path, transaction.atomic():
        EvidenceItem.objects.select_for_update().filter(pk=item.pk).first()
        return _record_version(item, checked, path, by)


def _path(request_id: int, checked: uploads.Checked) -> str:
    extension = posixpath.splitext(checked.original_name)[1].lower()
    return f"evidence/{request_id}/{uuid.uuid4().hex}{extension}"


def _record_version(item: EvidenceItem, checked: uploads.Checked, path: str, by: User) -> EvidenceVersion:
    number = (item.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = EvidenceVersion.objects.create(
        item=item,
        number=number,
        file=path,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=by,
    )
    audit.record(
        "evidence.version_uploaded",
        version,
        by=by,
        senate=item.request.senate,
        summary=f"Uploaded version {number} of “{item.title}” ({checked.original_name})",
        data={"item": item.pk, "number": number, "sha256": checked.sha256, "content_type": checked.content_type},
    )
    transaction.on_commit(lambda: extract_version_text.enqueue(version.pk))
    return version


# Called with the version's id once its text is stored: later apps (search) register here.
TEXT_STORED = registry.point("evidence.text_stored", "fn(version_id) once a version's text is stored")


def store_extracted_text(version_id: int) -> int:
    """The background part of an upload: read the stored file's text for search and keep it. Best
    effort (extract.best_effort never raises; a missing file gives no text). Returns its length."""
    version = EvidenceVersion.objects.filter(pk=version_id).first()
    if version is None:
        return 0
    try:
        with version.file.open("rb") as stored:
            data = stored.read(uploads.max_bytes() + 1)
    except Exception:  # noqa: BLE001 - storage away or file gone: no text, as for any failure
        return 0
    text = extract.best_effort(data=data, content_type=version.content_type)
    EvidenceVersion.objects.filter(pk=version_id).update(extracted_text=text)
    for hook in registry.contributions(TEXT_STORED):
        hook(version_id)
    return len(text)


@task()
def extract_version_text(version_id: int) -> int:
    """Queued when an upload commits: keep the version's text for search (best effort, limited in
    time and memory). Returns how many characters were kept."""
    return store_extracted_text(version_id)


def stored_files() -> list[str]:
    """Every evidence file a version points at (for the sweeper of orphans)."""
    return list(EvidenceVersion.objects.values_list("file", flat=True))


def open_version(*, user: User, item: EvidenceItem, number: int | None = None) -> EvidenceVersion:
    """The version this person asked to open (the latest by default), after checking they may. Opening
    an official-sensitive item is logged. Raises PermissionDenied (or AttestationRequired)."""
    if not access.can_open(user, item):
        if access.is_on_panel(user, item.request):
            from senate.interests.attestation import require_attestation

            require_attestation(user, item.request)
        raise PermissionDenied(f"you may not open this evidence: {access.refusal(user, item)}")
    versions = item.versions.all()
    version = versions.filter(number=number).first() if number else versions.order_by("-number").first()
    if version is None:
        raise EvidenceVersion.DoesNotExist
    if item.tier == Tier.OFFICIAL_SENSITIVE:
        with transaction.atomic():
            AccessLog.objects.create(item=item, version=version, user=user)
            audit.record(
                "evidence.opened_sensitive",
                item,
                by=user,
                senate=item.request.senate,
                summary=f"{user} opened official-sensitive evidence “{item.title}” (version {version.number})",
                data={"request": item.request_id, "version": version.number},
            )
    return version


def received_items(request: Request) -> Any:
    """Items of this request with at least one uploaded version."""
    return EvidenceItem.objects.filter(request=request, versions__isnull=False).distinct()


def evidence_received_check(request: Request) -> str | None:
    """Lifecycle check for `record_evidence_received`."""
    if not received_items(request).exists():
        return "No evidence has been received yet: upload at least one evidence item first."
    return None


def outstanding(request: Request) -> list[EvidenceRequest]:
    """What the Senate has asked for and nothing has yet been uploaded against."""
    return list(
        EvidenceRequest.objects.filter(request=request).exclude(items__versions__isnull=False).order_by("due_on")
    )
