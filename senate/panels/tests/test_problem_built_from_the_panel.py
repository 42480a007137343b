"""The optimiser's problem as the panel pages build it: who is kept on or off, the chair rule, and
what an export leaves out and says so."""

import datetime as dt

import pytest

from senate.members.models import Profession
from senate.panels import export, problems
from senate.panels.models import PanelChoice, PanelMember
from senate.panels.tests.factories import member, ready_request, seat, spec
from senate.reviews.tests.factories import RequestFactory

TODAY = dt.date.today()


@pytest.fixture
def specified(cast):
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1)])
    return request


def _ids(request, profile):
    return problems.member_id(profile.pk), problems.review_id(request.pk)


def test_a_member_already_invited_is_kept_on_the_panel(cast, specified):
    invited = member("Ivy Invited")
    seat(specified, invited, status=PanelMember.Status.INVITED)
    assert _ids(specified, invited) in problems.build([specified], on=TODAY).problem.pins


def test_a_member_who_declined_is_kept_off_the_panel(cast, specified):
    declined = member("Dee Declined")
    seat(specified, declined, status=PanelMember.Status.DECLINED)
    built = problems.build([specified], on=TODAY).problem
    assert _ids(specified, declined) in built.removals
    assert _ids(specified, declined) not in built.pins


def test_a_member_the_manager_removed_is_kept_off_the_panel(cast, specified):
    removed = member("Rem Oved")
    PanelChoice.objects.create(request=specified, profile=removed, kind=PanelChoice.Kind.REMOVE, by=cast["manager"])
    assert _ids(specified, removed) in problems.build([specified], on=TODAY).problem.removals


def test_a_panel_chaired_from_the_council_needs_one_council_member(cast):
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1)], chair_from_council=True)
    (review,) = problems.build([request], on=TODAY).problem.reviews
    assert ("council", 1) in [(q.skill, q.min) for q in review.requirements]


def test_a_panel_wholly_from_outside_the_region_has_no_council_chair_rule(cast):
    request = ready_request()
    spec(request, by=cast["manager"], rules=[("ppv", 1)], chair_from_council=True, out_of_region_only=True)
    (review,) = problems.build([request], on=TODAY).problem.reviews
    assert review.out_of_region and "council" not in [q.skill for q in review.requirements]


def test_a_member_pinned_by_the_manager_is_named_in_the_exports_warnings(cast, specified):
    pat = member("Pat Voice", profession=Profession.PPV)
    PanelChoice.objects.create(request=specified, profile=pat, kind=PanelChoice.Kind.PIN, by=cast["manager"])
    document, warnings = export.export_problem([specified], on=TODAY)
    assert warnings == [f"pin M{pat.pk} on R{specified.pk} left out: the format has no pins"]
    assert document["format"] == "senate-panel-problem/1"


def test_requests_of_two_senates_are_exported_one_senate_at_a_time(cast, specified, other_senate):
    elsewhere = RequestFactory(senate=other_senate)
    with pytest.raises(export.ExportRefused, match="belong to different Senates"):
        export.find_requests([specified.reference, str(elsewhere.pk)])


def test_an_export_must_name_a_request(cast):
    with pytest.raises(export.ExportRefused, match="Name at least one request"):
        export.find_requests([])


def test_a_request_is_found_by_its_number_or_its_reference(cast, specified):
    assert export.find_requests([str(specified.pk)]) == export.find_requests([specified.reference]) == [specified]
