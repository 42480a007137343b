"""The Council's sign-off of one version of the report (issue 14, item 3): an earlier version was
once issued and published as Final without the change the Council asked for. Only a signed-off
version is final, issued and published, and it says in its document control which meeting ratified
it, when, and who signed it off. The council app calls `sign_off` with plain values."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.reports.models import ReportDraft, SignOff
from senate.reports.saving import version_saved
from senate.reviews.models import Request


def sign_off(
    draft: ReportDraft,
    *,
    ratified_at: str,
    ratified_on: dt.date,
    chaired_by: User,
    by: User,
    changes: str = "",
    confirmed_by: User | None = None,
) -> SignOff:
    """Sign off this version; raises ValueError if a version of the request is already signed off."""
    if SignOff.objects.filter(draft__request_id=draft.request_id).exists():
        raise ValueError("A version of this report has already been signed off.")
    if changes.strip() and confirmed_by is None:
        raise ValueError("Name who confirmed that the Council's changes are made.")
    with transaction.atomic():
        made = SignOff.objects.create(
            draft=draft, ratified_at=ratified_at[:200], ratified_on=ratified_on, chaired_by=chaired_by,
            changes=changes.strip(), confirmed_by=confirmed_by, recorded_by=by,
        )  # fmt: skip
        audit.record(
            "report.signed_off", made, by=by, senate=draft.request.senate, summary=f"{draft}: {sign_off_text(made)}"
        )
        version_saved(draft)  # signed off, it reads "Final": the PDF that will be issued, made now
    return made


def signed_off(request: Request) -> ReportDraft | None:
    """The version the Council signed off, if any: the one that is issued and published."""
    found = ReportDraft.objects.filter(request=request, sign_off__isnull=False)
    if not Request.senate.is_cached(request):
        return found.select_related("request__senate", "sign_off__chaired_by", "sign_off__confirmed_by").first()
    # The caller's request already has its Senate (a page served it): not joined again, as two more
    # tables cost PostgreSQL more to plan than the row costs to read.
    version = found.select_related("sign_off__chaired_by", "sign_off__confirmed_by").first()
    if version is not None:
        version.request = request
    return version


def opinions_signed_off(request_ids: list[int]) -> dict[int, str]:
    """The overall opinion of the version the Council signed off, for each of several requests that
    has one, in one query (the version `signed_off` gives: the latest signed off)."""
    found: dict[int, str] = {}
    for request_id, opinion in (
        ReportDraft.objects.filter(request__in=request_ids, sign_off__isnull=False)
        .order_by("request", "-version")
        .values_list("request_id", "overall_opinion")
    ):
        found.setdefault(request_id, opinion)
    return found


def sign_off_of(draft: ReportDraft) -> SignOff | None:
    if ReportDraft.sign_off.is_cached(draft):  # read with the version (`signed_off`): not asked again
        return getattr(draft, "sign_off", None)
    return SignOff.objects.filter(draft=draft).select_related("chaired_by", "confirmed_by").first()


def sign_off_text(made: SignOff) -> str:
    """One sentence for the report and its pages."""
    text = f"Ratified at the {made.ratified_at}; signed off by {made.chaired_by}, who chaired the item"
    if made.confirmed_by is not None:
        text += f"; the changes the Council asked for were confirmed by {made.confirmed_by}"
    return text + "."


def sign_off_rows(made: SignOff) -> list[list[str]]:
    """The sign-off as rows of the report's document control."""
    rows = [
        ["Ratified at", made.ratified_at],
        ["Date of the meeting", f"{made.ratified_on:%-d %B %Y}"],
        ["Signed off by", f"{made.chaired_by}, who chaired the item"],
    ]
    if made.changes:
        rows += [
            ["Changes the Council asked for", made.changes],
            ["Changes confirmed by", f"{made.confirmed_by} on {timezone.localtime(made.recorded_at):%-d %B %Y}"],
        ]
    return rows
