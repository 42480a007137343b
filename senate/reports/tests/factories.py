"""Requests at a stage, panel seats, evidence items, judgements and drafts for the reports tests."""

from django.utils import timezone

from senate.evidence.models import EvidenceItem, Kind, Source, Tier
from senate.members.models import MemberProfile
from senate.members.tests.factories import MemberProfileFactory
from senate.panels.models import PanelMember
from senate.reports import assessment, drafting, framework
from senate.reports.models import Criterion
from senate.reviews.tests.factories import RequestFactory


def request_at(stage, *, by=None, **fields):
    """A formal review (or `kind=...`) already at `stage`, made by `by` (a requester)."""
    extra = {"created_by": by} if by is not None else {}
    return RequestFactory(stage=stage, stage_entered_at=timezone.now(), **extra, **fields)


def seat(user, request, *, role="clinical"):
    profile = MemberProfile.objects.filter(user=user).first() or MemberProfileFactory(user=user)
    PanelMember.objects.create(request=request, profile=profile, role=role, status=PanelMember.Status.ACCEPTED)
    return profile


def evidence(request, title="Pre-consultation business case", *, tier=Tier.OFFICIAL):
    return EvidenceItem.objects.create(
        request=request, title=title, kind=Kind.BUSINESS_CASE, tier=tier, source=Source.REQUESTER,
        provenance="ICB programme team", added_by=request.created_by,
    )  # fmt: skip


def criteria(request, *codes, by):
    codes = codes or ("test-3-evidence", "workforce")
    picked = list(framework.available(request.senate).filter(code__in=codes))
    assessment.pick_criteria(request, criteria=picked, by=by)
    return picked


def criterion(code):
    framework.available(None)
    return Criterion.objects.get(senate=None, code=code)


def judged(request, crit, *, by, outcome="supported", narrative="The evidence is clear.", items=(), agreed=None):
    """The panel's judgement, agreed by every member who may take part unless `agreed` says who (a
    panel of one is seated first if the request has none)."""
    from senate.reports import agreement

    if agreed is None:
        seated = agreement.seating(request, crit)
        if not seated.may_take_part and not seated.excluded:
            seat(MemberProfileFactory().user, request)
        agreed = agreement.seating(request, crit).may_take_part
    return assessment.record_judgement(
        request, criterion=crit, outcome=outcome, strength="strong", narrative=narrative, evidence=list(items),
        agreed=agreed, by=by,
    )  # fmt: skip


def restrict(profile, request, *, by, **terms):
    """The Senate team lets `profile` take part with a restriction: they are made to work for an
    organisation the request affects, and the conflict screening finds is decided."""
    from senate.interests.decisions import decide_conflicts, screening_for
    from senate.interests.tests.factories import trust

    employer = trust()
    request.affected_organisations.add(employer)
    MemberProfile.objects.filter(pk=profile.pk).update(employer=employer)
    profile.refresh_from_db()
    keys = [s.conflict.key for s in screening_for(profile, request).states]
    return decide_conflicts(
        profile, request, keys=keys, outcome="restrict", rationale="Works for an affected trust", by=by, **terms
    )


def draft(request, *, by, summary="The panel supports the proposals.", opinion="supported_with_conditions", **sections):
    return drafting.save_draft(
        request, overall_opinion=opinion, sections={"summary": summary, **sections}, change_note="", by=by
    )
