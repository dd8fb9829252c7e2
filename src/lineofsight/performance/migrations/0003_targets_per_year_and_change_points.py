"""Targets per financial year (with who set each), and analysts' SPC change points.

An existing target had no year: it becomes the target of the latest financial year the
partnership has results for (or of the current financial year when it has none), and is not
copied to other years (judging every year against one figure was the fault this fixes).
"""

import datetime

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _current_financial_year() -> str:
    today = datetime.date.today()
    start = today.year if today.month >= 4 else today.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def give_targets_a_year(apps, schema_editor):
    Target = apps.get_model("performance", "IndicatorTarget")
    Result = apps.get_model("performance", "IndicatorResult")
    for target in Target.objects.filter(financial_year=""):
        latest = (
            Result.objects.filter(partnership=target.partnership, period_type="financial_year")
            .order_by("-period_start")
            .values_list("period_label", flat=True)
            .first()
        )
        target.financial_year = latest or _current_financial_year()
        target.save(update_fields=["financial_year"])


class Migration(migrations.Migration):
    dependencies = [
        ("partnership", "0001_initial"),
        ("performance", "0002_indicatortarget"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="indicatortarget", name="one_target_per_indicator"),
        migrations.AddField(
            model_name="indicatortarget",
            name="financial_year",
            field=models.CharField(
                default="",
                help_text="The year it applies to, e.g. 2020-21",
                max_length=7,
                validators=[
                    django.core.validators.RegexValidator(
                        "^\\d{4}-\\d{2}$", "Enter a financial year such as 2020-21"
                    )
                ],
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="indicatortarget",
            name="set_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="indicatortarget",
            name="set_at",
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.RunPython(give_targets_a_year, migrations.RunPython.noop),
        migrations.AlterModelOptions(
            name="indicatortarget", options={"ordering": ["indicator_id", "financial_year"]}
        ),
        migrations.AddConstraint(
            model_name="indicatortarget",
            constraint=models.UniqueConstraint(
                fields=("partnership", "indicator_id", "financial_year"),
                name="one_target_per_indicator_year",
            ),
        ),
        migrations.CreateModel(
            name="ChangePoint",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("indicator_id", models.CharField(max_length=60)),
                (
                    "month",
                    models.DateField(
                        help_text="The first day of the first month of the new process"
                    ),
                ),
                ("reason", models.CharField(max_length=300)),
                ("set_at", models.DateTimeField(auto_now_add=True)),
                (
                    "partnership",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="change_points",
                        to="partnership.partnership",
                    ),
                ),
                (
                    "set_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["indicator_id", "month"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("partnership", "indicator_id", "month"),
                        name="one_change_point_a_month",
                    )
                ],
            },
        ),
    ]
