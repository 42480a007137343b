import factory

from senate.accounts.models import NationalRole, NationalRoleAssignment, RoleAssignment, User

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@test.senate.example")
    full_name = factory.Faker("name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


def give_role(user: User, senate, role: str, organisation=None) -> User:
    RoleAssignment.objects.create(user=user, senate=senate, role=role, organisation=organisation)
    return user


def give_national_role(user: User, role: str = NationalRole.NATIONAL_TEAM) -> User:
    NationalRoleAssignment.objects.create(user=user, role=role)
    return user
