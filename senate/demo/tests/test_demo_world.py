import datetime as dt

from senate.accounts.models import RoleAssignment, User
from senate.demo import world
from senate.members.models import Body, Membership
from senate.organisations.models import Organisation, Senate


def test_demo_world_is_realistic_and_signs_in(db, client):
    world.build(seed=7, today=dt.date(2026, 11, 23))
    _every_senate_has_a_council_and_assembly_of_realistic_size()
    _every_current_icb_has_synthetic_trusts_and_a_council()
    _one_sign_in_per_role_that_works(client)
    _the_south_west_has_a_request_in_every_stage_across_programmes(client)


def _the_south_west_has_a_request_in_every_stage_across_programmes(client):
    from senate.reviews.models import Request
    from senate.reviews.stages import Stage

    requests = Request.objects.filter(senate__slug="south-west")
    assert set(requests.values_list("stage", flat=True)) == set(Stage.values)
    assert requests.exclude(programme=None).values("programme").distinct().count() >= 4
    client.login(email="requester@demo.senate.example", password=world.DEMO_PASSWORD)
    listing = client.get("/south-west/requests/").content.decode()
    ours = requests.filter(requesting_organisation__code="QJK").exclude(stage="draft")
    theirs = requests.exclude(requesting_organisation__code="QJK")
    assert all(r.reference in listing for r in ours)
    assert not any(r.reference in listing for r in theirs)


def _every_senate_has_a_council_and_assembly_of_realistic_size():
    for senate in Senate.objects.current(dt.date(2026, 11, 23)):
        current = Membership.objects.current(dt.date(2026, 11, 23)).filter(senate=senate)
        assert 25 <= current.filter(body=Body.COUNCIL).count() <= 42, senate
        assert 200 <= current.filter(body=Body.ASSEMBLY).count() <= 502, senate


def _every_current_icb_has_synthetic_trusts_and_a_council():
    for icb in Organisation.objects.icbs().current(dt.date(2026, 11, 23)):
        kinds = set(icb.members_of_system.values_list("type", flat=True))
        assert {"trust", "local_authority", "hwb", "hosc"} <= kinds, icb


def _one_sign_in_per_role_that_works(client):
    roles = set(
        RoleAssignment.objects.filter(user__email__endswith="@demo.senate.example").values_list("role", flat=True)
    )
    assert roles >= {
        "chair",
        "vice_chair",
        "manager",
        "council_member",
        "assembly_member",
        "requester",
        "assurance_viewer",
    }
    assert User.objects.get(email="admin@demo.senate.example").is_superuser
    assert client.login(username="manager@demo.senate.example", password=world.DEMO_PASSWORD)


def test_the_same_seed_builds_the_same_world(db):
    from django.db import transaction

    with transaction.atomic():
        first = world.build(scale="tiny", seed=11, today=dt.date(2026, 1, 1))
        names = list(User.objects.order_by("pk").values_list("full_name", flat=True)[:50])
        transaction.set_rollback(True)
    assert first["members"]["london"] > 0
    assert not User.objects.exists()
    world.build(scale="tiny", seed=11, today=dt.date(2026, 1, 1))
    assert list(User.objects.order_by("pk").values_list("full_name", flat=True)[:50]) == names
