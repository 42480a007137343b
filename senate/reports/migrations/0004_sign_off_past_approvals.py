"""Advice approved before sign-offs were kept gets one, so that upgrading loses no final version.

Before 0003 a report had no sign-off: the approved advice was simply the latest version. After it, only
a signed-off version is final, issued and published, so without this step every report approved,
issued or published before the upgrade would vanish from the public pages and from the requester's.
Each such request's latest version is signed off as approved by whoever performed the approval on the
request's timeline (else whoever wrote that version), on that day, and says it was added on upgrade.
A schema upgrade writes no audit events: the timeline entry it reads is the record of the approval."""

from django.db import migrations

APPROVED_OR_LATER = ("approved", "issued", "published", "response_received", "follow_up", "closed")


def sign_off_past_approvals(apps, schema_editor):
    Request = apps.get_model("reviews", "Request")  # noqa: N806
    RequestEvent = apps.get_model("reviews", "RequestEvent")  # noqa: N806
    ReportDraft = apps.get_model("reports", "ReportDraft")  # noqa: N806
    SignOff = apps.get_model("reports", "SignOff")  # noqa: N806
    signed = set(SignOff.objects.values_list("draft__request_id", flat=True))
    for request in Request.objects.filter(stage__in=APPROVED_OR_LATER).exclude(pk__in=signed):
        latest = ReportDraft.objects.filter(request=request).order_by("-version").first()
        if latest is None:
            continue
        approval = RequestEvent.objects.filter(request=request, to_stage="approved").order_by("-at", "-id").first()
        chair_id = (approval.by_id if approval else None) or latest.created_by_id
        day = (approval.at if approval else latest.created_at).date()
        SignOff.objects.create(
            draft=latest,
            ratified_at="approval recorded before Senate kept sign-offs (signed off on upgrade)",
            ratified_on=day,
            chaired_by_id=chair_id,
            recorded_by_id=chair_id,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_council_sign_off"),
        ("reviews", "0002_request_stage_entered_at_termsofreference_panel_date"),
    ]

    operations = [migrations.RunPython(sign_off_past_approvals, migrations.RunPython.noop)]
