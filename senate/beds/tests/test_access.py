"""Who may use a request's bed models: the Senate team and the request's panel build and run them;
the requester's contacts read finished results of their own organisation's requests; nobody else."""

import pytest

from senate.accounts.models import Role
from senate.accounts.tests.factories import UserFactory, give_role
from senate.beds.models import BedModel
from senate.beds.tests.conftest import page_url
from senate.beds.tests.factories import BedModelFactory, finished_model, put_on_panel
from senate.organisations.models import Organisation
from senate.reviews.tests.factories import RequestFactory


def test_a_panel_member_builds_and_runs_a_model_on_their_request(client, cast, django_capture_on_commit_callbacks):
    request = RequestFactory()
    put_on_panel(cast["assembly"], request)
    client.force_login(cast["assembly"])
    response = client.post(f"/south-west/beds/requests/{request.pk}/new/", {"title": "Panel's own model"})
    bed_model = BedModel.objects.get(request=request)
    assert response.status_code == 302 and bed_model.created_by == cast["assembly"]
    bed_model.scenario = BedModelFactory.build().scenario
    bed_model.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page_url(bed_model, "run/"))
    bed_model.refresh_from_db()
    assert bed_model.status == BedModel.Status.DONE


def test_a_panel_member_of_another_request_is_refused(client, cast):
    put_on_panel(cast["assembly"], RequestFactory())
    bed_model = finished_model()
    client.force_login(cast["assembly"])
    assert client.get(page_url(bed_model)).status_code == 403
    assert client.post(page_url(bed_model, "run/")).status_code == 403


def test_a_declined_panel_invitation_gives_no_access(client, cast):
    bed_model = finished_model()
    seat = put_on_panel(cast["assembly"], bed_model.request)
    seat.status = "declined"
    seat.save()
    client.force_login(cast["assembly"])
    assert client.get(page_url(bed_model)).status_code == 403


def test_the_requester_reads_finished_results_but_not_drafts_and_cannot_run(client, cast):
    done = finished_model()
    draft = BedModelFactory(request=done.request, title="Half-entered model")
    client.force_login(cast["requester"])
    listing = client.get(f"/south-west/beds/requests/{done.request_id}/").content.decode()
    assert done.title in listing and "Half-entered model" not in listing
    assert "Create a bed model" not in listing
    assert client.get(page_url(done)).status_code == 200
    assert client.get(page_url(draft)).status_code == 404
    assert client.post(page_url(done, "run/")).status_code == 403
    assert client.post(page_url(done, "bed-test/")).status_code == 403
    assert client.get(page_url(done, "baseline/")).status_code == 403


def test_a_requester_from_another_organisation_sees_nothing(client, cast, senate):
    other_icb = (
        Organisation.objects.exclude(pk=cast["requester"].roles.get().organisation_id)
        .filter(code__startswith="Q")
        .first()
    )
    stranger = give_role(UserFactory(), senate, Role.REQUESTER, organisation=other_icb)
    done = finished_model()
    client.force_login(stranger)
    assert client.get(f"/south-west/beds/requests/{done.request_id}/").status_code == 403
    assert client.get(page_url(done)).status_code == 403
    assert done.title not in client.get(page_url(done)).content.decode()


@pytest.mark.parametrize("who", ["council", "assurance", "no_role", "other_manager"])
def test_others_are_refused_results(client, cast, who):
    done = finished_model()
    client.force_login(cast[who])
    response = client.get(page_url(done))
    assert response.status_code == 403 and "Ward proposed" not in response.content.decode()


def test_the_other_senates_url_does_not_find_this_senates_request(client, cast):
    done = finished_model()
    client.force_login(cast["other_manager"])
    assert client.get(f"/london/beds/requests/{done.request_id}/models/{done.pk}/").status_code == 404


def test_the_request_page_links_to_bed_models_only_for_those_who_may_open_them(client, cast):
    request = RequestFactory()
    client.force_login(cast["manager"])
    assert "Bed models (the bed test)" in client.get(f"/south-west/requests/{request.pk}/").content.decode()
    client.force_login(cast["council"])
    assert "Bed models (the bed test)" not in client.get(f"/south-west/requests/{request.pk}/").content.decode()
