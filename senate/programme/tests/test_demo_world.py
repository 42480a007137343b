"""The demo's work programme: a scored Senate-initiated thematic review among requests in this
year's plan, feedback on issued advice and a board's decision, as the demo people see them."""

import datetime as dt

from senate.demo import world
from senate.programme.models import BoardDecision, Feedback, PlanItem

TODAY = dt.date(2026, 11, 23)


def test_the_demo_plans_the_year_and_records_impact(db, client):
    world.build(scale="tiny", seed=7, today=TODAY)
    items = PlanItem.objects.filter(senate__slug="south-west", year=2026)
    assert items.filter(request__origin="senate", request__kind="thematic", score__isnull=False).exists()
    assert items.filter(request__origin="requester").count() >= 3 and not items.filter(score=None).exists()
    assert Feedback.objects.exists() and BoardDecision.objects.exists()
    client.login(email="manager@demo.senate.example", password=world.DEMO_PASSWORD)
    page = client.get("/south-west/programme/?year=2026").content.decode()
    assert "Frailty and urgent community response" in page and "Senate-initiated" in page
