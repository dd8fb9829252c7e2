"""The seed lists: employing sectors and KCSIE's five outcomes (a LADO renames, retires or adds
to them on the Sectors and outcomes page)."""

from django.db import migrations

SECTORS = [
    ("education", "Education: schools and colleges"),
    ("early_years", "Early years and childcare"),
    ("health", "Health"),
    ("police", "Police"),
    ("faith", "Faith groups"),
    ("sport", "Sport and leisure"),
    ("residential_care", "Residential care"),
    ("foster_carer", "Foster carers"),
    ("social_care", "Social care (other)"),
    ("transport", "Transport"),
    ("voluntary", "Voluntary and community groups"),
    ("other", "Other"),
]
OUTCOMES = [
    ("substantiated", "Substantiated"),
    ("unsubstantiated", "Unsubstantiated"),
    ("false", "False"),
    ("malicious", "Malicious"),
    ("unfounded", "Unfounded"),
]


def seed(apps, schema_editor):
    for name, rows in (("Sector", SECTORS), ("Outcome", OUTCOMES)):
        model = apps.get_model("lado", name)
        for position, (code, label) in enumerate(rows, start=1):
            model.objects.get_or_create(code=code, defaults={"name": label, "position": position})


class Migration(migrations.Migration):
    dependencies = [("lado", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
