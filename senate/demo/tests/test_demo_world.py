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
    _one_review_is_joint_with_the_south_east_and_its_panel_draws_from_both(client)
    _the_south_west_has_specified_panels_a_run_and_accepted_members()


def _the_south_west_has_specified_panels_a_run_and_accepted_members():
    """Checked in the same world as the rest (was panels' own test, which built the same world again)."""
    from senate.panels.models import Loan, OptimiserRun, PanelMember, PanelSpec
    from senate.reviews.models import Request

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


def _one_review_is_joint_with_the_south_east_and_its_panel_draws_from_both(client):
    from senate.panels.models import PanelMember
    from senate.reviews.joint import joint_line
    from senate.reviews.models import PartnerComment, PartnerSenate

    partner = PartnerSenate.objects.select_related("request__senate").get()
    assert partner.status == "accepted" and partner.senate.slug == "south-east"
    assert joint_line(partner.request).startswith("Joint review led by South West")
    assert PartnerComment.objects.filter(request=partner.request).exists()
    seats = PanelMember.objects.filter(request=partner.request)
    assert seats.filter(profile__memberships__senate__slug="south-east").exists(), "a partner member on the panel"
    client.login(email="partner.council@demo.senate.example", password=world.DEMO_PASSWORD)
    assert partner.request.reference in client.get("/south-east/requests/").content.decode()


def _the_south_west_has_a_request_in_every_stage_across_programmes(client):
    from senate.reviews.models import Request
    from senate.reviews.stages import Stage

    requests = Request.objects.filter(senate__slug="south-west")
    assert set(requests.values_list("stage", flat=True)) == set(Stage.values)
    for r in requests.exclude(stage="draft"):  # every sent request says when it was sent, as its timeline does
        assert r.submitted_at is not None and r.submitted_at.date() == r.events.order_by("at").first().at.date(), r
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
    assert User.objects.get(email="national@demo.senate.example").national_roles.filter(role="national_team").exists()
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


def test_the_national_world_has_a_decade_of_past_reviews_with_their_panels(db, client):
    """The benchmark world's history, built here at a small size on the tiny world."""
    import random

    from senate.demo import history_world
    from senate.panels.candidates import candidates_for
    from senate.panels.models import PanelMember
    from senate.reviews.models import Request

    today = dt.date(2026, 11, 23)
    world.build(scale="tiny", seed=5, today=today)
    for senate in Senate.objects.current(today):  # the tiny world's Assemblies are too small for panels
        for n in range(12):
            Membership.objects.create(
                senate=senate, body=Body.ASSEMBLY, term_start=dt.date(2025, 1, 1), term_end=dt.date(2028, 1, 1),
                profile=_member(f"{senate.slug}-{n}", "emergency-medicine" if n % 2 else "stroke"),
            )  # fmt: skip
    made = history_world.build(random.Random(3), today=today, count=120)
    past = Request.objects.filter(created_by__email=history_world.ARCHIVE_EMAIL)
    assert made == past.count() == 120
    assert set(past.values_list("stage", flat=True)) == {"closed"}
    years = {r.submitted_at.year for r in past}
    assert min(years) >= 2016 and max(years) <= 2025 and len(years) >= 8
    assert past.values("senate").distinct().count() == Senate.objects.current(today).count()
    assert all(r.events.count() == 2 and r.service_areas.exists() for r in past)
    with_panel = [r for r in past if r.panel_members.exists()]
    assert with_panel, "formal reviews had panels"
    for r in with_panel:
        seats = PanelMember.objects.filter(request=r, status="accepted")
        assert 6 <= seats.count() <= 9 and seats.filter(role="chair").count() == 1
        wanted = set(r.service_areas.values_list("pk", flat=True))
        fitting = [s for s in seats if wanted & set(s.profile.expertise.values_list("pk", flat=True))]
        holders = Membership.objects.filter(senate=r.senate, profile__expertise__in=wanted).values("profile").distinct()
        assert len(fitting) >= min(holders.count(), seats.count() // 2 + 1), "panels draw on the right expertise"
    # the history counts as experience when a new review on a similar service looks for its panel
    r = with_panel[0]
    new = Request.objects.create(
        senate=r.senate, title="New review", kind="formal_review", requesting_organisation=r.requesting_organisation,
        stage="tor_approved", created_by=r.created_by,
    )  # fmt: skip
    new.service_areas.set(r.service_areas.all())
    veteran = r.panel_members.first().profile
    found = {c.profile.pk: c for c in candidates_for(new, on=today)}
    assert found[veteran.pk].past_panels >= 1


def _member(name, specialty):
    from senate.accounts.tests.factories import UserFactory
    from senate.members.models import Expertise
    from senate.members.tests.factories import MemberProfileFactory

    profile = MemberProfileFactory(user=UserFactory(full_name=name))
    profile.expertise.set(Expertise.objects.filter(code=specialty))
    return profile
