import pytest

from senate.council.tests.factories import make_council


@pytest.fixture
def council(senate, cast):
    return make_council(senate, cast)
