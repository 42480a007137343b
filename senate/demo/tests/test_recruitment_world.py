import datetime as dt

from senate.demo import world
from senate.members.models import Membership
from senate.recruitment.models import Application, Score, Stage, Vacancy

TODAY = dt.date(2026, 11, 23)


def test_the_demo_world_has_a_vacancy_at_each_step(db):
    world.build(scale="tiny", seed=5, today=TODAY)
    vacancies = Vacancy.objects.filter(senate__slug="south-west")
    assert set(vacancies.values_list("stage", flat=True)) == {
        Stage.OPEN,
        Stage.SCORING,
        Stage.SHORTLISTED,
        Stage.FILLED,
    }
    scoring = vacancies.get(stage=Stage.SCORING)
    assert Score.objects.filter(application__vacancy=scoring).exists()
    filled = vacancies.get(stage=Stage.FILLED)
    appointed = Application.objects.get(vacancy=filled, status=Application.Status.APPOINTED)
    assert Membership.objects.filter(profile__user=appointed.user, senate=filled.senate).exists()
    assert vacancies.get(stage=Stage.OPEN).is_ppv
