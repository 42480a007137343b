import datetime as dt

import factory
from django.apps import apps
from django.utils import timezone

from senate.accounts.tests.factories import UserFactory
from senate.interests.models import Category, Declaration, DeclarationVersion, Kind
from senate.members.tests.factories import MemberProfileFactory
from senate.organisations.models import Organisation, Senate


class DeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Declaration

    profile = factory.SubFactory(MemberProfileFactory)
    kind = Kind.INTEREST


class VersionFactory(factory.django.DjangoModelFactory):
    """A version written straight to the database, e.g. with a past `recorded_at` for history tests."""

    class Meta:
        model = DeclarationVersion
        skip_postgeneration_save = True

    declaration = factory.SubFactory(DeclarationFactory)
    number = 1
    category = Category.FINANCIAL
    organisation_name = "Acme Medical Devices Ltd"
    nature = "Paid non-executive director"
    started_on = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=400))
    may_publish = True
    recorded_at = factory.LazyFunction(timezone.now)
    recorded_by = factory.LazyAttribute(lambda o: o.declaration.profile.user)

    @factory.post_generation
    def services(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            from senate.members.models import Expertise

            obj.services.set(Expertise.objects.filter(code__in=extracted))


def declared(profile, *, kind=Kind.INTEREST, **fields) -> Declaration:
    """A declaration with one version; `fields` go on the version."""
    declaration = DeclarationFactory(profile=profile, kind=kind)
    if kind == Kind.NIL:
        fields = {"category": "", "organisation_name": "", "nature": "No interests to declare"} | fields
    VersionFactory(declaration=declaration, **fields)
    return declaration


def trust(code="QJKT0", name="Torbay and South Devon NHS Foundation Trust", icb_code="QJK") -> Organisation:
    """A trust inside an ICB area (Devon by default)."""
    icb = Organisation.objects.get(code=icb_code)
    org, _ = Organisation.objects.get_or_create(
        code=code, defaults={"name": name, "type": "trust", "icb": icb, "region": icb.region, "is_synthetic": True}
    )
    return org


_numbers = iter(range(1, 1_000_000))


def make_request(*, affected=(), services=(), **fields):
    """A reviews.Request made through the ORM (the interests app never imports reviews)."""
    Request = apps.get_model("reviews", "Request")  # noqa: N806
    fields = {
        "senate": Senate.objects.get(slug="south-west"),
        "title": "Future of acute stroke services",
        "kind": "formal_review",
        "requesting_organisation": Organisation.objects.get(code="QJK"),
        "stage": "accepted",
        "reference": f"SW-T-{next(_numbers):04d}",
    } | fields
    if "created_by" not in fields:
        fields["created_by"] = UserFactory()
    request = Request.objects.create(**fields)
    request.affected_organisations.set(list(affected))
    if services:
        from senate.members.models import Expertise

        request.service_areas.set(Expertise.objects.filter(code__in=services))
    return request
