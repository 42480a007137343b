"""One link per sequence number in each chain, and a trigger that refuses UPDATE and DELETE of an
audit event (PostgreSQL: a PL/pgSQL function; SQLite: RAISE(ABORT)). The SQL lives in
`senate.core.audit` beside the code that checks the triggers are in place."""

from django.db import migrations, models


def install(apps, schema_editor):
    from senate.core.audit import install_append_only

    install_append_only(schema_editor.connection)


def lift(apps, schema_editor):
    from senate.core.audit import lift_append_only

    lift_append_only(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("core", "0004_chain_existing_events")]

    operations = [
        migrations.AddConstraint(
            model_name="auditevent",
            constraint=models.UniqueConstraint(fields=("chain", "sequence"), name="core_auditevent_one_per_link"),
        ),
        migrations.RunPython(install, lift),
    ]
