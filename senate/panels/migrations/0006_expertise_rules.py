"""A panel specification's counted rules are its expertise rules (issue 20: one word per kind of rule)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("panels", "0005_judgement_positions")]

    operations = [
        migrations.RenameModel("SpecRule", "ExpertiseRule"),
        migrations.AlterField(
            model_name="expertiserule",
            name="spec",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="expertise_rules", to="panels.panelspec"
            ),
        ),
    ]
