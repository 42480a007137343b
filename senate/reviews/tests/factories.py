import datetime as dt

import factory
from django.utils import timezone

from senate.accounts.tests.factories import UserFactory
from senate.organisations.models import Organisation, Senate
from senate.reviews.models import Request


class RequestFactory(factory.django.DjangoModelFactory):
    """A submitted, complete request from Devon ICB to the South West Senate."""

    class Meta:
        model = Request
        skip_postgeneration_save = True

    senate = factory.LazyFunction(lambda: Senate.objects.get(slug="south-west"))
    title = "Future of acute stroke services"
    kind = "formal_review"
    requesting_organisation = factory.LazyFunction(lambda: Organisation.objects.get(code="QJK"))
    assurance_stage = "checkpoint"
    questions = "Is there a clear clinical evidence base?"
    decision_date = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=200))
    created_by = factory.SubFactory(UserFactory)
    stage = "received"
    reference = factory.Sequence(lambda n: f"SW-2026-{n + 100:03d}")
    submitted_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def affected(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.affected_organisations.set([obj.requesting_organisation])
