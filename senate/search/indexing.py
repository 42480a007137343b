"""Writing the index: every document of a request, with its words and its audience keys, made again
from the record (a stage change alters who may find them). `reindex` rebuilds everything."""

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from senate.accounts.models import User
from senate.organisations.models import OrganisationType
from senate.reviews import joint
from senate.reviews.models import PartnerSenate, Request
from senate.search import audience, documents
from senate.search.backends import backend
from senate.search.models import Audience, Document

CONTROL = str.maketrans({chr(c): " " for c in range(32) if c not in (9, 10, 13)})


def involved(request: Request) -> list[User]:
    """The people the rules decide about by name on this request: anyone invited to or seated on its
    panel, who has attested for it, or whom a conflict decision on it names."""
    from django.db.models import Q

    return list(
        User.objects.filter(
            Q(profile__panel_seats__request=request)
            | Q(profile__attestations__request=request)
            | Q(profile__conflict_decisions__request=request)
        ).distinct()
    )


def index_request(request: Request) -> int:
    """Make every document of this request again; returns how many there are."""
    request = Request.objects.select_related("senate", "requesting_organisation").get(pk=request.pk)
    organisations = [o for o in (request.requesting_organisation_id, request.sponsor_organisation_id) if o]
    people = involved(request)
    # A joint review's partner Senates, invited (their manager reads the request) or taking part.
    partners = {s for s, status in joint.partnerships(request) if status != PartnerSenate.Status.DECLINED}
    organisation = request.requesting_organisation
    where = {
        "senate_id": request.senate_id,
        "request": request,
        "advice_kind": request.kind,
        "stage": request.stage,
        "organisation_id": organisation.pk,
        "icb_id": organisation.pk if organisation.type == OrganisationType.ICB else organisation.icb_id,
    }
    with transaction.atomic():
        _forget(Document.objects.filter(request=request))
        count = 0
        for source in documents.of_request(request):
            keys = audience.document_keys(
                source.may_open,
                public=source.public,
                senate_id=request.senate_id,
                organisation_ids=organisations,
                people=people,
                partner_senate_ids=partners,
            )
            _write(where, source, keys)
            count += 1
    return count


def index_meeting(meeting_id: int) -> int:
    """Make a Council meeting's papers and minutes again (none once the meeting is deleted)."""
    from senate.council.models import Meeting

    with transaction.atomic():
        _forget(Document.objects.filter(meeting_id=meeting_id))
        meeting = Meeting.objects.select_related("senate").filter(pk=meeting_id).first()
        if meeting is None:
            return 0
        count = 0
        for source in documents.of_meeting(meeting):
            keys = audience.document_keys(
                source.may_open, public=source.public, senate_id=meeting.senate_id, organisation_ids=[], people=[]
            )
            _write({"senate_id": meeting.senate_id, "meeting": meeting}, source, keys)
            count += 1
    return count


def index_register(senate_id: int) -> int:
    """Make a Senate's published declarations again, as its public register shows them today."""
    from django.utils import timezone

    from senate.organisations.models import Senate

    senate = Senate.objects.get(pk=senate_id)
    with transaction.atomic():
        _forget(Document.objects.filter(kind=Document.Kind.DECLARATION, senate=senate))
        count = 0
        for source in documents.of_register(senate, today=timezone.localdate()):
            _write({"senate_id": senate.pk}, source, {audience.PUBLIC})
            count += 1
    return count


def _forget(old: QuerySet[Document]) -> None:
    ids = list(old.values_list("pk", flat=True))
    if ids:
        backend().forget(ids)
        Document.objects.filter(pk__in=ids).delete()


def _write(where: dict[str, Any], source: documents.Source, keys: set[str]) -> None:
    title, body = source.title.translate(CONTROL), ("" if source.no_text and not source.body else source.body)
    document = Document.objects.create(
        ref=source.ref,
        kind=source.kind,
        title=title[:300],
        body=body.translate(CONTROL),
        url=source.url,
        dated=source.dated,
        no_text=source.no_text,
        **where,
    )
    Audience.objects.bulk_create([Audience(document=document, key=k) for k in sorted(keys)])
    backend().write(document.pk, document.title, document.body, keys)


def reindex(progress: Callable[[Iterable[Any], int], Iterable[Any]] = lambda items, total: items) -> int:
    """Rebuild the whole index from the records; returns how many documents it holds."""
    from senate.council.models import Meeting
    from senate.organisations.models import Senate

    requests = Request.objects.order_by("pk")
    with transaction.atomic():
        backend().forget(list(Document.objects.values_list("pk", flat=True)))
        Document.objects.all().delete()
        _clear_text()
        count = sum(index_request(r) for r in progress(requests, requests.count()))
        count += sum(index_meeting(pk) for pk in Meeting.objects.order_by("pk").values_list("pk", flat=True))
        count += sum(index_register(pk) for pk in Senate.objects.order_by("pk").values_list("pk", flat=True))
        return count


def _clear_text() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_text")


def reindex_published(today: dt.date | None = None) -> str:
    """What changes with the date alone, as it stands today: each Senate's published register (an entry
    ending) and advice permitted from today (`senate search published`, once a day)."""
    from django.utils import timezone

    from senate.organisations.models import Senate

    today = today or timezone.localdate()
    senates = list(Senate.objects.current(today).values_list("pk", flat=True))
    for pk in senates:
        index_register(pk)
    published = list(Request.objects.filter(publication_permission__publish_from=today))
    for request in published:
        index_request(request)
    return f"{len(senates)} registers and {len(published)} requests published today indexed again"
