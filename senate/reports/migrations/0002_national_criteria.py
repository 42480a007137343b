"""Load the national assessment framework (docs/domain.md §3.1, §3.4) as reference data."""

from django.db import migrations


def load(apps, schema_editor):
    from senate.reports.framework import load_national

    load_national(apps.get_model("reports", "Criterion"))


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
