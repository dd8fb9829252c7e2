import pytest
from django.db import connection, models
from django.test.utils import isolate_apps

from lineofsight.lib.versioning import EditConflict, Versioned, save_if_unchanged


@pytest.fixture
def note_model(transactional_db):
    with isolate_apps("lineofsight.lib"):

        class Note(Versioned):
            text = models.CharField(max_length=50)

            class Meta:
                app_label = "lib"

        with connection.schema_editor() as editor:
            editor.create_model(Note)
        yield Note
        with connection.schema_editor() as editor:
            editor.delete_model(Note)


def test_first_save_wins_and_second_gets_a_conflict(note_model):
    note = note_model.objects.create(text="original")
    alice = note_model.objects.get(pk=note.pk)
    bob = note_model.objects.get(pk=note.pk)
    alice.text = "alice"
    save_if_unchanged(alice, expected_version=1)
    assert alice.version == 2
    bob.text = "bob"
    with pytest.raises(EditConflict, match="changed by someone else"):
        save_if_unchanged(bob, expected_version=1)
    stored = note_model.objects.get(pk=note.pk)
    assert (stored.text, stored.version) == ("alice", 2)


def test_saving_with_the_current_version_succeeds_repeatedly(note_model):
    note = note_model.objects.create(text="v1")
    for expected in (1, 2, 3):
        note.text = f"v{expected + 1}"
        save_if_unchanged(note, expected_version=expected)
    assert note_model.objects.get(pk=note.pk).version == 4
