import datetime as dt
from decimal import Decimal

import factory

from senate.members.tests.factories import MemberProfileFactory
from senate.organisations.models import Senate
from senate.participation.models import Claim


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    senate = factory.LazyFunction(lambda: Senate.objects.get(slug="south-west"))
    profile = factory.SubFactory(MemberProfileFactory)
    activity_on = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=7))
    activity = "Council meeting"
    involvement = Claim.Involvement.FULL_DAY
    miles = 20
    payment = Decimal("150.00")
    expenses = Decimal("9.00")
