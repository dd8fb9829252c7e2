import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lineofsight.actions.models import LearningTheme
from lineofsight.actions.theme_sources import theme_sources
from lineofsight.audit.models import AuditLog
from lineofsight.cdop import policies, services, verbs
from lineofsight.cdop.report_section import annual_report_section
from lineofsight.cdop.services import Factor
from lineofsight.partnership import services as partnership_services
from lineofsight.partnership.actors import SYSTEM
from lineofsight.partnership.roles import Role

pytestmark = pytest.mark.django_db


def review(death, coordinator, outcome, *factors, **kwargs):
    return services.record_panel_review(
        actor=coordinator,
        death=death,
        expected_version=death.version,
        panel_meeting=None,
        category=None,
        outcome=outcome,
        factors=list(factors),
        **kwargs,
    )


def test_the_outcome_must_agree_with_the_grades(death, coordinator):
    with pytest.raises(ValidationError, match="grade at least one factor 2"):
        review(death, coordinator, "modifiable", Factor("family", "Parental smoking", 1))
    with pytest.raises(ValidationError, match="the outcome is modifiable"):
        review(death, coordinator, "not_modifiable", Factor("family", "Parental smoking", 2))
    death.refresh_from_db()
    assert not death.factors.exists() and death.outcome == ""
    review(death, coordinator, "insufficient", Factor("family", "Parental smoking", 2))
    assert AuditLog.objects.filter(verb=verbs.DEATH_REVIEW).get().after["factors"] == [
        ["family", "Parental smoking", 2]
    ]


def test_closing_needs_the_review_category_and_outcome(death, coordinator):
    with pytest.raises(ValidationError) as error:
        review(death, coordinator, "", closed_on=dt.date(2021, 9, 1))
    assert set(error.value.message_dict) == {"closed_on", "category", "outcome"}


def test_an_agency_report_is_asked_once_and_returned_after_it_was_asked(death, coordinator, agency):
    report = services.add_agency_report(
        actor=coordinator, death=death, agency=agency, requested_on=dt.date(2021, 5, 5)
    )
    with pytest.raises(ValidationError, match="already been asked"):
        services.add_agency_report(
            actor=coordinator, death=death, agency=agency, requested_on=dt.date(2021, 5, 6)
        )
    with pytest.raises(ValidationError):
        services.record_report_returned(
            actor=coordinator, report=report, returned_on=dt.date(2021, 5, 1)
        )
    services.record_report_returned(
        actor=coordinator, report=report, returned_on=dt.date(2021, 6, 1)
    )
    assert AuditLog.objects.filter(verb=verbs.AGENCY_REPORT_RETURN).count() == 1


def test_a_panel_member_cannot_write_and_another_partnership_is_out_of_reach(
    death, panel_member, make_user
):
    with pytest.raises(PermissionDenied):
        services.add_learning_point(actor=panel_member, death=death, text="x")
    elsewhere = partnership_services.create_partnership(actor=SYSTEM, name="Other", la_code="372")
    away = partnership_services.create_agency(
        actor=SYSTEM, partnership=elsewhere, name="Other Health", code="oh", kind="health"
    )
    stranger = make_user(Role.CDOP_COORDINATOR, agency_=away)
    assert policies.can_manage(stranger) and not policies.can_manage(stranger, death)
    assert not policies.can_view_records(stranger, death)
    with pytest.raises(PermissionDenied):
        services.add_learning_point(actor=stranger, death=death, text="x")


def test_learning_points_feed_the_themes_page_without_a_reference(death, coordinator, themes):
    services.add_learning_point(
        actor=coordinator, death=death, text="Safer sleep", themes=["safe-sleep"]
    )
    source = next(s for s in theme_sources() if s.kind == "cdop")
    [found] = list(source.find(LearningTheme.objects.filter(slug="safe-sleep")))
    assert found.year == 2021 and found.url == "" and "Child D" not in found.title


def test_the_annual_report_section_is_registered_and_suppressed_in_the_published_edition(
    partnership, make_death
):
    """One death notified in 2021-22: the published edition says "a small number" and shows c
    (and its places and percentages are worked out from nothing); the internal edition shows 1."""
    from lineofsight.disclosure import disclosure_problems
    from lineofsight.reports.assemble import build
    from lineofsight.reports.content import ChartBlock, Paragraph, TableBlock
    from lineofsight.reports.registry import section

    make_death(reference="Child D 1")
    assert section("child_deaths").build is annual_report_section
    published = build(partnership, "annual", "2021-22", "published", only=["child_deaths"])
    [content] = published.sections
    assert content.title == "Child deaths"
    words_block, every, trend, chart = content.information
    assert isinstance(words_block, Paragraph)
    assert "a small number (fewer than 6)" in words_block.text
    assert isinstance(every, TableBlock) and isinstance(trend, TableBlock)
    assert isinstance(chart, ChartBlock) and chart.svg.startswith("<svg")
    assert trend.table.columns == ["2017-18", "2018-19", "2019-20", "2020-21", "2021-22"]
    assert trend.published.shown[0] == ["0", "0", "0", "0", "c"]  # deaths notified
    for block in published.tables():
        assert disclosure_problems(block.published) == []
    internal = build(partnership, "annual", "2021-22", "internal", only=["child_deaths"])
    assert "1 child's death" in internal.sections[0].information[0].text
    tables = [b for b in internal.sections[0].information if isinstance(b, TableBlock)]
    assert tables[1].published.shown[0][-1] == "1"
    words = [b.text for b in internal.sections[0].information if isinstance(b, Paragraph)]
    assert words[1:] == [  # the analysis: no rate (no population entered), no reviews yet
        "1 (100.0%) was unexpected; 100.0% were of babies under one year old.",
        "1 death was awaiting the panel's review at the end of the year.",
    ]
    # the published edition gives none of it: every figure there is built on the one death
    assert [b for b in content.information if isinstance(b, Paragraph)] == [words_block]


def test_the_audit_log_withholds_child_death_content_from_the_administrator(
    admin_user, make_death, coordinator, agency
):
    from lineofsight.testing.fixtures import client_for

    death = make_death(reference="Child D 555", summary="Found unresponsive at home")
    services.add_learning_point(actor=coordinator, death=death, text="Safer sleep at discharge")
    exported = client_for(admin_user).get("/audit/", {"format": "csv"}).content.decode()
    assert "cdop.death.create" in exported and f"Child death record {death.pk}" in exported
    for secret in ("Child D 555", "unresponsive", "Safer sleep"):
        assert secret not in exported


def test_an_actions_link_back_to_its_learning_point_is_only_for_cdop_readers(
    death, coordinator, panel_member, board
):
    """The action tracker is read by roles outside CDOP: a board member following the link
    back to a learning point would meet a 403, so it is shown only to cdop.view holders."""
    from lineofsight.actions.sources import link_to

    point = services.add_learning_point(actor=coordinator, death=death, text="Safer sleep")
    page = link_to(point)
    assert page.startswith(f"/cdop/{death.pk}/")
    assert (link_to(point, coordinator), link_to(point, panel_member)) == (page, page)
    assert link_to(point, board) == ""
