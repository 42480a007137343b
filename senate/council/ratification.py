"""Ratification is of one version (issue 14, item 3). Approved, the version the Council decided on is
signed off at once; approved with changes, nothing can be issued until a new version exists and the
member the Council named confirms that it makes the changes. Only the signed-off version is issued
and published (reports.publication.final_version)."""

from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from senate.accounts.models import User
from senate.core import audit
from senate.council.decisions import RATIFYING, approve_as_chair
from senate.council.meetings import MeetingRefused
from senate.council.models import ChangesConfirmed, Decision
from senate.reports import signoff
from senate.reports.models import ReportDraft
from senate.reviews import terms
from senate.reviews.models import Request, TermsOfReference

APPROVING = (Decision.Outcome.APPROVED, Decision.Outcome.APPROVED_WITH_CHANGES)
# An approval with changes counts once its changes are confirmed.
COMPLETE = Q(outcome=Decision.Outcome.APPROVED) | Q(
    outcome=Decision.Outcome.APPROVED_WITH_CHANGES, confirmation__isnull=False
)


def ratification(request: Request) -> Decision | None:
    """The Council's decision ratifying this request's report or advice, if there is one (its
    changes may still await confirmation: see `ratified`)."""
    return (
        Decision.objects.filter(item__request=request, item__kind__in=RATIFYING, outcome__in=APPROVING)
        # What its readers show or ask (`refusal`): no more, as each join costs planning time.
        .select_related("item__meeting", "report_version", "confirmer", "confirmation")
        .order_by("-at")
        .first()
    )


def ratified_decisions() -> QuerySet[Decision]:
    return Decision.objects.filter(COMPLETE, item__kind__in=RATIFYING)


def issue_refused(request: Request) -> str | None:
    """Why the advice cannot be issued yet, or None: ratified, changes confirmed, version signed off."""
    decision = ratification(request)
    signed = signoff.signed_off(request) if decision is not None and decision.report_version is not None else None
    return refusal(decision, signed)


def refusal(decision: Decision | None, signed_off: ReportDraft | None) -> str | None:
    """`issue_refused` from the ratification and the version signed off, for a page that shows both
    and so has read them already."""
    if decision is None:
        return "The Council has not ratified this advice, so it cannot be issued."
    if decision.outcome == Decision.Outcome.APPROVED_WITH_CHANGES and not hasattr(decision, "confirmation"):
        return (
            f"The Council approved v{decision.report_version.version if decision.report_version else '?'} "
            f"with changes: {decision.confirmer or 'the member named'} must confirm that a new version "
            "makes them before the advice is issued."
        )
    if decision.report_version is not None and signed_off is None:
        return "No version of the report has been signed off, so there is nothing to issue."
    return None


def later_versions(decision: Decision) -> list[Any]:
    """Versions written after the one the Council approved with changes, latest first: of the report,
    or the current version of the terms of reference (earlier ones are superseded)."""
    if decision.terms_version is not None:
        now = terms.current(decision.terms_version.request)
        return [now] if now is not None and now.version > decision.terms_version.version else []
    approved = decision.report_version
    if approved is None:
        return []
    return list(approved.request.report_drafts.filter(version__gt=approved.version).order_by("-version"))


def confirm_changes(
    decision: Decision, *, version: ReportDraft | TermsOfReference | None, by: User
) -> ChangesConfirmed:
    """The named member confirms that `version` makes the Council's changes: the version is signed
    off and the advice approved for issue (or the terms of reference approved) as the person who
    chaired the item. Raises MeetingRefused."""
    if decision.outcome != Decision.Outcome.APPROVED_WITH_CHANGES or decision.decided_version is None:
        raise MeetingRefused("Only a report or terms of reference approved with changes need the changes confirmed.")
    if hasattr(decision, "confirmation"):
        raise MeetingRefused("The changes have already been confirmed.")
    if decision.confirmer_id != by.pk:
        raise MeetingRefused(f"Only {decision.confirmer}, named by the Council, can confirm the changes are made.")
    decided = decision.decided_version
    later = later_versions(decision)
    if not later:
        raise MeetingRefused(
            f"Write a new version with the changes first: the Council approved v{decided.version} "
            "and there is no later version."
        )
    if version not in later:
        raise MeetingRefused(f"Choose a version later than v{decided.version}.")
    # `later` holds versions of what was decided on: terms of reference, or the report's drafts.
    if decision.terms_version is not None:
        assert isinstance(version, TermsOfReference)
        return _confirm_terms(decision, version, by)
    assert isinstance(version, ReportDraft)
    item = decision.item
    label = f"{item.meeting}, item {item.number}"
    assert decision.chaired_by is not None  # a decided item always records who chaired it
    with transaction.atomic():
        confirmed = ChangesConfirmed.objects.create(decision=decision, version=version, confirmed_by=by)
        signoff.sign_off(
            version, ratified_at=label, ratified_on=item.meeting.date, chaired_by=decision.chaired_by,
            changes=decision.changes, confirmed_by=by, by=by,
        )  # fmt: skip
        reason = (
            f"Approved with changes at the {label}, chaired by {decision.chaired_by}. "
            f"{by} confirmed that v{version.version} makes the changes: {decision.changes}"
        )
        approve_as_chair("approve_advice", item, decision.chaired_by, decision.chaired_as, reason=reason, label=label)
        audit.record(
            "council.changes_confirmed",
            confirmed,
            by=by,
            senate=item.meeting.senate,
            summary=f"{label}: v{version.version} makes the changes asked for",
        )
    return confirmed


def _confirm_terms(decision: Decision, version: TermsOfReference, by: User) -> ChangesConfirmed:
    """The new version of the terms is approved as the person who chaired the item. The requester
    agreed the version the Council decided on; the named person vouches that the new one differs from
    it only by the Council's changes, so that agreement carries over (and the timeline says so)."""
    item, agreed = decision.item, decision.terms_version
    assert agreed is not None
    label = f"{item.meeting}, item {item.number}"
    with transaction.atomic():
        confirmed = ChangesConfirmed.objects.create(decision=decision, terms_version=version, confirmed_by=by)
        TermsOfReference.objects.filter(pk=version.pk).update(
            status=TermsOfReference.Status.AGREED, agreed_at=agreed.agreed_at, agreed_by=agreed.agreed_by
        )
        reason = (
            f"Terms of reference v{agreed.version} approved with changes at the {label}, chaired by "
            f"{decision.chaired_by}. {by} confirmed that v{version.version} makes the changes: {decision.changes}. "
            f"The requester's agreement to v{agreed.version} carries over to v{version.version}."
        )
        approve_as_chair("approve_terms", item, decision.chaired_by, decision.chaired_as, reason=reason, label=label)
        audit.record(
            "council.changes_confirmed",
            confirmed,
            by=by,
            senate=item.meeting.senate,
            summary=f"{label}: terms of reference v{version.version} make the changes asked for",
        )
    return confirmed
