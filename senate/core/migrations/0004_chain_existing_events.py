"""Chain the events written before the hash chain existed, in id order, one chain per Senate."""

from django.db import migrations


def chain_existing(apps, schema_editor):
    from senate.core.audit import rechain

    rechain(apps.get_model("core", "AuditEvent"), apps.get_model("core", "AuditChainHead"))


def unchain(apps, schema_editor):
    apps.get_model("core", "AuditChainHead").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0003_audit_chain")]

    operations = [migrations.RunPython(chain_existing, unchain)]
