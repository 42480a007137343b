"""The public recruitment pages: the list of vacancies, applying, and the monitoring form's one use."""

import datetime as dt

from senate.organisations.models import Senate
from senate.recruitment.models import Application
from senate.recruitment.tests.factories import apply, close, open_vacancy

TODAY = dt.date.today()


def _fields(vacancy, **extra):
    fields = {f"statement_{c.pk}": "My experience" for c in vacancy.criteria.all()}
    return (
        fields
        | {"full_name": "Ada Applicant", "email": "ada@example.org", "profession": "nurse", "consent": "True"}
        | extra
    )


def test_the_public_list_shows_only_vacancies_still_open(client, cast):
    open_vacancy(cast["manager"], title="Open: public health")
    past = open_vacancy(cast["manager"], title="Past its date: nursing")
    past.closes_on = TODAY - dt.timedelta(days=1)
    past.save()
    scoring = open_vacancy(cast["manager"], title="Closed early: pharmacy")
    apply(scoring)
    close(scoring)
    page = client.get("/south-west/recruitment/vacancies/").content.decode()
    assert "Open: public health" in page
    assert "Past its date: nursing" not in page and "Closed early: pharmacy" not in page


def test_another_senates_vacancy_is_not_on_this_senates_list_or_form(client, cast):
    london = open_vacancy(cast["manager"], title="London Assembly member", senate=Senate.objects.get(slug="london"))
    assert "London Assembly member" not in client.get("/south-west/recruitment/vacancies/").content.decode()
    assert client.get(f"/south-west/recruitment/vacancies/{london.pk}/apply/").status_code == 404


def test_an_application_without_consent_is_refused_on_the_form(client, cast):
    vacancy = open_vacancy(cast["manager"])
    fields = _fields(vacancy)
    del fields["consent"]
    response = client.post(f"/south-west/recruitment/vacancies/{vacancy.pk}/apply/", fields)
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert not Application.objects.exists()


def test_an_application_is_refused_when_too_many_come_from_one_place(client, cast):
    vacancy = open_vacancy(cast["manager"])
    url = f"/south-west/recruitment/vacancies/{vacancy.pk}/apply/"
    pages = [client.post(url, _fields(vacancy)).content.decode() for _ in range(12)]
    assert any("Too many applications have come from here just now" in page for page in pages)
    assert Application.objects.count() < 12


def test_the_monitoring_form_follows_an_application_only(client, cast):
    assert client.get("/south-west/recruitment/applied/equality-monitoring/").status_code == 404


def test_the_applicant_reads_the_description_they_apply_against(client, cast):
    vacancy = open_vacancy(cast["manager"], description="Brings public health expertise to reviews.")
    page = client.get(f"/south-west/recruitment/vacancies/{vacancy.pk}/apply/").content.decode()
    assert "Brings public health expertise to reviews." in page
    for criterion in vacancy.criteria.all():
        assert criterion.text in page
