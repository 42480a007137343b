"""A merge fills in what the kept record lacks from the duplicate, and the audit trail says what changed."""

import pytest

from senate.core.models import AuditEvent
from senate.organisations.merging import merge_organisations
from senate.organisations.models import Organisation, OrganisationType

pytestmark = pytest.mark.django_db


def _org(name, code="", type=OrganisationType.HEALTHWATCH, **fields):  # noqa: A002
    return Organisation.objects.create(name=name, code=code, type=type, **fields)


def test_a_kept_record_without_a_code_takes_the_duplicates_code_region_and_icb(cast, icb):
    keep = _org("Devon Healthwatch")
    duplicate = _org("Healthwatch Devon", code="ZZH", region=icb.region, icb=icb)
    merge_organisations(keep, duplicate, by=cast["admin"])
    keep.refresh_from_db()
    assert (keep.code, keep.region, keep.icb) == ("ZZH", icb.region, icb)
    changed = AuditEvent.objects.get(action="organisation.changed").data["changed"]
    assert changed["code"] == ["", "ZZH"]


def test_a_kept_record_keeps_its_own_code_and_records_no_change(cast, icb):
    keep = _org("Devon Healthwatch", code="ZZK", region=icb.region, icb=icb)
    duplicate = _org("Healthwatch Devon", code="ZZD")
    merge_organisations(keep, duplicate, by=cast["admin"])
    keep.refresh_from_db()
    assert keep.code == "ZZK"
    assert not AuditEvent.objects.filter(action="organisation.changed").exists()


def test_the_merge_summary_says_when_neither_record_had_a_code(cast, reference_data):
    keep, duplicate = _org("Devon Healthwatch"), _org("Healthwatch Devon")
    merge_organisations(keep, duplicate, by=cast["admin"])
    event = AuditEvent.objects.get(action="organisation.merged")
    assert event.summary == "Healthwatch Devon (no ODS code) merged into Devon Healthwatch (no ODS code)"


def test_a_duplicate_with_no_references_moves_nothing(cast, reference_data):
    keep, duplicate = _org("Devon Healthwatch"), _org("Healthwatch Devon")
    assert merge_organisations(keep, duplicate, by=cast["admin"]) == {}
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
