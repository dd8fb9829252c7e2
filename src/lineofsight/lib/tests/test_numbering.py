import pytest
from django.db import connection, models
from django.test.utils import isolate_apps

from lineofsight.lib.numbering import next_number


@pytest.fixture
def numbered_model(transactional_db):
    with isolate_apps("lineofsight.lib"):

        class Part(models.Model):
            group = models.CharField(max_length=10)
            number = models.PositiveIntegerField()

            class Meta:
                app_label = "lib"

            def __str__(self) -> str:
                return f"{self.group} {self.number}"

        with connection.schema_editor() as editor:
            editor.create_model(Part)
        yield Part
        with connection.schema_editor() as editor:
            editor.delete_model(Part)


def test_next_number_is_one_more_than_the_highest_among_the_siblings(numbered_model):
    assert next_number(numbered_model.objects.filter(group="a")) == 1
    for group, number in (("a", 1), ("a", 4), ("b", 9)):
        numbered_model.objects.create(group=group, number=number)
    assert next_number(numbered_model.objects.filter(group="a")) == 5
