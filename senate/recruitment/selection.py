"""Fair selection: the selection panel, screened for conflicts with the applicants like any panel; each
member's independent scores against the published criteria; shortlisting, interviews, the decision and
its reasons, and the outcome with feedback to every applicant. Each act is audited; a refusal writes
nothing."""

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.db.models import QuerySet

from senate.accounts.models import User
from senate.interests.facts import ReviewFacts
from senate.interests.screening import Conflict, screen_many
from senate.members.models import MemberProfile
from senate.notifications.outbox import queue_email
from senate.recruitment.models import (
    Application,
    Criterion,
    Decision,
    DeclaredInterest,
    Mark,
    PanelMember,
    Recusal,
    Score,
    Stage,
    Vacancy,
)
from senate.recruitment.vacancies import RecruitmentRefused, record

Step = Score.Step
MINIMUM_PANEL = 2


# The panel ------------------------------------------------------------------------------------------


def add_panel_member(vacancy: Vacancy, *, profile: MemberProfile, by: User) -> PanelMember:
    """Put a member of the Senate on the selection panel, noting any conflicts with applicants so far
    (a member does not score an applicant they have a conflict with)."""
    if vacancy.stage in (Stage.DECIDED, Stage.FILLED):
        raise RecruitmentRefused("The decision has been made: the panel can no longer change")
    if vacancy.panel.filter(profile=profile).exists():
        raise RecruitmentRefused(f"{profile} is already on the selection panel")
    with transaction.atomic():
        member = PanelMember.objects.create(vacancy=vacancy, profile=profile)
        found = [c.reason for cs in conflicts_of(vacancy, [profile]).values() for c in cs]
        record(
            vacancy,
            "selection.panel_member_added",
            by=by,
            summary=f"{profile} joins the selection panel",
            person=profile.user_id,
            conflicts=found,
        )
    return member


def conflicts_of(
    vacancy: Vacancy, profiles: list[MemberProfile] | None = None
) -> dict[tuple[int, int], list[Conflict]]:
    """Conflicts by (profile id, application id): each applicant's organisations (where they work, and
    those named in their declared interests) screened against the panel by the interests rules, in one
    screening of every applicant's organisations at once."""
    if profiles is None:
        profiles = [m.profile for m in vacancy.panel.select_related("profile")]
    held: dict[int, set[int]] = defaultdict(set)
    employers = vacancy.applications.filter(organisation__isnull=False).values_list("pk", "organisation_id")
    declared = DeclaredInterest.objects.filter(application__vacancy=vacancy, organisation__isnull=False)
    for application_id, organisation_id in [*employers, *declared.values_list("application_id", "organisation_id")]:
        held[organisation_id].add(application_id)
    if not profiles or not held:
        return {}
    facts = ReviewFacts(requesting_organisation_id=None, affected_organisation_ids=frozenset(held))
    found: dict[tuple[int, int], list[Conflict]] = defaultdict(list)
    for profile_id, conflicts in screen_many(profiles, facts).items():
        for conflict in conflicts:
            for application_id in held.get(conflict.organisation_id or 0, ()):
                found[(profile_id, application_id)].append(_about_applicant(conflict))
    return dict(found)


def _about_applicant(conflict: Conflict) -> Conflict:
    reason = conflict.reason.replace("an affected organisation", "an organisation of the applicant")
    return Conflict(conflict.key, conflict.rule, conflict.severity, reason, conflict.organisation_id, conflict.declared)


def panel_member_of(vacancy: Vacancy, user: User) -> PanelMember | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return vacancy.panel.filter(profile__user=user).select_related("profile__user").first()


# Scores ---------------------------------------------------------------------------------------------


def why_not_score(member: PanelMember, application: Application, step: str) -> str | None:
    vacancy = application.vacancy
    if step == Step.SHORTLISTING and vacancy.stage != Stage.SCORING:
        return "Applications are scored for shortlisting once the vacancy has closed, until the shortlist is made"
    if step == Step.INTERVIEW and (
        vacancy.stage != Stage.SHORTLISTED or application.status != Application.Status.SHORTLISTED
    ):
        return "Interviews are scored for shortlisted applicants, until the decision is made"
    if Score.objects.filter(application=application, panel_member=member, step=step).exists():
        return "You have already submitted your score: a submitted score does not change"
    if conflicts_of(vacancy, [member.profile]).get((member.profile_id, application.pk)):
        return "You have a conflict of interest with this applicant, so you do not score them"
    if Recusal.objects.filter(panel_member=member, application=application).exists():
        return "You declared a conflict with this applicant, so you do not score them"
    return None


def recuse(member: PanelMember, application: Application, *, reason: str, by: User) -> Recusal:
    """A panel member declares a conflict with an applicant (they know them, work with them…) and
    stands aside from scoring them, before they have scored them."""
    if not reason.strip():
        raise RecruitmentRefused("Say what the conflict is")
    if Score.objects.filter(application=application, panel_member=member).exists():
        raise RecruitmentRefused("You have already scored this applicant: tell the Senate manager about the conflict")
    if Recusal.objects.filter(panel_member=member, application=application).exists():
        raise RecruitmentRefused("You have already declared a conflict with this applicant")
    with transaction.atomic():
        made = Recusal.objects.create(panel_member=member, application=application, reason=reason.strip()[:300])
        record(
            application.vacancy,
            "selection.recused",
            by=by,
            summary=f"{member.profile} declared a conflict with {application.reference} and does not score them",
            application=application.reference,
            reason=made.reason,
        )
    return made


def submit_score(
    application: Application, *, member: PanelMember, step: str, marks: dict[int, int], comment: str, by: User
) -> Score:
    """One panel member's marks (0 to 4) against each published criterion, submitted once."""
    if refusal := why_not_score(member, application, step):
        raise RecruitmentRefused(refusal)
    criteria = list(application.vacancy.criteria.all())
    if {c.pk for c in criteria} != set(marks) or any(not 0 <= m <= Mark.MAXIMUM for m in marks.values()):
        raise RecruitmentRefused("Give a mark from 0 to 4 against every published criterion")
    with transaction.atomic():
        score = Score.objects.create(application=application, panel_member=member, step=step, comment=comment)
        Mark.objects.bulk_create(Mark(score=score, criterion=c, mark=marks[c.pk]) for c in criteria)
        record(
            application.vacancy,
            "selection.scored",
            by=by,
            summary=f"{member.profile} scored {application.reference} ({Step(step).label.lower()})",
            application=application.reference,
            step=step,
            marks={c.text: marks[c.pk] for c in criteria},
        )
    return score


def may_see_scores(user: User, application: Application, step: str) -> bool:
    """Panel members see others' scores only once they have submitted their own (they score
    independently); the Senate team off the panel sees them all."""
    member = panel_member_of(application.vacancy, user)
    if member is None:
        return True
    return Score.objects.filter(application=application, panel_member=member, step=step).exists()


def scores_for(application: Application, step: str) -> QuerySet[Score]:
    return (
        Score.objects.filter(application=application, step=step)
        .select_related("panel_member__profile__user")
        .prefetch_related("marks__criterion")
    )


def missing_scores(vacancy: Vacancy, step: str, applications: list[Application]) -> list[str]:
    """'Name has not scored APP-…' for each panel member yet to score an applicant they may score."""
    panel = list(vacancy.panel.select_related("profile__user"))
    conflicts = conflicts_of(vacancy, [m.profile for m in panel])
    done = set(
        Score.objects.filter(application__in=applications, step=step).values_list("application_id", "panel_member_id")
    )
    done |= set(Recusal.objects.filter(application__in=applications).values_list("application_id", "panel_member_id"))
    return [
        f"{m.profile} has not scored {a.reference}"
        for a in applications
        for m in panel
        if (a.pk, m.pk) not in done and not conflicts.get((m.profile_id, a.pk))
    ]


def left_to_score(member: PanelMember, step: str) -> list[Application]:
    """The applications a panel member has still to score at this step: at interview only the
    shortlisted, and never one they have a conflict with or stood aside from."""
    vacancy = member.vacancy
    applications = vacancy.applications.all()
    if step == Step.INTERVIEW:
        applications = applications.filter(status=Application.Status.SHORTLISTED)
    done = set(Score.objects.filter(panel_member=member, step=step).values_list("application_id", flat=True))
    done |= set(Recusal.objects.filter(panel_member=member).values_list("application_id", flat=True))
    conflicts = conflicts_of(vacancy, [member.profile])
    return [a for a in applications if a.pk not in done and not conflicts.get((member.profile_id, a.pk))]


def totals(vacancy: Vacancy, step: str) -> dict[int, tuple[int, int]]:
    """(sum of marks, number of scores) by application id."""
    found: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for score in Score.objects.filter(application__vacancy=vacancy, step=step).prefetch_related("marks"):
        found[score.application_id][0] += score.total
        found[score.application_id][1] += 1
    return {k: (v[0], v[1]) for k, v in found.items()}


def criteria_applied(vacancy: Vacancy, criteria: list[Criterion] | None = None) -> tuple[int, list[str]]:
    """How many scores there are, and any that is not exactly one mark against each published criterion
    (none, by construction: the record shows it was so). `criteria`: the vacancy's, when already read."""
    return scores_of(vacancy, criteria)[1]


def scores_of(
    vacancy: Vacancy, criteria: list[Criterion] | None = None
) -> tuple[set[tuple[int, int, str]], tuple[int, list[str]]]:
    """(application, panel member's user, step) of every score given, and `criteria_applied`, from one
    read of the scores with their marks (a score with none gives one row with no criterion)."""
    ids = [c.pk for c in criteria] if criteria is not None else vacancy.criteria.values_list("pk", flat=True)
    published = sorted(ids)
    given: set[tuple[int, int, str]] = set()
    marked: dict[int, list[int]] = {}
    rows = Score.objects.filter(application__vacancy=vacancy).order_by()
    columns = ("pk", "application_id", "panel_member__profile__user_id", "step", "marks__criterion")
    for score_id, application_id, user_id, step, criterion_id in rows.values_list(*columns):
        given.add((application_id, user_id, step))
        marks = marked.setdefault(score_id, [])
        if criterion_id is not None:
            marks.append(criterion_id)
    wrong = [score_id for score_id, marks in marked.items() if sorted(marks) != published]
    if not wrong:
        return given, (len(marked), [])
    astray = Score.objects.filter(pk__in=wrong).select_related("application", "panel_member__profile__user")
    return given, (len(marked), [f"{s.panel_member.profile}'s score of {s.application.reference}" for s in astray])


# Shortlisting, interviews and the decision ----------------------------------------------------------


def shortlist(vacancy: Vacancy, *, chosen: list[Application], by: User) -> Vacancy:
    """Shortlist `chosen` once every panel member has scored every applicant they may score."""
    if vacancy.stage != Stage.SCORING:
        raise RecruitmentRefused("Shortlisting follows scoring, once the vacancy has closed")
    if vacancy.panel.count() < MINIMUM_PANEL:
        raise RecruitmentRefused(f"A selection panel needs at least {MINIMUM_PANEL} members scoring independently")
    applications = list(vacancy.applications.all())
    if missing := missing_scores(vacancy, Step.SHORTLISTING, applications):
        raise RecruitmentRefused(f"Every score must be in before shortlisting: {missing[0]}")
    if not chosen:
        raise RecruitmentRefused("Select at least one applicant to shortlist")
    ids = {a.pk for a in chosen}
    with transaction.atomic():
        for a in applications:
            a.status = Application.Status.SHORTLISTED if a.pk in ids else Application.Status.NOT_SHORTLISTED
            a.save(update_fields=["status"])
        vacancy.stage = Stage.SHORTLISTED
        vacancy.save(update_fields=["stage"])
        record(
            vacancy,
            "selection.shortlisted",
            by=by,
            summary=f"{len(ids)} of {len(applications)} shortlisted",
            shortlisted=sorted(a.reference for a in chosen),
            totals=_totals_by_reference(vacancy, Step.SHORTLISTING),
        )
    return vacancy


def set_interview(application: Application, *, at: dt.datetime, by: User) -> Application:
    """Give a shortlisted applicant an interview slot, and tell them by email."""
    if application.status != Application.Status.SHORTLISTED or application.vacancy.stage != Stage.SHORTLISTED:
        raise RecruitmentRefused("Only shortlisted applicants are interviewed, before the decision")
    vacancy = application.vacancy
    with transaction.atomic():
        application.interview_at = at
        application.save(update_fields=["interview_at"])
        record(
            vacancy,
            "selection.interview_set",
            by=by,
            summary=f"Interview for {application.reference} set",
            application=application.reference,
            at=at.isoformat(),
        )
        queue_email(
            to=application.email,
            subject=f"Interview: {vacancy.title}",
            body=f"Dear {application.full_name},\n\nYou have been shortlisted. Your interview is on "
            f"{at:%-d %B %Y at %H:%M}. It will be scored against the published criteria.\n",
            kind="recruitment.interview",
            about=application,
            senate=vacancy.senate,
        )
    return application


def decide(vacancy: Vacancy, *, chosen: Application, reasons: str, feedback: dict[int, str], by: User) -> Decision:
    """Choose whom to appoint, with the reasons, once every interview score is in; tell every applicant
    the outcome with their feedback."""
    if vacancy.stage != Stage.SHORTLISTED:
        raise RecruitmentRefused("The decision follows the shortlist and interviews")
    applications = list(vacancy.applications.all())
    shortlisted = [a for a in applications if a.status == Application.Status.SHORTLISTED]
    if chosen.pk not in {a.pk for a in shortlisted}:
        raise RecruitmentRefused("Choose one of the shortlisted applicants")
    if missing := missing_scores(vacancy, Step.INTERVIEW, shortlisted):
        raise RecruitmentRefused(f"Every interview score must be in before the decision: {missing[0]}")
    if not reasons.strip():
        raise RecruitmentRefused("Give the reasons for the decision, against the published criteria")
    if unanswered := [a for a in applications if not feedback.get(a.pk, "").strip()]:
        raise RecruitmentRefused(f"Write feedback for {unanswered[0].full_name}")
    with transaction.atomic():
        decision = Decision.objects.create(vacancy=vacancy, chosen=chosen, reasons=reasons.strip(), decided_by=by)
        for a in applications:
            if a.status == Application.Status.SHORTLISTED:
                a.status = Application.Status.APPOINTED if a.pk == chosen.pk else Application.Status.NOT_APPOINTED
            a.feedback = feedback[a.pk].strip()
            a.save(update_fields=["status", "feedback"])
            _tell_outcome(a)
        vacancy.stage = Stage.DECIDED
        vacancy.save(update_fields=["stage"])
        record(
            vacancy,
            "selection.decided",
            by=by,
            summary=f"{chosen.reference} chosen for appointment",
            chosen=chosen.reference,
            reasons=reasons.strip(),
            totals=_totals_by_reference(vacancy, Step.INTERVIEW),
        )
    return decision


def _tell_outcome(a: Application) -> None:
    outcome = {
        Application.Status.APPOINTED: "We are delighted to offer you the role. We will send your appointment letter "
        "and a link to set up your account shortly.",
        Application.Status.NOT_APPOINTED: "Thank you for your interview. On this occasion we will not be offering "
        "you the role.",
        Application.Status.NOT_SHORTLISTED: "Thank you for applying. On this occasion you have not been shortlisted.",
    }[Application.Status(a.status)]
    queue_email(
        to=a.email,
        subject=f"The outcome of your application: {a.vacancy.title}",
        body=f"Dear {a.full_name},\n\n{outcome}\n\nFeedback from the selection panel:\n{a.feedback}\n",
        kind="recruitment.outcome",
        about=a,
        senate=a.vacancy.senate,
    )


def _totals_by_reference(vacancy: Vacancy, step: str) -> dict[str, int]:
    refs = dict(vacancy.applications.values_list("pk", "reference"))
    return {refs[pk]: total for pk, (total, _n) in totals(vacancy, step).items()}
