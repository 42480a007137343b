"""Applying from the public form: what is refused, what is kept and what the applicant is sent."""

import pytest

from senate.core.models import AuditEvent
from senate.notifications.models import Email
from senate.recruitment import applying
from senate.recruitment.applying import Interest
from senate.recruitment.models import Application
from senate.recruitment.tests.factories import apply, open_vacancy
from senate.recruitment.vacancies import RecruitmentRefused


def _submit(vacancy, **changes):
    fields = {
        "full_name": "Ada Applicant",
        "email": "ada@example.org",
        "profession": "public_health",
        "job_title": "Consultant",
        "organisation": "",
        "statements": {c.pk: "My statement" for c in vacancy.criteria.all()},
        "interests": [],
        "consent": True,
    }
    fields.update(changes)
    return applying.submit_application(vacancy, **fields)


def test_an_application_without_consent_is_refused(cast):
    vacancy = open_vacancy(cast["manager"])
    with pytest.raises(RecruitmentRefused, match="may use your application"):
        _submit(vacancy, consent=False)
    assert not Application.objects.exists()


def test_an_application_missing_a_statement_names_the_criterion(cast):
    vacancy = open_vacancy(cast["manager"], criteria=["Listening", "Leading"])
    listening, leading = vacancy.criteria.all()
    with pytest.raises(RecruitmentRefused, match="criterion: Leading"):
        _submit(vacancy, statements={listening.pk: "I listen", leading.pk: "   "})


def test_the_applicants_email_is_kept_in_lower_case_and_their_name_trimmed(cast):
    vacancy = open_vacancy(cast["manager"])
    application = _submit(vacancy, full_name="  Ada Applicant ", email=" Ada@Example.ORG ")
    assert (application.full_name, application.email) == ("Ada Applicant", "ada@example.org")


def test_the_applicant_is_sent_their_reference_and_the_closing_date(cast):
    vacancy = open_vacancy(cast["manager"])
    application = apply(vacancy)
    email = Email.objects.get(kind="recruitment.application_received")
    assert email.to == "ada@example.org"
    assert application.reference in email.body
    assert f"{vacancy.closes_on:%-d %B %Y}" in email.body


def test_the_trail_records_the_reference_but_not_the_applicants_name(cast):
    vacancy = open_vacancy(cast["manager"])
    application = apply(vacancy, "Ada Applicant")
    event = AuditEvent.objects.get(action="application.submitted")
    assert application.reference in event.summary
    assert "Ada" not in event.summary and "Ada" not in str(event.data)


def test_each_application_gets_its_own_reference(cast):
    vacancy = open_vacancy(cast["manager"])
    first, second = apply(vacancy, "Ada Applicant"), apply(vacancy, "Ben Applicant")
    assert first.reference.startswith("APP-") and first.reference != second.reference


def test_an_organisation_named_by_its_code_in_any_case_is_found_for_screening(cast, icb):
    vacancy = open_vacancy(cast["manager"])
    application = _submit(vacancy, organisation=icb.code.lower())
    assert application.organisation == icb


def test_an_organisation_named_in_full_is_found_for_screening(cast, icb):
    vacancy = open_vacancy(cast["manager"])
    application = _submit(vacancy, organisation=icb.name.upper())
    assert application.organisation == icb


def test_an_organisation_not_in_the_list_is_kept_as_written(cast):
    vacancy = open_vacancy(cast["manager"])
    application = _submit(vacancy, organisation="  Bramble Lane Surgery ")
    assert application.organisation is None
    assert application.organisation_name == "Bramble Lane Surgery"


def test_an_application_declaring_nothing_says_it_has_no_interests(cast):
    vacancy = open_vacancy(cast["manager"])
    assert _submit(vacancy).no_interests


def test_declared_interests_are_kept_with_the_organisation_found(cast, icb):
    vacancy = open_vacancy(cast["manager"])
    interest = Interest(category="financial", organisation=icb.code, nature=" Paid adviser ")
    application = _submit(vacancy, interests=[interest])
    [kept] = application.interests.all()
    assert not application.no_interests
    assert (kept.organisation, kept.nature) == (icb, "Paid adviser")


def test_no_equality_return_at_all_is_shown_as_fewer_than_five(cast):
    vacancy = open_vacancy(cast["manager"])
    assert applying.returns_shown(vacancy) == "fewer than 5"
    summary = dict(applying.monitoring_summary(vacancy))
    assert {shown for _label, shown in summary["Disability"]} == {"fewer than 5"}


def test_five_equality_returns_are_counted_exactly(cast):
    vacancy = open_vacancy(cast["manager"])
    for _ in range(5):
        applying.submit_monitoring(vacancy, age_band="35_49", sex="female", ethnicity="white", disability="no")
    assert applying.returns_shown(vacancy) == "5"


def test_equality_returns_for_another_vacancy_are_not_counted(cast):
    vacancy, other = open_vacancy(cast["manager"]), open_vacancy(cast["manager"], title="Another")
    for _ in range(5):
        applying.submit_monitoring(other, age_band="35_49", sex="female", ethnicity="white", disability="no")
    assert applying.returns_shown(vacancy) == "fewer than 5"
