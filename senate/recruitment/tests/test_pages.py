"""The pages the fixed cast cannot show: a selection panel member's, an applicant's, the appointed
member's letter, and what nobody else may see."""

import datetime as dt
import re

from senate.members.tests.factories import MembershipFactory
from senate.recruitment import appointing, selection
from senate.recruitment.models import Application, EqualityMonitoring, Score
from senate.recruitment.tests.factories import apply, close, open_vacancy, panel_of, score_all


def _scoring(cast):
    vacancy = open_vacancy(cast["manager"])
    application = apply(vacancy, "Ada Applicant")
    close(vacancy)
    return vacancy, application


def test_a_panel_member_scores_and_then_sees_the_others(client, cast):
    vacancy, application = _scoring(cast)
    first, second = panel_of(vacancy, cast["council"], cast["assembly"])
    score_all(vacancy, [second], selection.Step.SHORTLISTING, mark=1)
    url = f"/south-west/recruitment/{vacancy.pk}/applications/{application.pk}/"
    client.force_login(cast["council"])
    page = client.get(url).content.decode()
    assert "Hidden until you have submitted your own shortlisting score" in page and "Tom Assembly" not in page
    criteria = list(vacancy.criteria.all())
    answers = {f"mark_{c.pk}": "4" for c in criteria}
    response = client.post(url, answers, follow=True)
    assert "Your score is submitted" in response.content.decode()
    assert "Tom Assembly" in response.content.decode()
    assert Score.objects.get(panel_member=first).total == 4 * len(criteria)


def test_a_score_without_a_mark_for_every_criterion_is_refused_on_the_form(client, cast):
    vacancy, application = _scoring(cast)
    panel_of(vacancy, cast["council"])
    client.force_login(cast["council"])
    response = client.post(f"/south-west/recruitment/{vacancy.pk}/applications/{application.pk}/", {})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert not Score.objects.exists()


def test_only_the_team_and_the_panel_see_an_application(client, cast):
    vacancy, application = _scoring(cast)
    panel_of(vacancy, cast["assembly"])
    url = f"/south-west/recruitment/{vacancy.pk}/applications/{application.pk}/"
    for who, status in (("assembly", 200), ("council", 403), ("requester", 403), ("other_manager", 403)):
        client.force_login(cast[who])
        assert client.get(url).status_code == status, who
    client.logout()
    assert client.get(url).status_code == 302


def test_after_the_closing_date_the_form_says_so_and_takes_nothing(client, cast):
    vacancy = open_vacancy(cast["manager"])
    vacancy.closes_on = dt.date.today() - dt.timedelta(days=1)
    vacancy.save()
    url = f"/south-west/recruitment/vacancies/{vacancy.pk}/apply/"
    assert "closed to applications on" in client.get(url).content.decode()
    client.post(url, {"full_name": "Late Applicant", "email": "late@example.org", "consent": "True"})
    assert not Application.objects.exists()


def test_the_public_application_and_its_separate_monitoring_return(client, cast):
    vacancy = open_vacancy(cast["manager"])
    fields = {f"statement_{c.pk}": "My experience" for c in vacancy.criteria.all()}
    fields |= {"full_name": "Ada Applicant", "email": "ada@example.org", "profession": "nurse", "consent": "True"}
    response = client.post(f"/south-west/recruitment/vacancies/{vacancy.pk}/apply/", fields, follow=True)
    application = Application.objects.get()
    assert application.reference in response.content.decode()
    answers = {"age_band": "35_49", "sex": "female", "ethnicity": "white", "disability": "no"}
    client.post("/south-west/recruitment/applied/equality-monitoring/", answers)
    assert EqualityMonitoring.objects.filter(vacancy=vacancy).count() == 1
    # once only: the form is not offered again to the same browser
    assert client.get("/south-west/recruitment/applied/equality-monitoring/").status_code == 404


def test_the_appointment_letter_is_the_appointed_persons_alone(client, cast):
    vacancy, chosen = _scoring(cast)
    members = panel_of(vacancy, cast["council"], cast["assembly"])
    score_all(vacancy, members, selection.Step.SHORTLISTING)
    selection.shortlist(vacancy, chosen=[chosen], by=cast["manager"])
    score_all(vacancy, members, selection.Step.INTERVIEW)
    selection.decide(vacancy, chosen=chosen, reasons="Best", feedback={chosen.pk: "Well done"}, by=cast["manager"])
    appointing.appoint_chosen(vacancy, by=cast["manager"])
    url = f"/south-west/recruitment/letters/{vacancy.letter.pk}/"
    client.force_login(cast["manager"])
    assert client.get(url).status_code == 404
    chosen.refresh_from_db()
    client.force_login(chosen.user)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_the_front_page_asks_the_panel_member_to_score(client, cast):
    vacancy, _application = _scoring(cast)
    panel_of(vacancy, cast["council"])
    client.force_login(cast["council"])
    assert f"{vacancy.title}: score the applications (shortlisting)" in client.get("/south-west/").content.decode()
    client.force_login(cast["requester"])
    assert "score the applications" not in client.get("/south-west/").content.decode()


def test_a_panel_member_who_knows_the_applicant_stands_aside(client, cast):
    vacancy, application = _scoring(cast)
    first, second = panel_of(vacancy, cast["council"], cast["assembly"])
    client.force_login(cast["council"])
    url = f"/south-west/recruitment/{vacancy.pk}/applications/{application.pk}/"
    response = client.post(url + "conflict/", {"reason": "She is my sister-in-law"}, follow=True)
    assert "You have declared a conflict with Ada Applicant" in response.content.decode()
    assert "You declared a conflict with this applicant" in response.content.decode()
    assert selection.missing_scores(vacancy, selection.Step.SHORTLISTING, [application]) == [
        f"{second.profile} has not scored {application.reference}"
    ]
    client.force_login(cast["requester"])
    assert client.post(url + "conflict/", {"reason": "x"}).status_code == 403


def test_only_the_senate_team_closes_a_vacancy_and_appoints(client, cast):
    vacancy, _application = _scoring(cast)
    panel_of(vacancy, cast["council"])
    for who in ("council", "assembly", "requester", "other_manager"):
        client.force_login(cast[who])
        for act in ("close", "appoint"):
            assert client.post(f"/south-west/recruitment/{vacancy.pk}/{act}/").status_code == 403, (who, act)
    client.force_login(cast["manager"])
    response = client.post(f"/south-west/recruitment/{vacancy.pk}/appoint/", follow=True)
    assert "Appointment follows the decision" in response.content.decode()


def test_the_proposed_vacancies_are_shown_fifty_at_a_time_and_every_one_can_be_reached(client, cast):
    ending = dt.date.today() + dt.timedelta(days=40)
    for n in range(60):
        MembershipFactory(term_end=ending, profile__user__full_name=f"Tess Term {n:02d}")
    client.force_login(cast["manager"])
    first = client.get("/south-west/recruitment/").content.decode()
    found = re.search(r"(\d+) proposed vacancies, page 1 of (\d+)", first)
    assert found is not None and int(found.group(1)) >= 60
    pages = [
        client.get(f"/south-west/recruitment/?page={n}").content.decode() for n in range(1, int(found.group(2)) + 1)
    ]
    assert all(page.count("Open a vacancy<span") <= 50 for page in pages)
    shown = {name for page in pages for name in re.findall(r"Tess Term \d\d(?=&#39;s term ends)", page)}
    assert len(shown) == 60


def test_the_proposed_vacancies_are_kept_until_someone_acts_and_a_change_shows_at_once(client, cast, look):
    """Recruitment's index keeps its proposals until the next act: looking again asks fewer queries, and
    a term shortened through the membership record is proposed on the very next look."""
    from senate.members.appointments import change_term

    def proposed(page: str) -> tuple[int, int]:
        found = re.search(r"(\d+) proposed vacancies, page 1 of (\d+)", page)
        assert found is not None
        return int(found.group(1)), int(found.group(2))

    later = MembershipFactory(term_end=dt.date.today() + dt.timedelta(days=300), profile__user__full_name="Len Later")
    client.force_login(cast["manager"])
    first, page = look(client, "/south-west/recruitment/")
    again, page = look(client, "/south-west/recruitment/")
    assert again < first
    before, _ = proposed(page)
    soon = dt.date.today() + dt.timedelta(days=20)
    change_term(membership=later, starts=later.term_start, ends=soon, by=cast["manager"], reason="Moving abroad")
    count, pages = proposed(look(client, "/south-west/recruitment/")[1])
    assert count == before + 1
    assert "Len Later&#39;s term ends" in look(client, f"/south-west/recruitment/?page={pages}")[1]


def test_the_selection_panels_list_of_members_is_kept_and_a_new_appointment_shows_at_once(client, cast, look):
    """The list of members who may sit on a selection panel (a thousand in a national Senate) is kept
    until the next act: someone appointed to the Assembly is in it on the very next look."""
    from senate.members.appointments import appoint
    from senate.members.models import Body, MembershipRole
    from senate.members.tests.factories import MemberProfileFactory

    vacancy = open_vacancy(cast["manager"])
    url = f"/south-west/recruitment/{vacancy.pk}/panel/"
    client.force_login(cast["manager"])
    first, page = look(client, url)
    again, page = look(client, url)
    assert again < first and "Nia Newcomer" not in page
    appoint(
        profile=MemberProfileFactory(user__full_name="Nia Newcomer"),
        senate=vacancy.senate,
        body=Body.ASSEMBLY,
        role=MembershipRole.RECRUITED,
        starts=dt.date.today(),
        ends=dt.date.today() + dt.timedelta(days=3 * 365),
        by=cast["manager"],
    )
    assert "Nia Newcomer" in look(client, url)[1]
