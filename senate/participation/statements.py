"""Statements of participation for appraisal and revalidation: a member's record for one appraisal year
as a PDF, marked DRAFT until the Senate team signs it off; once signed, the record as signed is kept and
the statement shows who signed it and when."""

import datetime as dt

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from senate.accounts.models import User
from senate.core import audit
from senate.members.models import MemberProfile
from senate.organisations.models import Senate
from senate.participation.models import StatementSignOff
from senate.participation.record import appraisal_year, record_of, sign_off_of, year_end


class SignOffRefused(ValueError):
    pass


def sign_off(
    *, profile: MemberProfile, senate: Senate, year_from: dt.date, by: User, today: dt.date | None = None
) -> StatementSignOff:
    """Sign off the member's statement for the appraisal year starting `year_from`. A year still
    running cannot be signed off; nor can a year already signed off, or one's own statement."""
    today = today or dt.date.today()
    if year_from != appraisal_year(year_from):
        raise SignOffRefused("An appraisal year starts on 1 April")
    if year_end(year_from) >= today:
        raise SignOffRefused(f"The appraisal year runs until 31 March {year_from.year + 1}: sign it off after that")
    if profile.user_id == getattr(by, "pk", None):
        raise SignOffRefused("Someone else in the Senate team must sign off your own statement")
    if sign_off_of(profile, senate, year_from):
        raise SignOffRefused("This statement has already been signed off")
    with transaction.atomic():
        signed = StatementSignOff.objects.create(
            profile=profile,
            senate=senate,
            year_from=year_from,
            record=record_of(profile, senate, year_from).as_data(),
            signed_by=by,
        )
        audit.record(
            "participation.statement_signed_off",
            signed,
            by=by,
            senate=senate,
            summary=f"{profile}: statement of participation for {year_from.year}/{year_from.year + 1 - 2000:02d} signed off",
            data={"person": profile.user_id},
        )
    return signed


def statement_html(profile: MemberProfile, senate: Senate, year_from: dt.date) -> str:
    signed = sign_off_of(profile, senate, year_from)
    record = signed.record if signed else record_of(profile, senate, year_from).as_data()
    context = {
        "record": record,
        "hours": sum(p["hours"] for p in record["panels"]),
        "signed": signed,
        "signed_at": timezone.localtime(signed.signed_at) if signed else None,
        "made_at": timezone.localtime(),
    }
    return render_to_string("participation/statement_pdf.jinja", context)


def statement_pdf(profile: MemberProfile, senate: Senate, year_from: dt.date) -> bytes:
    from weasyprint import HTML

    from senate.reports import rendering  # noqa: F401 - quietens WeasyPrint's loggers

    return HTML(string=statement_html(profile, senate, year_from)).write_pdf(pdf_tags=True) or b""
