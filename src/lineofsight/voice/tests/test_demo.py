"""The demo: a year of scrutiny, feedback, a survey imported through ingest, forum notes."""

import pytest

from lineofsight.actions.models import Action
from lineofsight.partnership import demo as partnership_demo
from lineofsight.voice import demo
from lineofsight.voice.models import Feedback, ForumNote, ScrutinyActivity, SurveyResponse

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_with_the_reports_magnitudes(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    partnership_demo.load()
    demo.load(seed=7)
    assert ScrutinyActivity.objects.count() == len(demo.ACTIVITIES)
    recommendations = sum(len(a[-1]) for a in demo.ACTIVITIES)
    assert Action.objects.filter(source="scrutiny").count() == recommendations
    assert Action.objects.filter(source="scrutiny", status="closed").exists()
    assert Feedback.objects.count() == len(demo.FEEDBACK)
    assert Feedback.objects.exclude(changed="").filter(publish=True).exists()
    assert Feedback.objects.filter(changed="").exists()  # some still waiting
    assert ForumNote.objects.count() == len(demo.FORUMS)
    assert SurveyResponse.objects.count() == sum(n for n, _ in demo.RESPONDENTS.values())
    demo.load(seed=7)
    assert ScrutinyActivity.objects.count() == len(demo.ACTIVITIES)
    assert "already loaded" in capsys.readouterr().out
