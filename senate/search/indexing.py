"""Writing the index: every document of a request, with its words and its audience keys, made again
from the record (a stage change alters who may find them). `reindex` rebuilds everything."""

from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction

from senate.accounts.models import User
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
    request = Request.objects.select_related("senate").get(pk=request.pk)
    organisations = [o for o in (request.requesting_organisation_id, request.sponsor_organisation_id) if o]
    people = involved(request)
    # A joint review's partner Senates, invited (their manager reads the request) or taking part.
    partners = {s for s, status in joint.partnerships(request) if status != PartnerSenate.Status.DECLINED}
    with transaction.atomic():
        old = list(Document.objects.filter(request=request).values_list("pk", flat=True))
        backend().forget(old)
        Document.objects.filter(pk__in=old).delete()
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
            _write(request, source, keys)
            count += 1
    return count


def _write(request: Request, source: documents.Source, keys: set[str]) -> None:
    title, body = source.title.translate(CONTROL), ("" if source.no_text and not source.body else source.body)
    document = Document.objects.create(
        ref=source.ref,
        kind=source.kind,
        senate_id=request.senate_id,
        request=request,
        title=title[:300],
        body=body.translate(CONTROL),
        url=source.url,
        dated=source.dated,
        advice_kind=request.kind,
        stage=request.stage,
        no_text=source.no_text,
    )
    Audience.objects.bulk_create([Audience(document=document, key=k) for k in sorted(keys)])
    backend().write(document.pk, document.title, document.body)


def reindex(progress: Callable[[Iterable[Any], int], Iterable[Any]] = lambda items, total: items) -> int:
    """Rebuild the whole index from the records; returns how many documents it holds."""
    requests = Request.objects.order_by("pk")
    with transaction.atomic():
        backend().forget(list(Document.objects.values_list("pk", flat=True)))
        Document.objects.all().delete()
        _clear_text()
        return sum(index_request(r) for r in progress(requests, requests.count()))


def _clear_text() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_text")
