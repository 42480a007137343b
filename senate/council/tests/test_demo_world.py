import datetime as dt

from senate.council import publication
from senate.council.models import Meeting, Minutes
from senate.demo import world
from senate.organisations.models import Senate

TODAY = dt.date(2026, 11, 23)


def test_the_demo_council_has_a_history_and_an_upcoming_meeting(db, client):
    world.build(scale="tiny", seed=5, today=TODAY)
    senate = Senate.objects.get(slug="south-west")
    past = Meeting.objects.filter(senate=senate, date__lt=TODAY)
    upcoming = Meeting.objects.get(senate=senate, date__gt=TODAY)
    acting = past.filter(items__acting_chair__isnull=False)
    assert past.count() in (3, 4)  # and an extraordinary meeting, when the Council is large enough
    assert Minutes.objects.filter(meeting__in=past, status="published").count() == 2
    kinds = set(upcoming.items.values_list("kind", flat=True))
    assert {"approve_terms", "approve_advice"} <= kinds
    assert "ratify_report" in kinds or acting.exists()  # else approved with changes, awaiting confirmation
    assert upcoming.chair.email == "chair@demo.senate.example"
    assert publication.public_requests(senate, today=TODAY).exists()
    page = client.get("/south-west/council/public/").content.decode()
    assert "No advice has been published yet." not in page
    client.login(email="chair@demo.senate.example", password=world.DEMO_PASSWORD)
    assert client.get(f"/south-west/council/{upcoming.pk}/").status_code == 200
