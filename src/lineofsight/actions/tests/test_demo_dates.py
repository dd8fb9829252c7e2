"""The demo's dates are consistent with today: no open action overdue by years, no old Section 11
round still open, no return "submitted" years after its round."""

import datetime as dt

import pytest
from django.utils import timezone

from lineofsight.actions import demo as actions_demo
from lineofsight.actions.models import Action, ActionUpdate
from lineofsight.assurance import demo as assurance_demo
from lineofsight.assurance.models import Section11Return, Section11Round
from lineofsight.partnership import demo as partnership_demo


@pytest.mark.django_db
def test_demo_dates_are_relative_to_today(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    partnership_demo.load()
    assurance_demo.load(seed=7)
    today = timezone.localdate()
    stale = Action.objects.filter(status__in=Action.ACTIVE, due_date__lt=today - dt.timedelta(60))
    assert stale.exists()  # the 2015-2021 history leaves actions open ...
    actions_demo.load(seed=7)
    assert "open actions' due dates revised around today" in capsys.readouterr().out
    open_actions = Action.objects.filter(status__in=Action.ACTIVE)
    assert not open_actions.filter(due_date__lt=today - dt.timedelta(45)).exists()  # ... no more
    dues = [a.due_date for a in open_actions]
    assert min(dues) < today < max(dues)  # some overdue, some still to come
    assert ActionUpdate.objects.filter(text__startswith="Due date revised").count() >= 3
    before = list(open_actions.values_list("pk", "due_date"))
    actions_demo.load(seed=7)
    assert list(open_actions.values_list("pk", "due_date")) == before  # idempotent

    # Section 11: past rounds closed, this year's open and due ahead; submitted in time
    open_rounds = Section11Round.objects.filter(status=Section11Round.Status.OPEN)
    assert [(r.year, r.due_date > today) for r in open_rounds] == [(today.year, True)]
    assert not Section11Round.objects.filter(due_date__lt=today, status="open").exists()
    for ret in Section11Return.objects.filter(status="submitted").select_related("round"):
        submitted = timezone.localtime(ret.submitted_at).date()
        assert submitted <= ret.round.due_date and submitted < today, ret
        assert (
            submitted.year in (ret.round.year, ret.round.year - 1) or ret.round.year == today.year
        )
    statuses = set(
        Section11Return.objects.filter(round__in=open_rounds).values_list("status", flat=True)
    )
    assert "draft" in statuses  # some agencies are still drafting this year's return
