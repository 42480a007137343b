"""The demo bed model is built, run and relied on for the bed test of a request with a significant
bed reduction, quickly enough for `senate demo`."""

import datetime as dt
import random
import time

from senate.beds import presenters
from senate.beds.models import BedModel
from senate.demo import beds_world
from senate.reviews.tests.factories import RequestFactory


def test_the_demo_bed_model_has_results_and_is_relied_on(cast):
    RequestFactory(title="Something else", significant_bed_reduction=False)
    request = RequestFactory(title=beds_world.TITLE, significant_bed_reduction=True, stage="report_revised")
    started = time.monotonic()
    beds_world.build(random.Random(1), today=dt.date(2026, 11, 23))
    assert time.monotonic() - started < 20
    bed_model = BedModel.objects.get(request=request)
    assert bed_model.status == BedModel.Status.DONE and bed_model.created_by == cast["manager"]
    assert presenters.bed_test_model(request) == bed_model
    steady = {row[0]: row[1:] for row in presenters.report_tables(bed_model)[0]["rows"]}
    assert steady["Beds"] == ["104", "84"]


def test_without_a_bed_reduction_request_the_demo_adds_no_model(cast):
    RequestFactory(significant_bed_reduction=False)
    beds_world.build(random.Random(1), today=dt.date(2026, 11, 23))
    assert not BedModel.objects.exists()
