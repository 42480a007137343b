import datetime as dt

from senate.demo import world
from senate.evidence.models import EvidenceItem, EvidenceRequest, Fieldwork, PapersCirculated, Tier
from senate.reviews.models import Request

TODAY = dt.date(2026, 11, 23)


def test_the_demo_world_has_evidence_on_reviews_past_panel_recruitment(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world.build(scale="tiny", seed=5, today=TODAY)
    items = EvidenceItem.objects.select_related("request")
    assert items.exists()
    assert {i.tier for i in items} == set(Tier.values)
    assert all(i.versions.exists() for i in items)
    received = Request.objects.get(senate__slug="south-west", stage="evidence_received")
    assert items.filter(request=received).exists()
    recruited = Request.objects.get(senate__slug="south-west", stage="panel_recruited")
    assert EvidenceRequest.objects.filter(request=recruited).exists()
    assert not items.filter(request=recruited).exists()
    meeting = Request.objects.get(senate__slug="south-west", stage="panel_meeting")
    assert Fieldwork.objects.filter(request=meeting).count() == 2
    assert PapersCirculated.objects.filter(fieldwork__request=meeting).exists()
