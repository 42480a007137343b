"""A Senate's conflicts-of-interest settings are its conflict policy (issue 20: one word per kind of rule)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("interests", "0002_structured_restrictions"),
    ]

    operations = [
        migrations.RenameModel("InterestRules", "ConflictPolicy"),
        migrations.AlterModelOptions(name="conflictpolicy", options={"verbose_name_plural": "conflict policies"}),
        migrations.AlterField(
            model_name="conflictpolicy",
            name="senate",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE, related_name="conflict_policy", to="organisations.senate"
            ),
        ),
    ]
