"""Appointing the chosen applicant: their account (found by email, or made), their profile, the membership
with its term and the body's sign-in role (members.appointments.appoint), the appointment letter as a
PDF they download once signed in, and an email with a link to set their password."""

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.timezone import localdate

from senate.accounts.models import User
from senate.core import registry
from senate.members import appointments
from senate.members.models import MemberProfile, Membership, RoleDescription
from senate.notifications.outbox import queue_email
from senate.recruitment.models import Application, AppointmentLetter, Decision, Stage, Vacancy
from senate.recruitment.vacancies import RecruitmentRefused, record

for _name in ("weasyprint", "weasyprint.progress", "fontTools"):
    logging.getLogger(_name).setLevel(logging.WARNING)


# What later apps do when someone is appointed, in the same transaction: participation starts their
# induction (registered in `participation.apps`). Each is called with the new membership and who appointed.
AFTER_APPOINTMENT = registry.point("recruitment.after_appointment", "fn(membership, *, by) on appointment")


def appoint_chosen(vacancy: Vacancy, *, by: User, today: dt.date | None = None) -> Membership:
    """Appoint the applicant the decision chose, for the vacancy's term."""
    today = today or dt.date.today()
    if vacancy.stage != Stage.DECIDED:
        raise RecruitmentRefused("Appointment follows the decision")
    decision: Decision = vacancy.decision
    chosen = decision.chosen
    with transaction.atomic():
        user, new = _account(chosen.email, chosen.full_name)
        profile = _profile(user, chosen)
        try:
            membership = appointments.appoint(
                profile=profile,
                senate=vacancy.senate,
                body=vacancy.body,
                role=vacancy.membership_role,
                starts=vacancy.term_start,
                ends=vacancy.term_end,
                by=by,
                reason=f"Recruited: {vacancy.title}",
                role_description=_role_description(vacancy),
                today=today,
            )
        except appointments.AppointmentRefused as refusal:
            raise RecruitmentRefused(str(refusal)) from refusal
        chosen.user = user
        chosen.save(update_fields=["user"])
        for then in registry.contributions(AFTER_APPOINTMENT):
            then(membership, by=by)
        letter = AppointmentLetter.objects.create(
            vacancy=vacancy, user=user, membership=membership, pdf=letter_pdf(vacancy, membership)
        )
        vacancy.stage = Stage.FILLED
        vacancy.save(update_fields=["stage"])
        record(
            vacancy,
            "vacancy.filled",
            by=by,
            summary=f"{user} appointed ({chosen.reference})",
            person=user.pk,
            account_created=new,
        )
        _welcome(vacancy, user, letter, new=new)
    return membership


def letter_pdf(vacancy: Vacancy, membership: Membership) -> bytes:
    from weasyprint import HTML

    html = render_to_string("recruitment/letter.jinja", {"vacancy": vacancy, "membership": membership})
    return HTML(string=html).render(pdf_tags=True).write_pdf(pdf_tags=True) or b""


def _account(email: str, full_name: str) -> tuple[User, bool]:
    found = User.objects.filter(email__iexact=email).first()
    if found is not None:
        return found, False
    return User.objects.create_user(email, full_name=full_name), True


def _profile(user: User, chosen: Application) -> MemberProfile:
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is not None:
        return profile
    return MemberProfile.objects.create(
        user=user, profession=chosen.profession, job_title=chosen.job_title, employer=chosen.organisation
    )


def _role_description(vacancy: Vacancy) -> RoleDescription:
    version = vacancy.descriptions.order_by("-number").first()
    assert version is not None
    found, _ = RoleDescription.objects.get_or_create(
        senate=vacancy.senate,
        title=vacancy.title[:120],
        version=f"V{vacancy.pk}.{version.number}",
        defaults={"approved_on": localdate(version.made_at), "text": version.text},
    )
    return found


def _welcome(vacancy: Vacancy, user: User, letter: AppointmentLetter, *, new: bool) -> None:
    site = settings.SITE_URL.rstrip("/")
    letter_link = site + reverse("recruitment:letter", args=[vacancy.senate.slug, letter.pk])
    if new:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        token = default_token_generator.make_token(user)
        start = "Set your password to sign in:\n" + site + reverse("accounts:password_reset_confirm", args=[uid, token])
    else:
        start = "Sign in with your existing account:\n" + site + reverse("accounts:sign_in")
    queue_email(
        to=user,
        subject=f"Your appointment to the {vacancy.senate.name} {vacancy.get_body_display()}",
        body=f"Dear {user},\n\nWelcome to the {vacancy.senate.name}. You are appointed as "
        f"{vacancy.get_membership_role_display().lower()} of the {vacancy.get_body_display()} from "
        f"{vacancy.term_start:%-d %B %Y} to {vacancy.term_end:%-d %B %Y}.\n\n{start}\n\n"
        f"Your appointment letter (PDF), once signed in:\n{letter_link}\n\n"
        f"Your profile shows your membership:\n{site}{reverse('profile:view')}\n",
        kind="recruitment.appointed",
        about=letter,
        senate=vacancy.senate,
    )
