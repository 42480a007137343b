"""Past reviews for the national benchmark world (`senate demo --scale national`): closed requests
spread over the ten years before today across all the Senates, each with its timeline and, where a
panel sat, the members who served. They give search, screening and the candidates' "past panels on
similar services" a realistic history to work on. Written in bulk: 2,000 reviews take seconds."""

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from senate.accounts.models import User
from senate.members.models import Expertise, MemberProfile, Membership, Profession
from senate.organisations.models import Senate
from senate.organisations.queries import icbs_advised_by
from senate.panels.models import PanelMember, PanelRole
from senate.reviews.models import AdviceKind, Request, RequestEvent
from senate.reviews.stages import Stage

ARCHIVE_EMAIL = "archive@demo.senate.example"
KINDS = [
    (AdviceKind.FORMAL_REVIEW, 45),
    (AdviceKind.EARLY_ADVICE, 30),
    (AdviceKind.THEMATIC, 10),
    (AdviceKind.HONEST_BROKER, 5),
    (AdviceKind.TEMPORARY_CHANGE, 5),
    (AdviceKind.POST_CONSULTATION, 5),
]
SUBJECTS = [
    "Reconfiguration of {s} services",
    "Future model of {s} care",
    "Consolidation of {s} onto fewer sites",
    "Community alternatives to inpatient {s}",
    "Out-of-hospital {s} pathway",
]
PANEL_KINDS = {AdviceKind.FORMAL_REVIEW, AdviceKind.THEMATIC, AdviceKind.HONEST_BROKER, AdviceKind.TEMPORARY_CHANGE}


def build(
    rng: random.Random,
    *,
    today: dt.date,
    count: int,
    progress: Callable[[Iterable[Any], str, int], Iterable[Any]] | None = None,
) -> int:
    """Make `count` closed past reviews; returns how many were made."""
    track = progress or (lambda items, _label, _total: items)
    senates = list(Senate.objects.current(today))
    icbs = {s.pk: [a.icb for a in icbs_advised_by(s, today)] for s in senates}
    specialties = list(Expertise.objects.filter(kind=Expertise.Kind.SPECIALTY))
    pools = _member_pools(senates, today)
    archive = _archive_user()
    kinds, weights = zip(*KINDS, strict=True)
    numbers: dict[str, int] = defaultdict(int)
    made: list[tuple[Request, list[Expertise]]] = []
    for _ in track(range(count), "Past reviews", count):
        senate = rng.choice(senates)
        year = today.year - rng.randint(1, 10)
        submitted = timezone.make_aware(dt.datetime(year, rng.randint(1, 12), rng.randint(1, 28), 10))
        closed = submitted + dt.timedelta(days=rng.randint(60, 300))
        areas = rng.sample(specialties, k=rng.choice([1, 1, 2]))
        prefix = "".join(w[0] for w in senate.slug.split("-")).upper() + f"-{year}-"
        numbers[prefix] += 1
        icb = rng.choice(icbs[senate.pk]) if icbs[senate.pk] else None
        if icb is None:
            continue
        kind = rng.choices(kinds, weights)[0]
        made.append(
            (
                Request(
                    senate=senate,
                    reference=f"{prefix}{numbers[prefix]:03d}",
                    title=rng.choice(SUBJECTS).format(s=areas[0].name.lower())[:200],
                    kind=kind,
                    requesting_organisation=icb,
                    assurance_stage=rng.choice(["sense_check", "checkpoint", "consultation", "decision"]),
                    questions="Is there a clear clinical evidence base for the proposals?",
                    decision_date=(closed + dt.timedelta(days=60)).date(),
                    stage=Stage.CLOSED,
                    stage_entered_at=closed,
                    submitted_at=submitted,
                    created_by=archive,
                ),
                areas,
            )
        )
    requests = Request.objects.bulk_create([r for r, _ in made], batch_size=500)
    _areas_and_affected(requests, [a for _, a in made])
    _timelines(requests, archive)
    _panels(rng, requests, [a for _, a in made], pools)
    return len(requests)


def _archive_user() -> User:
    user, _ = User.objects.get_or_create(
        email=ARCHIVE_EMAIL, defaults={"full_name": "Senate archive", "password": make_password(None)}
    )
    return user


def _member_pools(senates: Iterable[Senate], today: dt.date) -> dict[int, list[tuple[int, set[int]]]]:
    """Each Senate's current members, with the ids of their expertise, to seat past panels from."""
    pools: dict[int, list[tuple[int, set[int]]]] = defaultdict(list)
    expertise: dict[int, set[int]] = defaultdict(set)
    through = MemberProfile.expertise.through
    for profile_id, expertise_id in through.objects.values_list("memberprofile_id", "expertise_id"):
        expertise[profile_id].add(expertise_id)
    seen = set()
    for senate_id, profile_id in Membership.objects.current(today).values_list("senate_id", "profile_id"):
        if (senate_id, profile_id) not in seen:
            seen.add((senate_id, profile_id))
            pools[senate_id].append((profile_id, expertise[profile_id]))
    return pools


def _areas_and_affected(requests: list[Request], areas: list[list[Expertise]]) -> None:
    service = Request.service_areas.through
    affected = Request.affected_organisations.through
    service.objects.bulk_create(
        [service(request_id=r.pk, expertise_id=e.pk) for r, es in zip(requests, areas, strict=True) for e in es],
        batch_size=1000,
    )
    affected.objects.bulk_create(
        [affected(request_id=r.pk, organisation_id=r.requesting_organisation_id) for r in requests], batch_size=1000
    )


def _timelines(requests: list[Request], archive: User) -> None:
    events = []
    for r in requests:
        events.append(RequestEvent(request=r, by=archive, action="submit", from_stage="draft", to_stage="received"))
        events.append(
            RequestEvent(
                request=r, by=archive, action="close", from_stage="follow_up", to_stage="closed",
                reason="Advice given and followed up (from the Senate's archive).",
            )
        )  # fmt: skip
    RequestEvent.objects.bulk_create(events, batch_size=1000)


def _panels(
    rng: random.Random,
    requests: list[Request],
    areas: list[list[Expertise]],
    pools: dict[int, list[tuple[int, set[int]]]],
) -> None:
    """6 to 9 members per formal panel, at least half of them holding one of the review's specialties."""
    seats = []
    ppv = set(MemberProfile.objects.filter(profession=Profession.PPV).values_list("pk", flat=True))
    for request, wanted in zip(requests, areas, strict=True):
        pool = pools.get(request.senate_id, [])
        if request.kind not in PANEL_KINDS or len(pool) < 9:
            continue
        size, asked = rng.randint(6, 9), request.submitted_at or timezone.now()
        ids = {e.pk for e in wanted}
        fitting = [p for p, held in pool if held & ids]
        chosen = rng.sample(fitting, k=min(len(fitting), size // 2 + 1))
        others = [p for p, _ in pool if p not in set(chosen)]
        chosen += rng.sample(others, k=size - len(chosen))
        for n, profile_id in enumerate(chosen):
            seats.append(
                PanelMember(
                    request=request,
                    profile_id=profile_id,
                    role=PanelRole.CHAIR if n == 0 else PanelRole.PPV if profile_id in ppv else PanelRole.CLINICAL,
                    status=PanelMember.Status.ACCEPTED,
                    invited_at=asked,
                    responded_at=asked,
                )
            )
    PanelMember.objects.bulk_create(seats, batch_size=1000)
