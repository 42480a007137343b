"""Terms ending: reminders at 90 and 30 days, the member's wish to continue, the Senate team's renewal
decision and a member stepping down. Renewal appoints the next, consecutive term through
`members.appointments.appoint`, which refuses a term beyond the Senate's maximum in its own words."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from senate.accounts.models import Role, User
from senate.core import audit
from senate.members import appointments
from senate.members.appointments import AppointmentRefused, uk_date
from senate.members.models import Body, Membership
from senate.notifications.outbox import queue_email
from senate.organisations.models import Senate
from senate.participation.models import ContinueWish, RenewalDecision

# Reminders go at these many days before a term ends (issue 16); each is sent once, whatever day it runs.
REMINDER_DAYS = (90, 30)


def ending_within(senate: Senate, days: int, *, today: dt.date) -> Any:
    """Memberships still running whose term ends within `days`, soonest first."""
    return (
        Membership.objects.current(today)
        .filter(senate=senate, term_end__lte=today + dt.timedelta(days=days))
        .select_related("profile__user", "senate", "renewal_decision", "continue_wish")
        .order_by("term_end", "profile__user__full_name")
    )


def send_term_reminders(senate: Senate, *, today: dt.date) -> int:
    """Queue the 90- and 30-day emails to each member whose term is ending and to the Senate team.
    The key names the membership and the threshold, so a daily run never sends one twice; a term
    already decided is not reminded of."""
    team = list(User.objects.filter(roles__senate=senate, roles__role=Role.MANAGER).distinct())
    sent = 0
    with transaction.atomic():
        for m in ending_within(senate, max(REMINDER_DAYS), today=today):
            if hasattr(m, "renewal_decision"):
                continue
            threshold = min(d for d in REMINDER_DAYS if m.days_left(today) <= d)
            for person in [m.profile.user, *team]:
                sent += _remind(m, person, threshold, today=today) is not None
    return sent


def _remind(m: Membership, person: User, threshold: int, *, today: dt.date) -> Any:
    own = person.pk == m.profile.user_id
    where = reverse("participation:mine", args=[m.senate.slug]) if own else _review_url(m)
    body = (
        f"Dear {person.full_name},\n\n"
        + (
            f"Your term on the {m.get_body_display()} of the {m.senate.name} ends on {uk_date(m.term_end)}, "
            f"in {m.days_left(today)} days.\nPlease tell the Senate team whether you wish to continue:\n"
            if own
            else f"{m.profile}'s term on the {m.get_body_display()} ends on {uk_date(m.term_end)}, in "
            f"{m.days_left(today)} days.\nReview the renewal (attendance, participation and their wish to "
            "continue):\n"
        )
        + f"{settings.SITE_URL}{where}\n"
    )
    return queue_email(
        to=person,
        subject=f"{'Your term' if own else f'{m.profile} – term'} ends on {uk_date(m.term_end)}",
        body=body,
        kind="participation.term_ending",
        about=m,
        senate=m.senate,
        dedupe_key=f"participation.term_ending:{m.pk}:{threshold}:{person.pk}",
    )


def _review_url(m: Membership) -> str:
    return reverse("participation:renewal", args=[m.senate.slug, m.profile_id, m.pk])


def state_wish(*, membership: Membership, wishes_to_continue: bool, note: str, by: User) -> ContinueWish:
    """The member says whether they wish to serve another term; they may change their answer until
    the team decides."""
    if hasattr(membership, "renewal_decision"):
        raise AppointmentRefused("The Senate team has already decided on renewing this term")
    with transaction.atomic():
        wish, _ = ContinueWish.objects.update_or_create(
            membership=membership, defaults={"wishes_to_continue": wishes_to_continue, "note": note.strip()}
        )
        said = "wishes to continue" if wishes_to_continue else "does not wish to continue"
        audit.record(
            "participation.wish_stated",
            membership,
            by=by,
            senate=membership.senate,
            summary=f"{membership.profile} {said} after this term on the {membership.get_body_display()}",
            data={"person": membership.profile.user_id, "reason": note.strip()},
        )
    return wish


def decide_renewal(
    *, membership: Membership, outcome: str, reason: str, by: User, today: dt.date | None = None
) -> RenewalDecision:
    """Renew for a consecutive term of the body's usual length, starting the day after this one ends,
    or record that the term will not be renewed. A refusal (the maximum number of terms, an ended
    membership, no reason) writes nothing."""
    today = today or dt.date.today()
    if not reason.strip():
        raise AppointmentRefused("Say why: the reason is kept in the member's history")
    if hasattr(membership, "renewal_decision"):
        raise AppointmentRefused("This term's renewal has already been decided")
    if membership.ended_on:
        raise AppointmentRefused(f"This membership ended on {uk_date(membership.ended_on)}: it cannot be renewed")
    with transaction.atomic():
        following = None
        if outcome == RenewalDecision.Outcome.RENEW:
            following = appointments.appoint(
                profile=membership.profile,
                senate=membership.senate,
                body=membership.body,
                role=membership.role,
                starts=membership.term_end + dt.timedelta(days=1),
                ends=_next_end(membership),
                term_number=membership.term_number + 1,  # consecutive: counted on from this term
                role_description=membership.role_description,
                by=by,
                reason=f"Renewed: {reason.strip()}",
                today=today,
            )
        decision = RenewalDecision.objects.create(
            membership=membership, outcome=outcome, reason=reason.strip(), next_membership=following, decided_by=by
        )
        audit.record(
            "participation.renewal_decided",
            membership,
            by=by,
            senate=membership.senate,
            summary=f"{membership.profile}: term {membership.term_number} on the {membership.get_body_display()} "
            + ("renewed" if following else "not renewed"),
            data={"person": membership.profile.user_id, "reason": reason.strip(), "outcome": outcome},
        )
    return decision


def _next_end(m: Membership) -> dt.date:
    years = m.senate.council_term_years if m.body == Body.COUNCIL else m.senate.assembly_term_years
    start = m.term_end + dt.timedelta(days=1)
    try:
        return start.replace(year=start.year + years) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def step_down(
    *, membership: Membership, on: dt.date, reason: str, by: User, today: dt.date | None = None
) -> Membership:
    """The member's own decision to leave before their term ends; the Senate team is told."""
    if not reason.strip():
        raise AppointmentRefused("Tell the Senate team why you are stepping down")
    with transaction.atomic():
        appointments.end_membership(
            membership=membership, on=on, reason=f"Stepped down: {reason.strip()}", by=by, today=today
        )
        for person in User.objects.filter(
            Q(roles__role=Role.MANAGER) | Q(roles__role=Role.CHAIR),
            roles__senate=membership.senate,
        ).distinct():
            queue_email(
                to=person,
                subject=f"{membership.profile} is stepping down from the {membership.get_body_display()}",
                body=f"Dear {person.full_name},\n\n{membership.profile} is stepping down from the "
                f"{membership.get_body_display()} of the {membership.senate.name}; their last day is "
                f"{uk_date(on - dt.timedelta(days=1))}.\n\nTheir reason: {reason.strip()}\n",
                kind="participation.stepped_down",
                about=membership,
                senate=membership.senate,
            )
    return membership
