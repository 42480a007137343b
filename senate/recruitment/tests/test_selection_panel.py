"""The selection panel: who may join it, declared conflicts, and which scores a member may give."""

import pytest

from senate.core.models import AuditEvent
from senate.recruitment import selection
from senate.recruitment.applying import Interest
from senate.recruitment.models import Recusal
from senate.recruitment.tests.factories import apply, close, open_vacancy, panel_of, score_all
from senate.recruitment.vacancies import RecruitmentRefused

Step = selection.Step


def _scoring(cast, *names):
    vacancy = open_vacancy(cast["manager"])
    applications = [apply(vacancy, name) for name in names or ("Ada Applicant",)]
    close(vacancy)
    return vacancy, applications


def test_a_member_already_on_the_panel_is_not_added_twice(cast):
    vacancy, _ = _scoring(cast)
    panel_of(vacancy, cast["council"])
    with pytest.raises(RecruitmentRefused, match="already on the selection panel"):
        panel_of(vacancy, cast["council"])


def test_the_panel_is_recorded_with_no_conflicts_when_there_are_none(cast):
    vacancy, _ = _scoring(cast)
    panel_of(vacancy, cast["council"], by=cast["manager"])
    event = AuditEvent.objects.get(action="selection.panel_member_added")
    assert event.data == {"person": cast["council"].pk, "conflicts": []}
    assert "joins the selection panel" in event.summary


def test_someone_not_signed_in_is_not_on_the_panel(cast):
    from django.contrib.auth.models import AnonymousUser

    vacancy, _ = _scoring(cast)
    panel_of(vacancy, cast["council"])
    assert selection.panel_member_of(vacancy, AnonymousUser()) is None
    assert selection.panel_member_of(vacancy, cast["assembly"]) is None


def test_shortlisting_scores_wait_for_the_vacancy_to_close(cast):
    vacancy = open_vacancy(cast["manager"])
    application = apply(vacancy)
    [member] = panel_of(vacancy, cast["council"])
    assert "once the vacancy has closed" in selection.why_not_score(member, application, Step.SHORTLISTING)


def test_interview_scores_are_only_for_shortlisted_applicants(cast):
    vacancy, [application] = _scoring(cast)
    [member] = panel_of(vacancy, cast["council"])
    assert "for shortlisted applicants" in selection.why_not_score(member, application, Step.INTERVIEW)


def test_a_mark_above_four_is_refused(cast):
    vacancy, [application] = _scoring(cast)
    [member] = panel_of(vacancy, cast["council"])
    marks = {c.pk: 5 for c in vacancy.criteria.all()}
    with pytest.raises(RecruitmentRefused, match="from 0 to 4"):
        selection.submit_score(application, member=member, step=Step.SHORTLISTING, marks=marks, comment="", by=None)


def test_a_score_is_recorded_with_each_mark_by_criterion(cast):
    vacancy, [application] = _scoring(cast)
    [member] = panel_of(vacancy, cast["council"])
    marks = {c.pk: n for n, c in enumerate(vacancy.criteria.all())}
    score = selection.submit_score(
        application, member=member, step=Step.SHORTLISTING, marks=marks, comment="", by=cast["council"]
    )
    event = AuditEvent.objects.get(action="selection.scored")
    assert event.data["marks"] == {c.text: marks[c.pk] for c in vacancy.criteria.all()}
    assert "(shortlisting)" in event.summary
    assert score.total == sum(marks.values())


def test_a_member_with_an_interest_declared_by_the_applicant_does_not_score_them(cast, icb):
    vacancy = open_vacancy(cast["manager"])
    application = apply(vacancy, interests=[Interest(category="financial", organisation=icb.code, nature="Adviser")])
    cast["council"].profile.employer = icb
    cast["council"].profile.save()
    close(vacancy)
    [member] = panel_of(vacancy, cast["council"])
    refusal = selection.why_not_score(member, application, Step.SHORTLISTING)
    assert "conflict of interest" in refusal


def test_a_conflict_is_described_as_with_the_applicants_organisation(cast, icb):
    vacancy = open_vacancy(cast["manager"])
    application = apply(vacancy, organisation=icb.code)
    cast["council"].profile.employer = icb
    cast["council"].profile.save()
    close(vacancy)
    panel_of(vacancy, cast["council"])
    [[conflict]] = selection.conflicts_of(vacancy).values()
    assert "an organisation of the applicant" in conflict.reason
    assert (cast["council"].profile.pk, application.pk) in selection.conflicts_of(vacancy)


def test_no_conflicts_are_found_when_no_applicant_names_a_known_organisation(cast):
    vacancy, _ = _scoring(cast)
    panel_of(vacancy, cast["council"])
    assert selection.conflicts_of(vacancy) == {}


def test_a_declared_conflict_needs_a_reason(cast):
    vacancy, [application] = _scoring(cast)
    [member] = panel_of(vacancy, cast["council"])
    with pytest.raises(RecruitmentRefused, match="Say what the conflict is"):
        selection.recuse(member, application, reason="  ", by=cast["council"])


def test_a_member_who_declared_a_conflict_does_not_score_that_applicant(cast):
    vacancy, [application] = _scoring(cast)
    [member] = panel_of(vacancy, cast["council"])
    selection.recuse(member, application, reason="My former trainee", by=cast["council"])
    assert "declared a conflict" in selection.why_not_score(member, application, Step.SHORTLISTING)
    assert AuditEvent.objects.get(action="selection.recused").data["reason"] == "My former trainee"


def test_a_conflict_cannot_be_declared_twice(cast):
    vacancy, [application] = _scoring(cast)
    [member] = panel_of(vacancy, cast["council"])
    selection.recuse(member, application, reason="My former trainee", by=cast["council"])
    with pytest.raises(RecruitmentRefused, match="already declared"):
        selection.recuse(member, application, reason="Again", by=cast["council"])
    assert Recusal.objects.count() == 1


def test_a_member_who_has_scored_tells_the_manager_instead_of_declaring_a_conflict(cast):
    vacancy, [application] = _scoring(cast)
    members = panel_of(vacancy, cast["council"])
    score_all(vacancy, members, Step.SHORTLISTING)
    with pytest.raises(RecruitmentRefused, match="tell the Senate manager"):
        selection.recuse(members[0], application, reason="I know them", by=cast["council"])


def test_a_member_who_stood_aside_is_not_waited_for(cast):
    vacancy, [ada, ben] = _scoring(cast, "Ada Applicant", "Ben Applicant")
    first, second = panel_of(vacancy, cast["council"], cast["assembly"])
    selection.recuse(first, ada, reason="My former trainee", by=cast["council"])
    score_all(vacancy, [first, second], Step.SHORTLISTING)
    assert selection.missing_scores(vacancy, Step.SHORTLISTING, [ada, ben]) == []


def test_a_missing_score_names_who_has_not_scored_whom(cast):
    vacancy, [ada] = _scoring(cast)
    panel_of(vacancy, cast["council"])
    assert selection.missing_scores(vacancy, Step.SHORTLISTING, [ada]) == [
        f"Priya Council has not scored {ada.reference}"
    ]


def test_totals_add_every_members_marks_for_each_applicant(cast):
    vacancy, [ada] = _scoring(cast)
    members = panel_of(vacancy, cast["council"], cast["assembly"])
    score_all(vacancy, members, Step.SHORTLISTING, mark=3)
    criteria = vacancy.criteria.count()
    assert selection.totals(vacancy, Step.SHORTLISTING) == {ada.pk: (2 * 3 * criteria, 2)}
    assert selection.totals(vacancy, Step.INTERVIEW) == {}
