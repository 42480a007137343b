"""Recruitment pages. The Senate team's: proposed vacancies and vacancies, opening one, its record, the
panel, shortlisting, the decision and appointment. A panel member's: scoring. The public's: open vacancies,
the application form, its confirmation and the optional equality monitoring form. Each page calls one
act; a refusal is shown on the form, in the act's words."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from senate.accounts import throttle
from senate.accounts.people import SignedInRequest
from senate.core import audit
from senate.core.access import public, requires, signed_in
from senate.organisations.models import Senate
from senate.recruitment import applying, appointing, gaps, queries, selection, vacancies
from senate.recruitment.forms import (
    ApplicationForm,
    DecisionForm,
    DescriptionForm,
    InterviewForm,
    MonitoringForm,
    PanelForm,
    RecusalForm,
    ScoreForm,
    ShortlistForm,
    VacancyForm,
)
from senate.recruitment.models import Application, Score, Stage, Vacancy
from senate.recruitment.permission_names import RecruitmentPermission as P
from senate.recruitment.served import APPLICATION, VACANCY
from senate.recruitment.vacancies import RecruitmentRefused

MONITORING_KEY = "recruitment_monitoring_for"


PROPOSED_PER_PAGE = 50


def _crumbs(senate: Senate, *more: tuple[str, str]) -> list[dict[str, str]]:
    found = [{"href": f"/{senate.slug}/", "text": senate.name}]
    found += [{"href": href, "text": text} for href, text in more]
    return found


def _index(senate: Senate) -> tuple[str, str]:
    return reverse("recruitment:index", args=[senate.slug]), "Recruitment"


def _record(vacancy: Vacancy) -> tuple[str, str]:
    return reverse("recruitment:vacancy", args=[vacancy.senate.slug, vacancy.pk]), vacancy.title


# The Senate team ------------------------------------------------------------------------------------


@requires(P.MANAGE)
def index(http: SignedInRequest, senate: Senate) -> HttpResponse:
    """Proposed vacancies from the coverage gaps and ending terms, and the vacancies opened."""
    today = timezone.localdate()
    opened = list(queries.vacancies(senate))
    taken = frozenset(f"{v.body}:{v.gap_code}" for v in opened if v.gap_code and v.stage != Stage.FILLED)
    # A national Senate proposes hundreds (every term ending in six months): shown a page at a time.
    proposed = Paginator(gaps.proposed_vacancies_kept(senate, today=today, taken=taken), PROPOSED_PER_PAGE)
    page = proposed.get_page(http.GET.get("page"))
    context = {
        "proposed": list(page),
        "page": page,
        "vacancies": opened,
        "page_title": "Recruitment",
        "breadcrumbs": _crumbs(senate),
    }
    return render(http, "recruitment/index.jinja", context)


@requires(P.MANAGE)
def new(http: SignedInRequest, senate: Senate) -> HttpResponse:
    initial = {k: http.GET.get(k, "") for k in ("title", "body", "role", "gap", "gap_code")}
    form = VacancyForm(_posted(http), initial=initial)
    if http.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            vacancy = vacancies.open_vacancy(
                senate=senate,
                title=d["title"],
                body=d["body"],
                role=d["role"],
                description=d["description"],
                criteria=d["criteria"].splitlines(),
                term_start=d["term_start"],
                term_end=d["term_end"],
                time_commitment=d["time_commitment"],
                closes_on=d["closes_on"],
                involvement_payment=d["involvement_payment"],
                expenses_policy=d["expenses_policy"],
                gap=d["gap"],
                gap_code=d["gap_code"],
                by=http.user,
            )
        except RecruitmentRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(http, f"The vacancy is open to applications until {vacancy.closes_on:%-d %B %Y}.")
            return redirect("recruitment:vacancy", senate.slug, vacancy.pk)
    context = {"form": form, "page_title": "Open a vacancy", "breadcrumbs": _crumbs(senate, _index(senate))}
    return render(http, "recruitment/new.jinja", context)


@requires(P.VIEW_VACANCY, on=VACANCY)
def vacancy_page(http: SignedInRequest, senate: Senate, vacancy: Vacancy) -> HttpResponse:
    """The vacancy's record: what was published, the panel, every application and its scores' state, the
    decision, and the trail of every step."""
    manages = http.user.has_perm(P.MANAGE, senate)
    criteria = list(vacancy.criteria.all())
    returns, monitoring = applying.monitoring_of(vacancy) if manages else ("", [])
    scored, applied = selection.scores_of(vacancy, criteria)
    context = {
        "vacancy": vacancy,
        "senate": senate,
        "manages": manages,
        "descriptions": list(vacancy.descriptions.all()),
        "criteria": criteria,
        "applications": list(queries.applications(vacancy)),
        "panel": list(vacancy.panel.select_related("profile__user")),
        "scored": scored,
        "me": http.user.pk,
        "decision": getattr(vacancy, "decision", None) if vacancy.stage in (Stage.DECIDED, Stage.FILLED) else None,
        "applied": applied,
        "monitoring": monitoring,
        "returns": returns,
        "history": [audit.describe(e) for e in queries.history(vacancy)] if manages else [],
        "taking": vacancies.is_taking_applications(vacancy),
        "today": timezone.localdate(),
        "page_title": vacancy.title,
        "breadcrumbs": _crumbs(senate, _index(senate)) if manages else _crumbs(senate),
    }
    return render(http, "recruitment/vacancy.jinja", context)


@requires(P.MANAGE, on=VACANCY)
def describe(http: SignedInRequest, senate: Senate, vacancy: Vacancy) -> HttpResponse:
    latest = vacancies.current_description(vacancy)
    form = DescriptionForm(_posted(http), initial={"text": latest.text if latest else ""})
    if http.method == "POST" and form.is_valid():
        try:
            version = vacancies.revise_description(vacancy, text=form.cleaned_data["text"], by=http.user)
        except RecruitmentRefused as refusal:
            form.add_error("text", str(refusal))
        else:
            messages.success(http, f"Version {version.number} of the role description is published.")
            return redirect("recruitment:vacancy", senate.slug, vacancy.pk)
    context = {
        "form": form,
        "vacancy": vacancy,
        "page_title": "Change the role description",
        "breadcrumbs": _crumbs(senate, _index(senate), _record(vacancy)),
    }
    return render(http, "recruitment/describe.jinja", context)


@requires(P.MANAGE, on=VACANCY)
def panel(http: SignedInRequest, senate: Senate, vacancy: Vacancy) -> HttpResponse:
    form = PanelForm(_posted(http), candidates=queries.panel_candidate_names(senate, timezone.localdate()))
    if http.method == "POST" and form.is_valid():
        profile = queries.panel_candidates(senate, timezone.localdate()).get(pk=form.cleaned_data["profile"])
        try:
            selection.add_panel_member(vacancy, profile=profile, by=http.user)
        except RecruitmentRefused as refusal:
            form.add_error("profile", str(refusal))
        else:
            messages.success(http, f"{profile} is on the selection panel.")
            return redirect("recruitment:panel", senate.slug, vacancy.pk)
    members = list(vacancy.panel.select_related("profile__user"))
    found = selection.conflicts_of(vacancy, [m.profile for m in members])
    refs = dict(vacancy.applications.values_list("pk", "reference"))
    rows = [
        (m, [(refs[aid], c) for (pid, aid), cs in found.items() if pid == m.profile_id for c in cs]) for m in members
    ]
    context = {
        "form": form,
        "vacancy": vacancy,
        "rows": rows,
        "page_title": "Selection panel",
        "breadcrumbs": _crumbs(senate, _index(senate), _record(vacancy)),
    }
    return render(http, "recruitment/panel.jinja", context)


@require_POST
@requires(P.MANAGE, on=VACANCY)
def close(http: SignedInRequest, senate: Senate, vacancy: Vacancy) -> HttpResponse:
    try:
        vacancies.close_applications(vacancy, by=http.user)
    except RecruitmentRefused as refusal:
        messages.error(http, str(refusal))
    else:
        messages.success(http, "The vacancy is closed to applications: the panel can score them.")
    return redirect("recruitment:vacancy", senate.slug, vacancy.pk)


@requires(P.MANAGE, on=VACANCY)
def shortlist(http: SignedInRequest, senate: Senate, vacancy: Vacancy) -> HttpResponse:
    apps = list(queries.applications(vacancy))
    form = ShortlistForm(_posted(http), applications=apps)
    if http.method == "POST" and form.is_valid():
        chosen = [a for a in apps if str(a.pk) in form.cleaned_data["chosen"]]
        try:
            selection.shortlist(vacancy, chosen=chosen, by=http.user)
        except RecruitmentRefused as refusal:
            form.add_error("chosen", str(refusal))
        else:
            messages.success(http, f"{len(chosen)} applicants are shortlisted for interview.")
            return redirect("recruitment:vacancy", senate.slug, vacancy.pk)
    totals = selection.totals(vacancy, Score.Step.SHORTLISTING)
    context = {
        "form": form,
        "vacancy": vacancy,
        "applications": apps,
        "totals": totals,
        "page_title": "Shortlist",
        "breadcrumbs": _crumbs(senate, _index(senate), _record(vacancy)),
    }
    return render(http, "recruitment/shortlist.jinja", context)


@requires(P.MANAGE, on=APPLICATION)
def interview(http: SignedInRequest, senate: Senate, application: Application) -> HttpResponse:
    vacancy = application.vacancy
    form = InterviewForm(_posted(http))
    if http.method == "POST" and form.is_valid():
        at = timezone.make_aware(dt.datetime.combine(form.cleaned_data["day"], form.cleaned_data["time"]))
        try:
            selection.set_interview(application, at=at, by=http.user)
        except RecruitmentRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(http, f"{application.full_name} has been sent their interview time.")
            return redirect("recruitment:vacancy", senate.slug, vacancy.pk)
    context = {
        "form": form,
        "application": application,
        "page_title": f"Interview for {application.full_name}",
        "breadcrumbs": _crumbs(senate, _index(senate), _record(vacancy)),
    }
    return render(http, "recruitment/interview.jinja", context)


@requires(P.MANAGE, on=VACANCY)
def decide(http: SignedInRequest, senate: Senate, vacancy: Vacancy) -> HttpResponse:
    apps = list(queries.applications(vacancy))
    form = DecisionForm(_posted(http), applications=apps)
    if http.method == "POST" and form.is_valid():
        chosen = next(a for a in apps if str(a.pk) == form.cleaned_data["chosen"])
        try:
            selection.decide(
                vacancy, chosen=chosen, reasons=form.cleaned_data["reasons"], feedback=form.feedback(), by=http.user
            )
        except RecruitmentRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(http, "The decision is recorded and every applicant has been emailed their outcome.")
            return redirect("recruitment:vacancy", senate.slug, vacancy.pk)
    context = {
        "form": form,
        "vacancy": vacancy,
        "totals": selection.totals(vacancy, Score.Step.INTERVIEW),
        "applications": apps,
        "page_title": "Decision",
        "breadcrumbs": _crumbs(senate, _index(senate), _record(vacancy)),
    }
    return render(http, "recruitment/decide.jinja", context)


@require_POST
@requires(P.MANAGE, on=VACANCY)
def appoint(http: SignedInRequest, senate: Senate, vacancy: Vacancy) -> HttpResponse:
    try:
        membership = appointing.appoint_chosen(vacancy, by=http.user)
    except RecruitmentRefused as refusal:
        messages.error(http, str(refusal))
    else:
        messages.success(
            http,
            f"{membership.profile} is appointed to the {membership.get_body_display()}: their letter and a link to "
            "set their password have been emailed.",
        )
    return redirect("recruitment:vacancy", senate.slug, vacancy.pk)


# The selection panel --------------------------------------------------------------------------------


@requires(P.VIEW_VACANCY, on=APPLICATION)
def application_page(http: SignedInRequest, senate: Senate, application: Application) -> HttpResponse:
    """An application with its statements against each criterion; a panel member's score form; the scores,
    once the reader may see them."""
    vacancy = application.vacancy
    member = selection.panel_member_of(vacancy, http.user)
    step = Score.Step.INTERVIEW if vacancy.stage == Stage.SHORTLISTED else Score.Step.SHORTLISTING
    criteria = list(vacancy.criteria.all())
    form = ScoreForm(_posted(http), criteria=criteria)
    refusal = selection.why_not_score(member, application, step) if member else None
    if http.method == "POST":
        if member is None:
            raise Http404("Only the selection panel scores applications.")
        if form.is_valid():
            try:
                selection.submit_score(
                    application,
                    member=member,
                    step=step,
                    marks=form.marks(),
                    comment=form.cleaned_data["comment"],
                    by=http.user,
                )
            except RecruitmentRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(http, "Your score is submitted. You can now see the other panel members' scores.")
                return redirect("recruitment:application", senate.slug, vacancy.pk, application.pk)
    steps = [
        (s, selection.scores_for(application, s) if selection.may_see_scores(http.user, application, s) else None)
        for s in Score.Step
    ]
    context = {
        "application": application,
        "vacancy": vacancy,
        "form": form,
        "member": member,
        "step": step,
        "refusal": refusal,
        "recusal_form": RecusalForm(),
        "steps": steps,
        "page_title": f"Application {application.reference}",
        "breadcrumbs": _crumbs(senate, _record(vacancy)),
    }
    return render(http, "recruitment/application.jinja", context)


@require_POST
@requires(P.SCORE, on=APPLICATION)
def recuse(http: SignedInRequest, senate: Senate, application: Application) -> HttpResponse:
    """A panel member stands aside from scoring an applicant they have a conflict with."""
    member = selection.panel_member_of(application.vacancy, http.user)
    form = RecusalForm(http.POST)
    try:
        if member is None or not form.is_valid():
            raise RecruitmentRefused("Say what the conflict is")
        selection.recuse(member, application, reason=form.cleaned_data["reason"], by=http.user)
    except RecruitmentRefused as refusal:
        messages.error(http, str(refusal))
    else:
        messages.success(http, f"You have declared a conflict with {application.full_name} and will not score them.")
    return redirect("recruitment:application", senate.slug, application.vacancy_id, application.pk)


# The public -----------------------------------------------------------------------------------------


@public
def open_list(http: HttpRequest, senate: Senate) -> HttpResponse:
    context = {
        "vacancies": queries.open_vacancies(senate, timezone.localdate()),
        "senate": senate,
        "page_title": f"Join the {senate.name}",
        "breadcrumbs": _crumbs(senate),
    }
    return render(http, "recruitment/public/open.jinja", context)


@public
def apply(http: HttpRequest, senate: Senate, vacancy_id: int) -> HttpResponse:
    vacancy = queries.open_vacancy(senate, vacancy_id, timezone.localdate())
    if vacancy is None:
        raise Http404("There is no vacancy with that number.")
    criteria = list(vacancy.criteria.all())
    form = ApplicationForm(_posted(http), criteria=criteria)
    taking = vacancies.is_taking_applications(vacancy)
    if http.method == "POST" and taking and form.is_valid():
        d = form.cleaned_data
        # Each application counts against the address and the email, as sign-in failures do: a person
        # applies a few times, a script many (accounts.throttle).
        keys = throttle.keys_for("recruitment_apply", http, d["email"])
        try:
            if throttle.wait(keys):
                raise RecruitmentRefused(
                    "Too many applications have come from here just now: try again in a few minutes"
                )
            throttle.fail(keys)
            made = applying.submit_application(
                vacancy,
                full_name=d["full_name"],
                email=d["email"],
                profession=d["profession"],
                job_title=d["job_title"],
                organisation=d["organisation"],
                statements=form.statements(),
                interests=[applying.Interest(*row) for row in form.interests()],
                consent=d["consent"],
            )
        except RecruitmentRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            # The monitoring form may be given once for this vacancy; nothing ties it to the application.
            http.session[MONITORING_KEY] = vacancy.pk
            http.session["recruitment_reference"] = made.reference
            return redirect("recruitment:applied", senate.slug)
    description = vacancies.current_description(vacancy)
    context = {
        "form": form,
        "vacancy": vacancy,
        "description": description,
        "taking": taking,
        "page_title": f"Apply: {vacancy.title}",
        "breadcrumbs": _crumbs(senate, (reverse("recruitment:open", args=[senate.slug]), "Vacancies")),
    }
    return render(http, "recruitment/public/apply.jinja", context)


@public
def applied(http: HttpRequest, senate: Senate) -> HttpResponse:
    reference = http.session.get("recruitment_reference")
    context = {
        "reference": reference,
        "monitoring": http.session.get(MONITORING_KEY),
        "senate": senate,
        "page_title": "Application received",
        "breadcrumbs": _crumbs(senate),
    }
    return render(http, "recruitment/public/applied.jinja", context)


@public
def monitoring(http: HttpRequest, senate: Senate) -> HttpResponse:
    vacancy_id = http.session.get(MONITORING_KEY)
    vacancy = queries.vacancy_in(senate, vacancy_id) if vacancy_id else None
    if vacancy is None:
        raise Http404("The equality monitoring form follows an application.")
    form = MonitoringForm(_posted(http))
    if http.method == "POST" and form.is_valid():
        applying.submit_monitoring(vacancy, **form.cleaned_data)
        del http.session[MONITORING_KEY]
        messages.success(http, "Thank you: your equality monitoring answers are kept apart from your application.")
        return redirect("recruitment:applied", senate.slug)
    context = {"form": form, "page_title": "Equality monitoring (optional)", "breadcrumbs": _crumbs(senate)}
    return render(http, "recruitment/public/monitoring.jinja", context)


# The appointed member -------------------------------------------------------------------------------


@signed_in
def letter(http: SignedInRequest, senate: Senate, letter_id: int) -> HttpResponse:
    """The appointment letter, to the person appointed only."""
    found = queries.letter_of(http.user, senate, letter_id)
    if found is None:
        raise Http404("There is no appointment letter of yours with that number.")
    response = HttpResponse(bytes(found.pdf), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="appointment-letter.pdf"'
    return response


def _posted(http: HttpRequest) -> Any:
    """The posted data, even when empty (so a form sent with nothing ticked shows its errors)."""
    return http.POST if http.method == "POST" else None
