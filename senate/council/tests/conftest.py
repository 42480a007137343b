import pytest

from senate.council.tests.factories import make_council, report_request


@pytest.fixture
def council(senate, cast):
    return make_council(senate, cast)


@pytest.fixture
def report(cast, council):
    return report_request(cast)


@pytest.fixture(autouse=True)
def _papers_in_a_temporary_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
