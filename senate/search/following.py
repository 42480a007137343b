"""The index follows every write: a save or delete of any record a document is made from (or that
changes who may find one: the request's stage, a panel seat, an attestation, a conflict decision, a
role) marks its request, and once the transaction commits the marked requests are queued to be indexed
again by the background worker (a few seconds later; at once under tests)."""

from typing import Any

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

# model label: how to reach the request(s) from a saved row
FOLLOWED: dict[str, str] = {
    "reviews.Request": "pk",
    "reviews.PartnerSenate": "request_id",
    "reviews.TermsOfReference": "request_id",
    "reviews.Recommendation": "request_id",
    "reviews.RecommendationResponse": "recommendation__request_id",
    "reports.ReportDraft": "request_id",
    "reports.AccuracyRound": "request_id",
    "evidence.EvidenceItem": "request_id",
    "evidence.EvidenceVersion": "item__request_id",
    "panels.PanelMember": "request_id",
    "interests.Attestation": "request_id",
    "interests.ConflictDecision": "request_id",
}
PAUSED = {"on": False}  # the demo build pauses following and reindexes once at its end


def connect() -> None:
    from django.apps import apps

    for label in FOLLOWED:
        model = apps.get_model(label)
        post_save.connect(_saved, sender=model, dispatch_uid=f"search:{label}:save")
        post_delete.connect(_saved, sender=model, dispatch_uid=f"search:{label}:delete")
    from senate.evidence.library import TEXT_STORED

    if _text_stored not in TEXT_STORED:
        TEXT_STORED.append(_text_stored)
    role = apps.get_model("accounts.RoleAssignment")
    post_save.connect(_role_changed, sender=role, dispatch_uid="search:role:save")
    post_delete.connect(_role_changed, sender=role, dispatch_uid="search:role:delete")


def _saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    path = FOLLOWED[sender._meta.label]
    if path == "pk":
        mark({instance.pk})
    elif "__" not in path:
        mark({getattr(instance, path)})
    else:
        first, rest = path.split("__", 1)
        parent = getattr(instance, first, None)
        mark({getattr(parent, rest)} if parent is not None else set())


def _text_stored(version_id: int) -> None:
    """An evidence file's text, read in the background after its upload, is searchable once stored."""
    from senate.evidence.models import EvidenceVersion

    mark(set(EvidenceVersion.objects.filter(pk=version_id).values_list("item__request_id", flat=True)))


def _role_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A person's roles decide what they find by name on the requests they are involved in."""
    from django.db.models import Q

    from senate.reviews.models import Request

    user = instance.user_id
    mine = Request.objects.filter(
        Q(panel_members__profile__user_id=user)
        | Q(attestations__profile__user_id=user)
        | Q(conflict_decisions__profile__user_id=user)
    )
    mark(set(mine.values_list("pk", flat=True)))


def mark(request_ids: set[int]) -> None:
    """Index these requests again once the transaction commits (at once outside a transaction)."""
    if PAUSED["on"] or not request_ids:
        return
    pending: set[int] = getattr(connection, "_search_pending", None) or set()
    connection._search_pending = pending | request_ids  # type: ignore[attr-defined]
    # Queued once until it runs; again if a rolled-back block dropped it.
    queued = getattr(connection, "_search_queued", False)
    if not queued or not any(entry[1] is _flush for entry in connection.run_on_commit):
        connection._search_queued = True  # type: ignore[attr-defined]
        transaction.on_commit(_flush, robust=True)


def _flush() -> None:
    """Queue the marked requests for the background worker (run at once under tests)."""
    from senate.search.tasks import index_requests

    pending = getattr(connection, "_search_pending", None) or set()
    connection._search_pending = set()  # type: ignore[attr-defined]
    connection._search_queued = False  # type: ignore[attr-defined]
    if pending:
        index_requests.enqueue(sorted(pending))
