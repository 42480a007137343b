"""The index follows every write: a save or delete of any record a document is made from (or that
changes who may find one: the request's stage, a panel seat, an attestation, a conflict decision, a
role) marks its request, and once the transaction commits the marked requests are queued to be indexed
again by the background worker (a few seconds later; at once under tests). A Council meeting's papers
and minutes follow the meeting in the same way, and a Senate's published declarations follow its
register (a declaration, a decision to withhold or publish one, a membership)."""

from django.db import connection, transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save

from senate.accounts.models import RoleAssignment

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
    "council.PublicationPermission": "request_id",
    "council.Decision": "item__request_id",
}
# model label: how to reach the meeting from a saved row
MEETINGS: dict[str, str] = {
    "council.Meeting": "pk",
    "council.Paper": "meeting_id",
    "council.Minutes": "meeting_id",
    "council.AgendaItem": "meeting_id",
}
# model label: how to reach the member profile whose Senates' registers change
REGISTERS: dict[str, str] = {
    "interests.Declaration": "profile_id",
    "interests.DeclarationVersion": "declaration__profile_id",
    "interests.PublicationDecision": "declaration__profile_id",
    "members.Membership": "profile_id",
}
PAUSED = {"on": False}  # the demo build pauses following and reindexes once at its end


def connect() -> None:
    from django.apps import apps

    for label in FOLLOWED:
        model = apps.get_model(label)
        post_save.connect(_saved, sender=model, dispatch_uid=f"search:{label}:save")
        post_delete.connect(_saved, sender=model, dispatch_uid=f"search:{label}:delete")
    for label in MEETINGS:
        model = apps.get_model(label)
        post_save.connect(_meeting_saved, sender=model, dispatch_uid=f"search:{label}:save")
        post_delete.connect(_meeting_saved, sender=model, dispatch_uid=f"search:{label}:delete")
    for label in REGISTERS:
        model = apps.get_model(label)
        post_save.connect(_register_changed, sender=model, dispatch_uid=f"search:{label}:save")
        post_delete.connect(_register_changed, sender=model, dispatch_uid=f"search:{label}:delete")
    from senate.core import registry
    from senate.evidence.library import TEXT_STORED

    registry.register(TEXT_STORED, _text_stored, order=0)
    role = apps.get_model("accounts.RoleAssignment")
    post_save.connect(_role_changed, sender=role, dispatch_uid="search:role:save")
    post_delete.connect(_role_changed, sender=role, dispatch_uid="search:role:delete")


def _reach(instance: Model, path: str) -> set[int]:
    if path == "pk":
        return {instance.pk}
    if "__" not in path:
        found = getattr(instance, path, None)
        return {found} if found is not None else set()
    first, rest = path.split("__", 1)
    parent = getattr(instance, first, None)
    return _reach(parent, rest) if parent is not None else set()


def _saved(sender: type[Model], instance: Model, **kwargs: object) -> None:
    mark(_reach(instance, FOLLOWED[sender._meta.label]))


def _meeting_saved(sender: type[Model], instance: Model, **kwargs: object) -> None:
    mark(_reach(instance, MEETINGS[sender._meta.label]), target="meeting")


def _register_changed(sender: type[Model], instance: Model, **kwargs: object) -> None:
    from senate.members.models import Membership

    profiles = _reach(instance, REGISTERS[sender._meta.label])
    senates = set(Membership.objects.filter(profile_id__in=profiles).values_list("senate_id", flat=True))
    if isinstance(instance, Membership):
        senates.add(instance.senate_id)
    mark(senates, target="register")


def _text_stored(version_id: int) -> None:
    """An evidence file's text, read in the background after its upload, is searchable once stored."""
    from senate.evidence.models import EvidenceVersion

    mark(set(EvidenceVersion.objects.filter(pk=version_id).values_list("item__request_id", flat=True)))


def _role_changed(sender: type[Model], instance: RoleAssignment, **kwargs: object) -> None:
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


def mark(ids: set[int], *, target: str = "request") -> None:
    """Index these requests (or meetings, or Senates' registers) again once the transaction commits
    (at once outside a transaction)."""
    if PAUSED["on"] or not ids:
        return
    pending: dict[str, set[int]] = getattr(connection, "_search_pending", None) or {}
    pending[target] = pending.get(target, set()) | ids
    connection._search_pending = pending  # type: ignore[attr-defined]
    # A flush after every mark: one that runs after another finds nothing pending and does nothing (a
    # flush queued once and reused would be lost with a block that never commits, as in tests).
    transaction.on_commit(_flush, robust=True)


def _flush() -> None:
    """Queue the marked requests, meetings and registers for the background worker (run at once under
    tests)."""
    from senate.search.tasks import index_meetings, index_registers, index_requests

    pending = getattr(connection, "_search_pending", None) or {}
    connection._search_pending = {}  # type: ignore[attr-defined]
    if pending.get("request"):
        index_requests.enqueue(sorted(pending["request"]))
    if pending.get("meeting"):
        index_meetings.enqueue(sorted(pending["meeting"]))
    if pending.get("register"):
        index_registers.enqueue(sorted(pending["register"]))
