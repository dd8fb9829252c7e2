import datetime as dt

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from lineofsight.audit.models import AuditLog
from lineofsight.lib.routes import pages
from lineofsight.partnership.roles import Role
from lineofsight.reports import services, verbs
from lineofsight.reports.models import Narrative, Report
from lineofsight.reports.tasks import generate_report
from lineofsight.testing.access import assert_outsider_refused
from lineofsight.testing.fixtures import client_for


@pytest.fixture
def analyst(make_user):
    return make_user(Role.PERFORMANCE_ANALYST, username="analyst")


@pytest.fixture
def manager(make_user):
    return make_user(Role.PARTNERSHIP_ADMIN, username="manager")


@pytest.fixture
def report(partnership, analyst, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return services.request_report(
        actor=analyst,
        partnership=partnership,
        kind="annual",
        period_label="2020-21",
        edition="published",
        fmt="html",
        background=False,
    )


def urls(report):
    period = "2020-21"
    return [
        (reverse("reports:list"), "get"),
        (reverse("reports:generate"), "post"),
        (reverse("reports:detail", args=[report.pk]), "get"),
        (reverse("reports:download", args=[report.pk]), "get"),
        (reverse("reports:publication", args=[report.pk]), "post"),
        (reverse("reports:narratives"), "get"),
        (reverse("reports:narrative", args=["early_help", period]), "get"),
        (reverse("reports:narrative_submit", args=["early_help", period]), "post"),
        (reverse("reports:narrative_approve", args=["early_help", period]), "post"),
    ]


@pytest.mark.django_db
def test_every_reports_page_refuses_outsiders(report, outsider):
    from lineofsight.reports import urls as report_urls

    listed = urls(report)
    assert len(listed) == len(list(pages(report_urls.urlpatterns)))
    for url, method in listed:
        assert_outsider_refused(outsider, url, method)


@pytest.mark.django_db
def test_board_member_sees_and_downloads_but_cannot_generate(report, make_user):
    board = client_for(make_user(Role.BOARD_MEMBER, username="board"))
    page = board.get(reverse("reports:list")).content.decode()
    assert "Annual report 2020-21" in page and "analyst" in page
    assert "Generate a report" not in page
    download = board.get(reverse("reports:download", args=[report.pk]))
    assert download.status_code == 200
    assert b"Published edition" in b"".join(download.streaming_content)
    generated = board.post(
        reverse("reports:generate"),
        {"kind": "annual", "period": "2020-21", "edition": "internal", "format": "html"},
    )
    assert generated.status_code == 403


@pytest.mark.django_db
def test_analyst_generates_from_the_page_and_bad_periods_are_explained(
    analyst, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.VAR_DIR = tmp_path
    client = client_for(analyst)
    bad = client.post(
        reverse("reports:generate"),
        {"kind": "annual", "period": "2020", "edition": "internal", "format": "html"},
    )
    assert bad.status_code == 400
    assert "is not a financial year: write it like 2020-21" in bad.content.decode()
    assert not Report.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        good = client.post(
            reverse("reports:generate"),
            {"kind": "quarterly", "period": "2021Q1", "edition": "internal", "format": "docx"},
        )
    report = Report.objects.get()
    assert good.status_code == 302 and good["Location"].endswith(f"/reports/{report.pk}/")
    assert report.status == "queued" and report.generated_by == analyst
    assert report.period_label == "2021-22 Q1"
    [task] = DBTaskResult.objects.filter(task_path=generate_report.module_path)
    assert task.args_kwargs["args"] == [report.pk]
    assert AuditLog.objects.filter(verb=verbs.REPORT_REQUEST).exists()
    detail = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "This report is queued" in detail and "No background worker is running" in detail
    assert "Check progress again" in detail and "SHA-256" not in detail
    services.run_report(report.pk)  # what the task runs (the worker path: test_background)
    assert AuditLog.objects.filter(verb=verbs.REPORT_GENERATE).exists()
    detail = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Download" in detail and "SHA-256" in detail and "queued" not in detail


@pytest.mark.django_db
def test_publication_is_recorded_with_the_seven_day_sending(report, analyst):
    client = client_for(analyst)
    url = reverse("reports:publication", args=[report.pk])
    early = client.post(
        url,
        {
            "published_on_day": "10",
            "published_on_month": "9",
            "published_on_year": "2021",
            "sent_to_panel_on_day": "1",
            "sent_to_panel_on_month": "9",
            "sent_to_panel_on_year": "2021",
        },
    )
    assert early.status_code == 400
    assert "cannot be sent before it is published" in early.content.decode()
    response = client.post(
        url,
        {
            "published_on_day": "10",
            "published_on_month": "9",
            "published_on_year": "2021",
            "sent_to_panel_on_day": "14",
            "sent_to_panel_on_month": "9",
            "sent_to_panel_on_year": "2021",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.published_on == dt.date(2021, 9, 10)
    assert report.sent_within_seven_days is False  # Foundations not yet
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Not yet recorded as sent" in page
    report.sent_to_foundations_on = dt.date(2021, 9, 17)
    assert report.sent_within_seven_days is True
    assert AuditLog.objects.filter(verb=verbs.REPORT_PUBLISH).exists()


@pytest.mark.django_db
def test_narrative_written_submitted_and_approved_by_the_business_manager(
    partnership, make_user, manager
):
    lead = client_for(make_user(Role.AGENCY_LEAD, username="lead"))
    url = reverse("reports:narrative", args=["early_help", "2020-21"])
    assert lead.get(url).status_code == 200
    refused = lead.post(url, {"done": "Born on 1 2 2015", "next": "", "impact": ""})
    assert refused.status_code == 400 and "date of birth" in refused.content.decode()
    assert (
        lead.post(
            url, {"done": "Trained 200 staff", "next": "More", "impact": "Fewer re-referrals"}
        ).status_code
        == 302
    )
    narrative = Narrative.objects.get()
    assert narrative.status == "draft"
    submit = reverse("reports:narrative_submit", args=["early_help", "2020-21"])
    assert lead.post(submit, {"version": narrative.version}).status_code == 302
    approve = reverse("reports:narrative_approve", args=["early_help", "2020-21"])
    narrative.refresh_from_db()
    assert lead.post(approve, {"version": narrative.version}).status_code == 403
    assert client_for(manager).post(approve, {"version": narrative.version}).status_code == 302
    narrative.refresh_from_db()
    assert narrative.status == "approved" and narrative.approved_by == manager
    assert (
        lead.post(
            url,
            {"done": "Trained 250 staff", "next": "", "impact": "", "version": narrative.version},
        ).status_code
        == 302
    )
    narrative.refresh_from_db()
    assert narrative.status == "draft" and narrative.approved_by is None
    recorded = set(AuditLog.objects.values_list("verb", flat=True))
    assert {
        verbs.NARRATIVE_CREATE,
        verbs.NARRATIVE_SUBMIT,
        verbs.NARRATIVE_APPROVE,
        verbs.NARRATIVE_UPDATE,
    } <= recorded
    assert lead.get(reverse("reports:narrative", args=["nonsense", "2020-21"])).status_code == 404


@pytest.mark.django_db
def test_narratives_page_without_figures_asks_for_a_period(make_user):
    client = client_for(make_user(Role.AGENCY_LEAD, username="lead"))
    page = client.get(reverse("reports:narratives")).content.decode()
    assert "enter the period to write for" in page
    chosen = client.get(reverse("reports:narratives"), {"period": "2020-21"}).content.decode()
    assert reverse("reports:narrative", args=["early_help", "2020-21"]) in chosen


@pytest.mark.parametrize(
    ("start_month", "example"),
    [
        (4, "2020-21) or a quarter of the partnership's year for the quarterly report "
         "(for example 2021Q1, April to June 2021)"),
        (7, "2020-21) or a quarter of the partnership's year for the quarterly report "
         "(for example 2021Q1, July to September 2021)"),
        (1, "2020) or a quarter of the partnership's year for the quarterly report "
         "(for example 2021Q1, January to March 2021)"),
        (12, "2020-21) or a quarter of the partnership's year for the quarterly report "
         "(for example 2021Q1, December 2021 to February 2022)"),
    ],
)  # fmt: skip
def test_the_period_hint_gives_the_partnerships_own_quarters(
    analyst, partnership, start_month, example
):
    partnership.financial_year_start_month = start_month
    partnership.save()
    page = client_for(analyst).get(reverse("reports:list")).content.decode()
    assert f"A year for the annual report (for example {example}" in page.replace("&#39;", "'")
