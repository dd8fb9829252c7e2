import pytest
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.test.utils import isolate_apps

from lineofsight.audit.models import AuditLog
from lineofsight.lib.audited import (
    audited_change,
    audited_create,
    audited_replace,
    audited_update,
    only,
    stripped,
)
from lineofsight.lib.versioning import EditConflict, Versioned
from lineofsight.partnership.actors import SYSTEM


@pytest.fixture
def note_model(transactional_db):
    with isolate_apps("lineofsight.lib"):

        class Note(Versioned):
            text = models.CharField(max_length=50)
            tag = models.CharField(max_length=20, blank=True)

            class Meta:
                app_label = "lib"

            def __str__(self) -> str:
                return self.text

        with connection.schema_editor() as editor:
            editor.create_model(Note)
        yield Note
        with connection.schema_editor() as editor:
            editor.delete_model(Note)


def _rows(verb):
    return list(AuditLog.objects.filter(verb=verb))


def test_create_saves_and_records_the_after_snapshot(note_model):
    seen = []
    note = audited_create(
        actor=SYSTEM, instance=note_model(text="first"), verb="note.create", after_save=seen.append
    )
    assert note.pk is not None and seen == [note]
    [row] = _rows("note.create")
    assert row.action == AuditLog.Action.CREATE
    assert row.object_id == str(note.pk) and row.actor_label == "system"
    assert row.before is None
    assert row.after["text"] == "first" and row.after["version"] == 1


def test_create_validates_and_writes_nothing_when_invalid(note_model):
    with pytest.raises(ValidationError):
        audited_create(actor=SYSTEM, instance=note_model(text=""), verb="note.create")
    assert not note_model.objects.exists() and not _rows("note.create")


def test_create_rolls_back_when_after_save_fails(note_model):
    def fail(_note):
        raise ValidationError({"themes": "Unknown learning theme"})

    with pytest.raises(ValidationError):
        audited_create(
            actor=SYSTEM, instance=note_model(text="x"), verb="note.create", after_save=fail
        )
    assert not note_model.objects.exists() and not _rows("note.create")


def test_create_uses_the_given_snapshot(note_model):
    audited_create(
        actor=SYSTEM,
        instance=note_model(text="x"),
        verb="note.create",
        snapshot_of=lambda n: {"only": n.text},
    )
    assert _rows("note.create")[0].after == {"only": "x"}


def test_update_records_the_stored_before_and_bumps_the_version(note_model):
    note = note_model.objects.create(text="old", tag="a")
    note.tag = "changed in memory, not saved"
    saved = audited_update(
        actor=SYSTEM,
        instance=note,
        expected_version=1,
        changes={"text": "new", "tag": "b"},
        verb="note.update",
    )
    assert saved is note and note.version == 2
    stored = note_model.objects.get(pk=note.pk)
    assert (stored.text, stored.tag, stored.version) == ("new", "b", 2)
    [row] = _rows("note.update")
    assert row.action == AuditLog.Action.UPDATE
    assert (row.before["text"], row.before["tag"], row.before["version"]) == ("old", "a", 1)
    assert (row.after["text"], row.after["tag"], row.after["version"]) == ("new", "b", 2)


def test_update_writes_only_the_named_fields(note_model):
    note = note_model.objects.create(text="old", tag="a")
    note.tag = "not written"
    audited_update(
        actor=SYSTEM,
        instance=note,
        expected_version=1,
        changes={"text": "new"},
        verb="note.update",
        fields=["text"],
    )
    stored = note_model.objects.get(pk=note.pk)
    assert (stored.text, stored.tag, stored.version) == ("new", "a", 2)


def test_update_with_a_stale_version_is_a_conflict_and_writes_nothing(note_model):
    note = note_model.objects.create(text="old")
    note_model.objects.filter(pk=note.pk).update(text="theirs", version=2)
    with pytest.raises(EditConflict):
        audited_update(
            actor=SYSTEM, instance=note, expected_version=1, changes={"text": "mine"}, verb="n.u"
        )
    assert note_model.objects.get(pk=note.pk).text == "theirs"
    assert not _rows("n.u")


def test_update_of_a_deleted_record_is_a_conflict(note_model):
    note = note_model.objects.create(text="old")
    note_model.objects.filter(pk=note.pk).delete()
    with pytest.raises(EditConflict):
        audited_update(
            actor=SYSTEM, instance=note, expected_version=1, changes={"text": "x"}, verb="n.u"
        )
    assert not _rows("n.u")


def test_update_validates_and_rolls_back_after_save_failures(note_model):
    note = note_model.objects.create(text="old")
    with pytest.raises(ValidationError):
        audited_update(
            actor=SYSTEM, instance=note, expected_version=1, changes={"text": ""}, verb="n.u"
        )

    def fail(_note):
        raise ValidationError("no")

    fresh = note_model.objects.get(pk=note.pk)
    with pytest.raises(ValidationError):
        audited_update(
            actor=SYSTEM,
            instance=fresh,
            expected_version=1,
            changes={"text": "new"},
            verb="n.u",
            after_save=fail,
        )
    stored = note_model.objects.get(pk=note.pk)
    assert (stored.text, stored.version) == ("old", 1)
    assert not _rows("n.u")


def test_change_writes_the_named_fields_and_records_the_given_before(note_model):
    note = note_model.objects.create(text="old", tag="a")
    note.tag = "not written"
    audited_change(
        actor=SYSTEM, instance=note, changes={"text": "new"}, verb="n.c", fields=["text"]
    )
    stored = note_model.objects.get(pk=note.pk)
    assert (stored.text, stored.tag, stored.version) == ("new", "a", 1)
    [row] = _rows("n.c")
    assert row.action == AuditLog.Action.UPDATE
    # before is the instance as given (what the caller had), after as written
    assert (row.before["text"], row.before["tag"]) == ("old", "not written")
    assert (row.after["text"], row.after["tag"]) == ("new", "not written")


def test_change_validates_and_writes_nothing_when_invalid(note_model):
    note = note_model.objects.create(text="old")
    with pytest.raises(ValidationError):
        audited_change(actor=SYSTEM, instance=note, changes={"text": ""}, verb="n.c")
    assert note_model.objects.get(pk=note.pk).text == "old" and not _rows("n.c")


def test_replace_creates_then_updates_the_one_record(note_model):
    def find():
        return note_model.objects.filter(tag="k").first()

    def new():
        return note_model(tag="k")

    first = audited_replace(actor=SYSTEM, find=find, new=new, changes={"text": "a"}, verb="n.r")
    second = audited_replace(actor=SYSTEM, find=find, new=new, changes={"text": "b"}, verb="n.r")
    assert second.pk == first.pk and note_model.objects.get().text == "b"
    created, updated = AuditLog.objects.filter(verb="n.r").order_by("pk")
    assert created.action == AuditLog.Action.CREATE and created.before is None
    assert updated.action == AuditLog.Action.UPDATE
    assert (updated.before["text"], updated.after["text"]) == ("a", "b")


def test_stripped_trims_text_only():
    assert stripped({"a": " x ", "b": 3, "c": None}) == {"a": "x", "b": 3, "c": None}


def test_only_names_the_unknown_fields():
    only({"a": 1}, ("a", "b"), "note")
    with pytest.raises(TypeError, match="Unknown note fields: c, d"):
        only({"d": 1, "a": 2, "c": 3}, ("a", "b"), "note")
