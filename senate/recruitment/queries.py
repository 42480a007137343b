"""Reads the recruitment pages share, with their joins applied."""

import datetime as dt

from django.db.models import Count, QuerySet

from senate.accounts.models import User
from senate.core.cache import until_next_act
from senate.core.models import AuditEvent
from senate.members.models import MemberProfile, Membership
from senate.organisations.models import Senate
from senate.recruitment.models import Application, AppointmentLetter, Stage, Vacancy


def vacancy_in(senate: Senate | None, pk: int) -> Vacancy | None:
    return Vacancy.objects.filter(senate=senate, pk=pk).select_related("senate").first()


def application_in(senate: Senate | None, vacancy_id: int, pk: int) -> Application | None:
    return (
        Application.objects.filter(vacancy__senate=senate, vacancy_id=vacancy_id, pk=pk)
        .select_related("vacancy__senate", "description", "organisation")
        .prefetch_related("statements__criterion", "interests__organisation")
        .first()
    )


def vacancies(senate: Senate) -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(senate=senate).annotate(applied=Count("applications")).order_by("-created_at", "-id")


def open_vacancies(senate: Senate, today: dt.date) -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(senate=senate, stage=Stage.OPEN, closes_on__gte=today).order_by("closes_on", "pk")


def open_vacancy(senate: Senate, pk: int, today: dt.date) -> Vacancy | None:
    """A vacancy the public may read: open, in this Senate (closed ones show their closing message)."""
    return Vacancy.objects.filter(senate=senate, pk=pk).select_related("senate").first()


def applications(vacancy: Vacancy) -> QuerySet[Application]:
    return vacancy.applications.select_related("organisation", "description").order_by("submitted_at", "pk")


def panel_candidates(senate: Senate, today: dt.date) -> QuerySet[MemberProfile]:
    """Current members of the Senate's Council or Assembly, who may sit on a selection panel."""
    from senate.members.queries import current_memberships

    ids = current_memberships(senate, today).values("profile_id")
    return MemberProfile.objects.filter(pk__in=ids).select_related("user").order_by("user__full_name")


def panel_candidate_names(senate: Senate, today: dt.date) -> list[tuple[int, str]]:
    """(profile, name) of each member who may sit on a selection panel: a national Senate has over a
    thousand, read as plain rows for the form's list rather than a profile and user each, and kept
    until the next act (an appointment, a term ended, a name changed on a profile)."""

    def work_out() -> list[tuple[int, str]]:
        found = panel_candidates(senate, today).values_list("pk", "user__full_name", "user__email")
        return [(pk, full_name or email) for pk, full_name, email in found]

    key = f"recruitment.panel-candidates:{senate.pk}:{today.isoformat()}"
    return until_next_act(key, work_out, rows_of=(Membership, MemberProfile, User))


def letter_of(user: User, senate: Senate, pk: int) -> AppointmentLetter | None:
    return AppointmentLetter.objects.filter(pk=pk, user=user, vacancy__senate=senate).first()


def history(vacancy: Vacancy) -> QuerySet[AuditEvent]:
    """Every step taken on the vacancy, oldest first, from the audit trail."""
    return (
        AuditEvent.objects.filter(object_type=vacancy._meta.label_lower, object_id=str(vacancy.pk))
        .select_related("actor")
        .order_by("at", "id")
    )
