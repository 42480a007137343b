"""Before ODS codes become unique and required for NHS bodies (0005): put every code in one form, merge
organisations that share a code, merge a record with no code into the coded one of the same name and
type, and, for an NHS body left with no code at all, record it as "Other" with a note to add its code
(nothing here can invent an ODS code). References from every app move to the kept record."""

from django.db import migrations
from django.db.models.functions import Lower

NHS_BODY_TYPES = ("icb", "trust", "nhse_national", "nhse_regional", "primary_care")


def _merge(Organisation, Succession, keep, duplicate):
    from senate.organisations.merging import move_references

    move_references(Organisation, keep, duplicate)
    Succession.objects.filter(predecessor_id=keep.pk, successor_id=keep.pk).delete()
    keep.refresh_from_db(fields=["icb"])
    if keep.icb_id == keep.pk:
        keep.icb_id = None
    keep.region_id = keep.region_id or duplicate.region_id
    if not keep.icb_id and duplicate.icb_id and duplicate.icb_id != keep.pk:
        keep.icb_id = duplicate.icb_id
    duplicate.delete()
    keep.save(update_fields=["region", "icb"])


def merge_duplicates(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    Succession = apps.get_model("organisations", "Succession")
    by_code = {}
    for org in Organisation.objects.exclude(code="").order_by("pk"):
        by_code.setdefault("".join(org.code.split()).upper(), []).append(org)
    for code, orgs in by_code.items():
        keep = next((o for o in orgs if o.code == code), orgs[0])
        for duplicate in orgs:
            if duplicate.pk != keep.pk:
                _merge(Organisation, Succession, keep, duplicate)
        if keep.code != code:
            Organisation.objects.filter(pk=keep.pk).update(code=code)
    for org in Organisation.objects.filter(code="").order_by("pk"):
        twins = Organisation.objects.annotate(lower_name=Lower("name")).filter(
            lower_name=org.name.lower(), type=org.type
        ).exclude(pk=org.pk)
        keep = twins.exclude(code="").order_by("pk").first() or twins.filter(pk__lt=org.pk).order_by("pk").first()
        if keep is not None:
            _merge(Organisation, Succession, keep, org)
    for org in Organisation.objects.filter(code="", type__in=NHS_BODY_TYPES):
        org.notes = f"Was recorded as {org.type} with no ODS code: add its code and type. {org.notes}"[:300]
        org.type = "other"
        org.save(update_fields=["type", "notes"])


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_senate_factual_accuracy_days_senate_response_days"),
        # Every app that points at an organisation, so their references move with a merge.
        ("accounts", "0003_apitoken_expires_at"),
        ("interests", "0001_initial"),
        ("members", "0002_vocabulary"),
        ("reviews", "0002_request_stage_entered_at_termsofreference_panel_date"),
    ]

    operations = [migrations.RunPython(merge_duplicates, migrations.RunPython.noop)]
