from django.db import migrations


def seed(apps, schema_editor):
    from lineofsight.actions.themes import sync_themes

    sync_themes(apps.get_model("actions", "LearningTheme"))


class Migration(migrations.Migration):
    dependencies = [("actions", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
