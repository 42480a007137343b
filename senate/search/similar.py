"""Similar past reviews: the earlier requests, across every Senate, closest to this one among those the
viewer may find (search.searching.permitted, so the permission is part of the query), each with why it
is similar (the terms they share, the same service line, the same ICB, the same kind of advice), its
outcome, and, where the viewer may read the advice, its key recommendations and whether each was
accepted.

Closeness: the request's own distinctive words are searched (any of them) among the earlier requests
the viewer may find, and the ranking is then adjusted by what a Senate manager would look at first:
a shared service line counts for most, then the same ICB and the same kind of advice."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Case, Q, QuerySet, TextField, Value, When
from django.utils.timezone import localdate

from senate.accounts.models import User
from senate.core.cache import until_next_act
from senate.council.publication import redact
from senate.organisations.models import Organisation, OrganisationType
from senate.reports.framework import outcome_label
from senate.reports.signoff import opinions_signed_off
from senate.reviews.models import Recommendation, Request
from senate.reviews.permission_names import ReviewsPermission
from senate.search.audience import viewer_keys
from senate.search.backends import backend
from senate.search.models import Audience, Document
from senate.search.query import STOP, Query
from senate.search.searching import permitted
from senate.search.snippets import stem
from senate.search.words import words

LIMIT = 5
TERMS = 12  # the most distinctive words of a request that are searched for
SHOWN_TERMS = 5
KEY_RECOMMENDATIONS = 3
# Words every request uses, which say nothing about what it is about.
COMMON = STOP | frozenset(
    """service services review proposal proposed change changes care patients patient nhs trust senate clinical
    would should could also into than more most over under across new model options option plan plans evidence clear base
    safe there question questions""".split()
)
WEIGHTS = {"text": 3.0, "service": 2.0, "icb": 1.0, "kind": 0.5}


@dataclass
class Recommended:
    number: int
    text: str
    response: str  # "Accepted", "Not accepted", … or "No response yet"


@dataclass
class SimilarReview:
    request: Request
    title: str  # as the viewer may read it (a published review's agreed redactions made)
    score: float
    reasons: list[str]
    outcome: str
    url: str
    recommendations: list[Recommended] = field(default_factory=list)
    advice_shown: bool = False  # the viewer may read this review's advice


def similar_reviews_kept(user: User, request: Request) -> list[SimilarReview]:
    """`similar_reviews` as the page shows it, kept for this viewer, request and day until the next act
    or the index's next change: every change of what the viewer may find or read is an audited act, and
    the index writes each document anew (a new row, with its audience) rather than changing one, so a
    document indexed since is a new reading."""
    key = f"similar-reviews:{user.pk}:{request.pk}:{localdate().isoformat()}"
    return until_next_act(key, lambda: similar_reviews(user, request), rows_of=(Document, Audience))


def similar_reviews(user: User, request: Request, *, limit: int = LIMIT) -> list[SimilarReview]:
    """The earlier requests closest to `request` that `user` may find, best first."""
    mine = _terms(request)
    candidates = _earlier(permitted(user), request)
    # The match asks the viewer's keys itself (backends.py): narrowed here only to the earlier requests
    # and their advice, which the index then reads only where the words and keys are.
    earlier = _earlier(Document.objects.all(), request).values("pk").query.sql_with_params()
    ranked = (
        backend().match_rows(
            Query(text=" ".join(mine), groups=[[t] for t in mine], any_group=True),
            viewer_keys(user),
            columns=("request_id",),
            within=earlier,
        )
        if mine
        else []
    )
    # Each request's best text rank, of its documents among the 200 best matched.
    text_rank: dict[int, float] = {}
    for i, (_pk, rid) in enumerate(ranked[:200]):
        text_rank.setdefault(rid, 1.0 - i / len(ranked))
    services = {area.pk for area in request.service_areas.all()}  # as the page's loader prefetched them
    icb = _icb(request.requesting_organisation)
    # The requests of the same service line read first as plain ids, so that with those the text
    # found and the ICB, PostgreSQL finds the related documents by their indexes (as a subquery in
    # the same condition, it read every document of every request).
    through = Request.service_areas.through.objects
    same_service = list(through.filter(expertise__in=services).values_list("request_id", flat=True)) if services else []
    related = candidates.filter(Q(request__in=[*text_rank, *same_service]) | Q(icb=icb, icb__isnull=False))
    # A request found as itself or as its published advice: the better of the two (a request's
    # documents share its ICB and service lines, so both are read here when either is related).
    published, readable = _readable(related)
    best = {rid: text_rank.get(rid, 0.0) for rid in readable}
    others = (
        Request.objects.filter(pk__in=list(best))
        .select_related("senate", "requesting_organisation__icb", "publication_permission")
        .prefetch_related("service_areas")
    )
    scored = []
    for other in others:
        text = readable[other.pk]
        if text is None:
            text = f"{other.title} {other.questions} {other.background}"
        reasons, score = _why(request, other, text, mine, services, icb, best[other.pk])
        if score > 0:
            scored.append((score, other.pk, other, reasons))
    scored.sort(key=lambda s: (-s[0], -s[1]))
    shown = scored[:limit]
    outcomes = _Outcomes([other.pk for _score, _pk, other, _reasons in shown])
    return [
        _review(user, other, score, reasons, other.pk in published, outcomes) for score, _pk, other, reasons in shown
    ]


def _earlier(documents: QuerySet[Document], request: Request) -> QuerySet[Document]:
    """Of these documents, those of the requests submitted before this one, and their advice."""
    return (
        documents.filter(kind__in=["request", "advice"], request__submitted_at__isnull=False)
        .exclude(request=request)
        .filter(dated__lte=localdate(request.submitted_at or request.created_at))
    )


def _readable(found: QuerySet[Document]) -> tuple[set[int], dict[int, str | None]]:
    """Of the requests `found` as documents the viewer may find (at most 500 documents): those whose
    advice is published, and what the viewer may read of each (None: the whole request; else only its
    published advice, redacted), in one query."""
    body = Case(When(kind="advice", then="body"), default=Value(""), output_field=TextField())
    rows = list(found.values_list("request_id", "kind", body)[:500])
    published = {request_id for request_id, kind, _body in rows if kind == "advice"}
    whole = {request_id for request_id, kind, _body in rows if kind == "request"}
    readable: dict[int, str | None] = dict.fromkeys(whole)
    readable |= {request_id: text for request_id, kind, text in rows if kind == "advice" and request_id not in whole}
    return published, readable


class _Outcomes:
    """The signed-off opinion and key recommendations of the reviews shown, read for all of them at
    once (three queries, not three for each review)."""

    def __init__(self, request_ids: list[int]) -> None:
        self.opinions = opinions_signed_off(request_ids)
        self.recommendations: dict[int, list[Recommendation]] = {}
        for rec in (
            Recommendation.objects.filter(request__in=request_ids)
            .prefetch_related("responses")
            .order_by("request", "number")
        ):
            self.recommendations.setdefault(rec.request_id, []).append(rec)


def _terms(request: Request) -> list[str]:
    """The request's distinctive words: those of its title first, then the most frequent of its
    questions and background, one form of each word (as the stemmer would have it)."""
    title = [w for w in words(request.title) if _distinctive(w)]
    rest = Counter(w for w in words(f"{request.questions} {request.background}") if _distinctive(w))
    chosen: dict[str, str] = {}
    for word in [*title, *(w for w, _n in rest.most_common())]:
        chosen.setdefault(stem(word), word)
        if len(chosen) >= TERMS:
            break
    return list(chosen.values())


def _distinctive(word: str) -> bool:
    return len(word) > 2 and word not in COMMON and not word.isdigit() and "&" not in word


def _icb(organisation: Organisation | None) -> int | None:
    if organisation is None:
        return None
    return organisation.pk if organisation.type == OrganisationType.ICB else organisation.icb_id


def _why(
    request: Request, other: Request, their_text: str, mine: list[str], services: set[int], icb: int | None, text: float
) -> tuple[list[str], float]:
    reasons, score = [], 0.0
    theirs = {stem(w) for w in set(words(their_text))}
    shared = [w for w in mine if stem(w) in theirs][:SHOWN_TERMS]
    if shared and text:
        reasons.append("Shares the terms " + _listed(shared))
        score += WEIGHTS["text"] * text
    same_services = [s.name for s in other.service_areas.all() if s.pk in services]
    if same_services:
        reasons.append("Same service line: " + _listed(same_services))
        score += WEIGHTS["service"] * min(len(same_services), 2)
    if icb is not None and _icb(other.requesting_organisation) == icb:
        organisation = other.requesting_organisation
        name = organisation.name if organisation.type == OrganisationType.ICB else str(organisation.icb)
        reasons.append(f"Same ICB: {name}")
        score += WEIGHTS["icb"]
    if other.kind == request.kind and score:
        reasons.append(f"Same kind of advice: {other.get_kind_display()}")
        score += WEIGHTS["kind"]
    return reasons, score


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _review(
    user: User, other: Request, score: float, reasons: list[str], published: bool, outcomes: _Outcomes
) -> SimilarReview:
    """The outcome the viewer may know: the stage always, the Senate's opinion and the recommendations
    only when they may read this review's advice (the recommendations page's own permission, or the
    advice is published). The link: the request's page, or the published advice when that is all the
    viewer may open."""
    from django.urls import reverse

    may_see = bool(user.has_perm(str(ReviewsPermission.VIEW_REQUEST), other))
    shown = published or bool(user.has_perm(str(ReviewsPermission.VIEW_RECOMMENDATIONS), other))
    name = "reviews:detail" if may_see else "council:public_report"
    url = reverse(name, args=[other.senate.slug, other.pk])
    phrases = other.publication_permission.redaction_list() if published and not may_see else []
    outcome = other.get_stage_display()
    recommended: list[Recommended] = []
    if shown:
        opinion = outcomes.opinions.get(other.pk)  # the opinion the Council signed off, never a draft's
        if opinion:
            outcome = f"{outcome}: {outcome_label(opinion)}"
        for rec in outcomes.recommendations.get(other.pk, [])[:KEY_RECOMMENDATIONS]:
            latest_answer = max(rec.responses.all(), key=lambda r: (r.at, r.pk), default=None)
            answer = latest_answer.get_decision_display() if latest_answer else "No response yet"
            recommended.append(Recommended(rec.number, redact(rec.text, phrases), answer))
    title = redact(other.title, phrases)
    return SimilarReview(other, title, round(score, 2), reasons, outcome, url, recommended, shown)
