from django.db import migrations


def load(apps, schema_editor):
    from senate.members.vocabulary import load_vocabulary

    load_vocabulary(apps)


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
