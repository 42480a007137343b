import datetime as dt

from senate.demo import world
from senate.panels.models import Loan, OptimiserRun, PanelMember, PanelSpec
from senate.reviews.models import Request


def test_the_demo_has_specified_panels_a_run_and_accepted_members(db):
    world.build(seed=7, today=dt.date(2026, 11, 23))
    recruited = Request.objects.get(senate__slug="south-west", stage="panel_recruited")
    waiting = Request.objects.get(senate__slug="south-west", stage="tor_approved")
    assert PanelSpec.objects.filter(request=waiting).exists()
    spec = PanelSpec.objects.get(request=recruited)
    assert PanelMember.objects.filter(request=recruited, status="accepted").count() >= spec.min_size
    assert PanelMember.objects.filter(status="declined").exclude(decline_reason="").exists()
    assert PanelMember.objects.filter(profile__user__email="council@demo.senate.example", status="accepted").exists()
    run = OptimiserRun.objects.filter(requests=waiting).first()
    assert run is not None and run.deployed_at is None and run.for_request(waiting.pk)["panel"]
    assert not PanelMember.objects.filter(request=waiting).exists()
    assert Loan.objects.filter(request=waiting).exists()
