import datetime as dt

import factory

from senate.accounts.tests.factories import UserFactory
from senate.members.models import Body, Expertise, MemberProfile, Membership, MembershipRole, Profession
from senate.organisations.models import Region, Senate


class MemberProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberProfile
        django_get_or_create = ("user",)
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    profession = Profession.DOCTOR
    job_title = "Consultant"
    region = factory.LazyFunction(lambda: Region.objects.get(slug="south-west"))

    @factory.post_generation
    def expertise(obj, create, extracted, **kwargs):  # noqa: N805
        if create and extracted:
            obj.expertise.set(Expertise.objects.filter(code__in=extracted))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    profile = factory.SubFactory(MemberProfileFactory)
    senate = factory.LazyFunction(lambda: Senate.objects.get(slug="south-west"))
    body = Body.ASSEMBLY
    role = MembershipRole.RECRUITED
    term_start = factory.LazyFunction(lambda: dt.date.today() - dt.timedelta(days=200))
    term_end = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=500))
