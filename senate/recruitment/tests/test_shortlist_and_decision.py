"""Shortlisting, interviews and the decision: the order they must come in and what applicants are told."""

import datetime as dt

import pytest
from django.utils import timezone

from senate.core.models import AuditEvent
from senate.notifications.models import Email
from senate.recruitment import appointing, selection
from senate.recruitment.models import Application, Stage
from senate.recruitment.tests.factories import apply, close, open_vacancy, panel_of, score_all
from senate.recruitment.vacancies import RecruitmentRefused

Step = selection.Step


def _scored(cast, *names):
    vacancy = open_vacancy(cast["manager"])
    applications = [apply(vacancy, name) for name in names]
    close(vacancy)
    members = panel_of(vacancy, cast["council"], cast["assembly"])
    score_all(vacancy, members, Step.SHORTLISTING)
    return vacancy, applications, members


def _shortlisted(cast, *names):
    vacancy, applications, members = _scored(cast, *names)
    selection.shortlist(vacancy, chosen=applications[:2], by=cast["manager"])
    for a in applications:
        a.refresh_from_db()
    return vacancy, applications, members


def test_shortlisting_waits_for_the_vacancy_to_close(cast):
    vacancy = open_vacancy(cast["manager"])
    ada = apply(vacancy)
    with pytest.raises(RecruitmentRefused, match="once the vacancy has closed"):
        selection.shortlist(vacancy, chosen=[ada], by=cast["manager"])


def test_a_panel_of_one_cannot_shortlist(cast):
    vacancy = open_vacancy(cast["manager"])
    ada = apply(vacancy)
    close(vacancy)
    members = panel_of(vacancy, cast["council"])
    score_all(vacancy, members, Step.SHORTLISTING)
    with pytest.raises(RecruitmentRefused, match="at least 2 members"):
        selection.shortlist(vacancy, chosen=[ada], by=cast["manager"])


def test_a_shortlist_of_nobody_is_refused(cast):
    vacancy, _, _ = _scored(cast, "Ada Applicant")
    with pytest.raises(RecruitmentRefused, match="at least one applicant"):
        selection.shortlist(vacancy, chosen=[], by=cast["manager"])


def test_applicants_left_off_the_shortlist_are_marked_not_shortlisted(cast):
    vacancy, [ada, ben, cy], _ = _shortlisted(cast, "Ada Applicant", "Ben Applicant", "Cy Applicant")
    assert [a.status for a in (ada, ben, cy)] == ["shortlisted", "shortlisted", "not_shortlisted"]
    event = AuditEvent.objects.get(action="selection.shortlisted")
    assert event.summary.endswith("2 of 3 shortlisted")
    assert event.data["shortlisted"] == sorted([ada.reference, ben.reference])
    assert set(event.data["totals"]) == {ada.reference, ben.reference, cy.reference}


def test_a_shortlisted_applicant_is_emailed_their_interview_time(cast):
    vacancy, [ada, _ben], _ = _shortlisted(cast, "Ada Applicant", "Ben Applicant")
    at = timezone.make_aware(dt.datetime(2030, 3, 4, 14, 30))
    selection.set_interview(ada, at=at, by=cast["manager"])
    email = Email.objects.get(kind="recruitment.interview")
    assert email.to == "ada@example.org"
    assert "4 March 2030 at 14:30" in email.body
    assert Application.objects.get(pk=ada.pk).interview_at == at


def test_an_applicant_not_shortlisted_is_not_given_an_interview(cast):
    vacancy, [_ada, _ben, cy], _ = _shortlisted(cast, "Ada Applicant", "Ben Applicant", "Cy Applicant")
    with pytest.raises(RecruitmentRefused, match="Only shortlisted applicants"):
        selection.set_interview(cy, at=timezone.now(), by=cast["manager"])
    assert not Email.objects.filter(kind="recruitment.interview").exists()


def test_the_decision_waits_for_the_shortlist(cast):
    vacancy, [ada], _ = _scored(cast, "Ada Applicant")
    with pytest.raises(RecruitmentRefused, match="follows the shortlist"):
        selection.decide(vacancy, chosen=ada, reasons="Best", feedback={ada.pk: "Good"}, by=cast["manager"])


def _interviewed(cast):
    vacancy, applications, members = _shortlisted(cast, "Ada Applicant", "Ben Applicant", "Cy Applicant")
    score_all(vacancy, members, Step.INTERVIEW)
    feedback = {a.pk: f"Feedback for {a.full_name}" for a in applications}
    return vacancy, applications, feedback


def test_a_decision_without_reasons_is_refused(cast):
    vacancy, [ada, _ben, _cy], feedback = _interviewed(cast)
    with pytest.raises(RecruitmentRefused, match="Give the reasons"):
        selection.decide(vacancy, chosen=ada, reasons="  ", feedback=feedback, by=cast["manager"])


def test_a_decision_names_the_applicant_still_without_feedback(cast):
    vacancy, [ada, ben, _cy], feedback = _interviewed(cast)
    feedback[ben.pk] = " "
    with pytest.raises(RecruitmentRefused, match="Write feedback for Ben Applicant"):
        selection.decide(vacancy, chosen=ada, reasons="Best", feedback=feedback, by=cast["manager"])
    assert not Email.objects.filter(kind="recruitment.outcome").exists()


def test_each_applicant_is_told_the_outcome_that_is_theirs(cast):
    vacancy, [ada, ben, cy], feedback = _interviewed(cast)
    selection.decide(vacancy, chosen=ada, reasons="Best", feedback=feedback, by=cast["manager"])
    body = {e.to: e.body for e in Email.objects.filter(kind="recruitment.outcome")}
    assert "delighted to offer you the role" in body["ada@example.org"]
    assert "Thank you for your interview" in body["ben@example.org"]
    assert "you have not been shortlisted" in body["cy@example.org"]


def test_the_decision_sets_each_shortlisted_applicants_status_and_records_the_reasons(cast):
    vacancy, [ada, ben, cy], feedback = _interviewed(cast)
    selection.decide(vacancy, chosen=ada, reasons=" Strongest ", feedback=feedback, by=cast["manager"])
    statuses = dict(Application.objects.values_list("full_name", "status"))
    assert statuses == {
        "Ada Applicant": "appointed",
        "Ben Applicant": "not_appointed",
        "Cy Applicant": "not_shortlisted",
    }
    event = AuditEvent.objects.get(action="selection.decided")
    assert (event.data["chosen"], event.data["reasons"]) == (ada.reference, "Strongest")


def test_the_panel_cannot_change_after_the_decision(cast, senate):
    from senate.members.tests.factories import MembershipFactory

    vacancy, [ada, _ben, _cy], feedback = _interviewed(cast)
    selection.decide(vacancy, chosen=ada, reasons="Best", feedback=feedback, by=cast["manager"])
    late = MembershipFactory(senate=senate).profile
    with pytest.raises(RecruitmentRefused, match="panel can no longer change"):
        selection.add_panel_member(vacancy, profile=late, by=cast["manager"])


def test_appointment_waits_for_the_decision(cast):
    vacancy, _, _ = _shortlisted(cast, "Ada Applicant", "Ben Applicant")
    with pytest.raises(RecruitmentRefused, match="Appointment follows the decision"):
        appointing.appoint_chosen(vacancy, by=cast["manager"])
    assert vacancy.stage == Stage.SHORTLISTED
