import pytest

from senate.beds.tests.factories import BedModelFactory


@pytest.fixture
def bed_model(cast):
    return BedModelFactory(created_by=cast["manager"])


@pytest.fixture
def as_manager(client, cast):
    client.force_login(cast["manager"])
    return client


def page_url(bed_model, tail=""):
    return f"/south-west/beds/requests/{bed_model.request_id}/models/{bed_model.pk}/{tail}"


@pytest.fixture(autouse=True)
def _reference(reference_data):
    """Requests need the South West Senate and Devon ICB."""
