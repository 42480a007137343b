"""What a conflict restriction may name from evidence: its tiers (never public) and a request's items,
and when each panel member first opened the request's evidence."""

import datetime as dt

from django.utils import timezone

from senate.evidence import restrictable
from senate.evidence.models import AccessLog, Tier
from senate.evidence.tests.factories import item, make_request


def test_public_evidence_is_never_offered_as_a_tier_to_restrict():
    values = [value for value, _label in restrictable.tier_choices()]
    assert Tier.PUBLIC not in values and values[0] == Tier.OFFICIAL


def test_only_known_tiers_count_as_valid_restrictions():
    assert restrictable.TIERS.count_valid(None, ["official", "top_secret", "public"]) == 1


def test_a_requests_items_are_offered_by_title_and_tier_oldest_first(cast):
    request = make_request(stage="panel_recruited")
    first = item(request, tier=Tier.OFFICIAL_SENSITIVE, title="Bed prices", by=cast["manager"])
    second = item(request, title="Workforce plan", by=cast["manager"])
    assert restrictable.item_choices(request) == [
        (str(first.pk), "Bed prices (Official-sensitive)"),
        (str(second.pk), "Workforce plan (Official)"),
    ]


def test_another_requests_items_do_not_count_as_this_ones(cast):
    request, other = make_request(stage="panel_recruited"), make_request(stage="panel_recruited")
    mine, theirs = item(request, by=cast["manager"]), item(other, by=cast["manager"])
    assert restrictable.ITEMS.count_valid(request, [mine.pk, theirs.pk]) == 1


def test_when_each_person_first_opened_the_evidence_is_their_earliest_opening(cast):
    request = make_request(stage="panel_recruited")
    pack = item(request, tier=Tier.OFFICIAL_SENSITIVE, by=cast["manager"])
    version = pack.versions.get()
    earlier = timezone.now() - dt.timedelta(days=3)
    for at in (timezone.now(), earlier):
        log = AccessLog.objects.create(item=pack, version=version, user=cast["chair"])
        AccessLog.objects.filter(pk=log.pk).update(opened_at=at)
    opened = restrictable.first_opened(request, [cast["chair"].pk, cast["manager"].pk])
    assert opened == {cast["chair"].pk: earlier}
