"""The fixed cast every view test uses, so each asks who may and who may not in the same words.
All of them belong to the South West Clinical Senate unless the name says otherwise."""

import os

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("SENATE_TESTING", "1")

# Property tests check rules, not the machine's speed: on a shared CI machine running the suite in
# parallel, slow input generation or a slow example is no failure.
settings.register_profile("senate", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("senate")

from senate.accounts.models import Role  # noqa: E402
from senate.accounts.tests.factories import UserFactory, give_national_role, give_role  # noqa: E402
from senate.members.models import Body, MembershipRole  # noqa: E402
from senate.members.tests.factories import MembershipFactory  # noqa: E402
from senate.organisations.models import Organisation, Senate  # noqa: E402


@pytest.fixture
def reference_data(db):
    """Regions, Senates, ICBs and the expertise vocabulary. Loaded by migrations, but a browser test
    (a transactional test) empties the tables when it ends, so put them back when missing."""
    from senate.members.vocabulary import load_vocabulary
    from senate.organisations.reference.load import load_reference_data

    if not Senate.objects.exists():
        load_reference_data()
        load_vocabulary()


@pytest.fixture
def senate(reference_data):
    return Senate.objects.get(slug="south-west")


@pytest.fixture
def other_senate(reference_data):
    return Senate.objects.get(slug="london")


@pytest.fixture
def icb(reference_data):
    return Organisation.objects.get(code="QJK")


@pytest.fixture
def cast(senate, other_senate, icb):
    """Who is who: one person per role, plus people who must be refused."""
    people = {
        "manager": give_role(UserFactory(full_name="Sarah Manager"), senate, Role.MANAGER),
        "chair": give_role(UserFactory(full_name="Helen Chair"), senate, Role.CHAIR),
        "council": give_role(UserFactory(full_name="Priya Council"), senate, Role.COUNCIL_MEMBER),
        "assembly": give_role(UserFactory(full_name="Tom Assembly"), senate, Role.ASSEMBLY_MEMBER),
        "requester": give_role(UserFactory(full_name="Jo Requester"), senate, Role.REQUESTER, organisation=icb),
        "assurance": give_role(UserFactory(full_name="Anita Assurance"), senate, Role.ASSURANCE_VIEWER),
        "admin": UserFactory(full_name="Sys Admin", is_staff=True, is_superuser=True),
        "no_role": UserFactory(full_name="Nobody Inparticular"),
        "other_manager": give_role(UserFactory(full_name="Lon Manager"), other_senate, Role.MANAGER),
        # NHS England's national team: no role in any Senate, a role across them all (issued advice, figures).
        "national": give_national_role(UserFactory(full_name="Nadia National")),
    }
    MembershipFactory(profile__user=people["council"], senate=senate, body=Body.COUNCIL, role=MembershipRole.CLINICAL)
    MembershipFactory(
        profile__user=people["assembly"], senate=senate, body=Body.ASSEMBLY, role=MembershipRole.RECRUITED
    )
    return people


ALL_ROLES = [
    "manager", "chair", "council", "assembly", "requester", "assurance", "admin", "no_role", "other_manager", "national",
]  # fmt: skip


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that are not about hashing use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _no_readings_kept_from_another_test():
    """Readings kept until the next act (`senate.core.cache`) are keyed by the newest audit event's id,
    which starts again in every test's rolled-back database."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(settings, tmp_path):
    """Files saved by tests (evidence, papers) go to a folder that is thrown away, never to var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def look(django_capture_on_commit_callbacks):
    """`look(client, url)`: open a page as a served page is, keeping what it keeps once it commits (a page
    served in autocommit keeps its readings at once; a test's transaction never commits): how many queries
    it asked, and its HTML. Tests of a reading kept until the next act look twice, act, and look again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def opened(client, url: str) -> tuple[int, str]:
        with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as seen:
            response = client.get(url)
        assert response.status_code == 200
        return len(seen.captured_queries), response.content.decode()

    return opened
