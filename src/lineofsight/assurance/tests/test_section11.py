import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lineofsight.assurance import selectors, standards
from lineofsight.assurance.models import Section11Return
from lineofsight.assurance.services import section11
from lineofsight.audit.models import AuditLog
from lineofsight.lib.versioning import EditConflict


def complete_answers(rating="fully_met"):
    return {
        s.code: {
            "rating": rating,
            "evidence": f"Evidence {s.number}",
            "development_point": "" if rating == "fully_met" else f"Develop {s.number}",
        }
        for s in standards.standards()
    }


def test_the_eight_standards_come_from_the_data_file():
    titles = [s.title for s in standards.standards()]
    assert len(titles) == 8
    assert titles[0] == "Senior management commitment"
    assert titles[-1] == "Information sharing"
    assert standards.standard("safer_recruitment").number == 6


@pytest.mark.django_db
def test_a_lead_starts_saves_a_draft_and_submits(round_, lead, agency):
    ret = section11.start_return(actor=lead, round_=round_, agency=agency)
    assert ret.answers.count() == 8 and ret.status == "draft"
    assert section11.start_return(actor=lead, round_=round_, agency=agency) == ret
    draft = {
        "training": {
            "rating": "partially_met",
            "evidence": "Induction only",
            "development_point": "",
        }
    }
    section11.save_return(actor=lead, section11_return=ret, expected_version=1, answers=draft)
    row = AuditLog.objects.get(verb="section11_return.save_draft")
    assert row.before["answers"]["training"]["rating"] == ""
    assert row.after["answers"]["training"]["rating"] == "partially_met"
    # incomplete: cannot submit, nothing changes
    with pytest.raises(ValidationError) as problems:
        section11.save_return(
            actor=lead, section11_return=ret, expected_version=2, answers={}, submit=True
        )
    message = problems.value.message_dict["training_development_point"][0]
    assert "say what your agency will develop" in message
    assert "senior_management_rating" in problems.value.message_dict
    ret.refresh_from_db()
    assert ret.status == "draft" and ret.version == 2
    answers = complete_answers()
    answers["training"] = {
        "rating": "partially_met",
        "evidence": "Induction only",
        "development_point": "Refresher training for all staff",
    }
    section11.save_return(
        actor=lead, section11_return=ret, expected_version=2, answers=answers, submit=True
    )
    ret.refresh_from_db()
    assert ret.status == "submitted" and ret.submitted_by == lead
    assert AuditLog.objects.filter(verb="section11_return.submit").exists()
    with pytest.raises(ValidationError):
        section11.save_return(actor=lead, section11_return=ret, expected_version=3, answers=answers)


@pytest.mark.django_db
def test_a_lead_cannot_start_or_edit_another_agencys_return(
    round_, lead, other_lead, other_agency, agency
):
    with pytest.raises(PermissionDenied):
        section11.start_return(actor=lead, round_=round_, agency=other_agency)
    theirs = section11.start_return(actor=other_lead, round_=round_, agency=other_agency)
    with pytest.raises(PermissionDenied):
        section11.save_return(
            actor=lead, section11_return=theirs, expected_version=1, answers=complete_answers()
        )
    assert AuditLog.objects.filter(verb__startswith="section11_return.s").count() == 0


@pytest.mark.django_db
def test_a_lead_never_sees_another_agencys_draft(
    round_, lead, other_lead, agency, other_agency, manager
):
    mine = section11.start_return(actor=lead, round_=round_, agency=agency)
    theirs = section11.start_return(actor=other_lead, round_=round_, agency=other_agency)
    assert list(selectors.returns_for(lead, round_)) == [mine]
    assert selectors.own_return(lead, round_) == mine
    assert list(selectors.returns_for(manager, round_)) == []  # drafts stay with their agency
    section11.save_return(
        actor=other_lead,
        section11_return=theirs,
        expected_version=1,
        answers=complete_answers(),
        submit=True,
    )
    assert set(selectors.returns_for(lead, round_)) == {mine, theirs}
    assert list(selectors.returns_for(manager, round_)) == [theirs]


@pytest.mark.django_db
def test_two_tabs_saving_the_same_draft_conflict(round_, lead, agency):
    ret = section11.start_return(actor=lead, round_=round_, agency=agency)
    tab1 = Section11Return.objects.get(pk=ret.pk)
    tab2 = Section11Return.objects.get(pk=ret.pk)
    section11.save_return(
        actor=lead,
        section11_return=tab1,
        expected_version=1,
        answers={"training": {"rating": "fully_met", "evidence": "A"}},
    )
    with pytest.raises(EditConflict):
        section11.save_return(
            actor=lead,
            section11_return=tab2,
            expected_version=1,
            answers={"training": {"rating": "not_met", "evidence": "B"}},
        )
    assert ret.answers.get(standard="training").evidence == "A"


@pytest.mark.django_db
def test_summary_counts_submitted_returns_only(
    round_, lead, other_lead, agency, other_agency, manager
):
    mine = section11.start_return(actor=lead, round_=round_, agency=agency)
    theirs = section11.start_return(actor=other_lead, round_=round_, agency=other_agency)
    answers = complete_answers()
    answers["information_sharing"] = {
        "rating": "not_met",
        "evidence": "No protocol",
        "development_point": "Agree a protocol with schools",
    }
    section11.save_return(
        actor=lead, section11_return=mine, expected_version=1, answers=answers, submit=True
    )
    section11.save_return(
        actor=other_lead,
        section11_return=theirs,
        expected_version=1,
        answers=complete_answers("partially_met"),
    )  # draft: not counted
    summary = selectors.round_summary(manager, round_)
    assert summary.submitted == 1
    assert len(summary.strengths) == 7
    assert [r.standard.code for r in summary.development_themes] == ["information_sharing"]
    point = summary.development_themes[0].development_points[0]
    assert point.development_point == "Agree a protocol with schools"
    assert selectors.development_point(manager, point.pk) == point


@pytest.mark.django_db
def test_a_closed_round_takes_no_new_returns(round_, manager, lead, agency):
    section11.update_round(actor=manager, round_=round_, expected_version=1, status="closed")
    with pytest.raises(ValidationError):
        section11.start_return(actor=lead, round_=round_, agency=agency)
