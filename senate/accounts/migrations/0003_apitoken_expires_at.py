import datetime as dt

from django.db import migrations, models
from django.utils import timezone


def give_existing_tokens_90_days(apps, schema_editor):
    """Tokens made before tokens expired keep working for 90 days from this release."""
    apps.get_model("accounts", "ApiToken").objects.filter(expires_at__isnull=True).update(
        expires_at=timezone.now() + dt.timedelta(days=90)
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_attempt_counter")]

    operations = [
        migrations.AddField(model_name="apitoken", name="expires_at", field=models.DateTimeField(null=True)),
        migrations.RunPython(give_existing_tokens_90_days, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(help_text="Chosen when the token is made; the API refuses it afterwards."),
        ),
    ]
