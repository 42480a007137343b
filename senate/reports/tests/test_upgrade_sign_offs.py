"""Upgrading to sign-offs (reports 0003) loses no final version: advice approved, issued or published
before it is signed off on upgrade (0004), so it stays on the public pages and with the requester."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("reports", "0003_council_sign_off")]
AFTER = [("reports", "0004_sign_off_past_approvals")]


@pytest.mark.django_db(transaction=True)
def test_advice_published_before_the_upgrade_keeps_its_final_version(cast):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Request, Draft = old.get_model("reviews", "Request"), old.get_model("reports", "ReportDraft")  # noqa: N806
    Event = old.get_model("reviews", "RequestEvent")  # noqa: N806
    senate = old.get_model("organisations", "Senate").objects.get(slug="south-west")
    icb = old.get_model("organisations", "Organisation").objects.get(code="QJK")
    published = Request.objects.create(
        senate_id=senate.pk, created_by_id=cast["requester"].pk, title="Stroke services",
        stage="published", requesting_organisation_id=icb.pk, reference="SW-2026-901",
    )  # fmt: skip
    draft = Draft.objects.create(
        request=published, version=1, overall_opinion="supported", created_by_id=cast["manager"].pk
    )
    newer = Draft.objects.create(
        request=published, version=2, overall_opinion="supported", created_by_id=cast["manager"].pk
    )
    Event.objects.create(request=published, by_id=cast["chair"].pk, action="approve_advice", to_stage="approved")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    from senate.reports.models import ReportDraft
    from senate.reports.publication import final_version
    from senate.reviews.models import Request as Live

    signed = final_version(Live.objects.get(pk=published.pk))
    assert signed is not None and signed.pk == newer.pk != draft.pk
    assert signed.sign_off.chaired_by_id == cast["chair"].pk and "on upgrade" in signed.sign_off.ratified_at
    assert ReportDraft.objects.filter(request_id=published.pk).count() == 2
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
