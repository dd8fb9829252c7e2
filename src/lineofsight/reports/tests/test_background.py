"""Reports generated in the background: the page queues the task, the real database worker runs
it, the page shows progress, failures and whether a finished report is still current; and the
reminder to send the yearly report to the Panel and Foundations within 7 days."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lineofsight.audit.models import AuditLog
from lineofsight.background.models import WorkerHeartbeat
from lineofsight.background.worker import RecoveringWorker
from lineofsight.partnership.roles import Role
from lineofsight.performance.models import ComputeRun
from lineofsight.reminders.models import Reminder
from lineofsight.reminders.services import send_reminders
from lineofsight.reports import services, verbs
from lineofsight.reports.models import Narrative, Report
from lineofsight.reports.tasks import generate_report
from lineofsight.testing.fixtures import client_for

GENERATE = {"kind": "annual", "period": "2020-21", "edition": "published", "format": "html"}


def _worker() -> RecoveringWorker:
    return RecoveringWorker(
        queue_names=["*"],
        excluded_queue_names=[],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="reports-test-worker",
    )


@pytest.fixture
def analyst(make_user):
    return make_user(Role.PERFORMANCE_ANALYST, username="analyst")


@pytest.mark.django_db(transaction=True)
def test_the_page_queues_a_report_that_the_database_worker_generates(
    partnership, analyst, settings, tmp_path
):
    settings.VAR_DIR = tmp_path
    client = client_for(analyst)
    response = client.post(reverse("reports:generate"), GENERATE)
    report = Report.objects.get()
    assert response.status_code == 302 and report.status == Report.Status.QUEUED
    [task] = DBTaskResult.objects.filter(task_path=generate_report.module_path)
    assert task.status == TaskResultStatus.READY and task.args_kwargs["args"] == [report.pk]
    listing = client.get(reverse("reports:list")).content.decode()
    assert "Queued" in listing and reverse("reports:download", args=[report.pk]) not in listing
    WorkerHeartbeat.objects.create(worker_id="w", host="h", pid=1, last_seen=timezone.now())
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "This report is queued" in page and "No background worker is running" not in page
    WorkerHeartbeat.objects.all().delete()

    _worker().run()

    task.refresh_from_db()
    report.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.return_value == {"report": report.pk, "status": "complete"}
    assert report.status == Report.Status.COMPLETE and report.progress == 100
    assert report.started_at is not None and report.finished_at >= report.started_at
    assert services.report_file(report).read_bytes().startswith(b"<!DOCTYPE html>")
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "Download" in page and "out of date" not in page
    # Run twice (a worker that died is replaced): the finished report is left as it is.
    sha = report.sha256
    generate_report.call(report.pk)
    report.refresh_from_db()
    assert report.sha256 == sha
    assert AuditLog.objects.filter(verb=verbs.REPORT_GENERATE).count() == 1


@pytest.mark.django_db
def test_progress_is_recorded_section_by_section(partnership, analyst, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    report = services.request_report(actor=analyst, partnership=partnership, **_args())
    seen: list[int] = []
    original = services._progress

    def spy(report_id: int, done: int, total: int) -> None:
        original(report_id, done, total)
        seen.append(Report.objects.get(pk=report_id).progress)

    services._progress = spy
    try:
        services.run_report(report.pk)
    finally:
        services._progress = original
    assert seen == sorted(seen) and len(seen) > 10  # one step per section
    assert seen[0] > services.BUILD_FROM and seen[-1] == services.BUILD_TO


def _args() -> dict[str, str]:
    return {
        "kind": GENERATE["kind"],
        "period_label": GENERATE["period"],
        "edition": GENERATE["edition"],
        "fmt": GENERATE["format"],
    }


@pytest.mark.django_db
def test_a_failure_is_shown_with_its_reason_and_can_be_generated_again(
    partnership, analyst, settings, tmp_path, monkeypatch, make_user
):
    settings.VAR_DIR = tmp_path

    def broken(document, fmt):
        raise OSError("No space left on device")

    monkeypatch.setattr(services, "render", broken)
    report = services.request_report(
        actor=analyst, partnership=partnership, background=False, **_args()
    )
    assert report.status == Report.Status.FAILED and report.file_name == ""
    assert report.message == "OSError: No space left on device"
    client = client_for(analyst)
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "The report could not be generated" in page
    assert "OSError: No space left on device" in page
    assert f'action="{reverse("reports:generate")}"' in page  # the same report, again
    assert f"report number {report.pk}" in page
    listing = client.get(reverse("reports:list")).content.decode()
    assert "Failed" in listing
    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404
    board = client_for(make_user(Role.BOARD_MEMBER, username="board"))
    seen = board.get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert "The report could not be generated" in seen
    assert f'action="{reverse("reports:generate")}"' not in seen
    # The task runs it again once the cause is fixed.
    monkeypatch.undo()
    settings.VAR_DIR = tmp_path
    assert services.run_report(report.pk).status == Report.Status.COMPLETE


@pytest.mark.django_db
def test_a_finished_report_says_when_newer_figures_or_narratives_exist(
    partnership, analyst, settings, tmp_path, make_user
):
    settings.VAR_DIR = tmp_path
    report = services.request_report(
        actor=analyst, partnership=partnership, background=False, **_args()
    )
    client = client_for(analyst)
    url = reverse("reports:detail", args=[report.pk])
    assert "out of date" not in client.get(url).content.decode()
    # A draft narrative is not in the published edition: still current.
    narrative = Narrative.objects.create(
        partnership=partnership, section="early_help", period_label="2020-21", done="Trained"
    )
    assert "out of date" not in client.get(url).content.decode()
    Narrative.objects.filter(pk=narrative.pk).update(status=Narrative.Status.APPROVED)
    page = client.get(url).content.decode()
    assert "This report is out of date" in page and "the narrative for Early help" in page
    ComputeRun.objects.create(partnership=partnership, status=ComputeRun.Status.COMPLETE)
    page = client.get(url).content.decode()
    assert "the indicators have been recomputed since it was generated, and" in page
    assert "Generate it again with the current figures" in page


def _published(partnership, analyst, published_on, panel=None, foundations=None) -> Report:
    report = services.request_report(
        actor=analyst, partnership=partnership, background=False, **_args()
    )
    return services.record_publication(
        actor=analyst,
        report=report,
        published_on=published_on,
        sent_to_panel_on=panel,
        sent_to_foundations_on=foundations,
    )


@pytest.mark.django_db
def test_the_yearly_report_reminder_until_it_is_sent_to_both(
    partnership, analyst, settings, tmp_path, make_user
):
    """Published Friday 10 September 2021: due by Friday 17 September (7 days), late after."""
    settings.VAR_DIR = tmp_path
    analyst.email = "analyst@example.org"
    analyst.save()
    lead = make_user(Role.AGENCY_LEAD, username="lead")
    lead.email = "lead@example.org"
    lead.save()  # an agency lead may not record publication: not reminded
    report = _published(partnership, analyst, dt.date(2021, 9, 10))
    assert send_reminders(dt.date(2021, 9, 9)) == 0  # not yet published
    assert send_reminders(dt.date(2021, 9, 10)) == 1
    [email] = mail.outbox
    assert email.to == ["analyst@example.org"]
    assert (
        "Due 17 September 2021: send the annual report 2020-21 (published 10 September 2021) "
        "to the Child Safeguarding Practice Review Panel and Foundations" in email.body
    )
    assert send_reminders(dt.date(2021, 9, 10)) == 0  # once a day
    services.record_publication(
        actor=analyst,
        report=report,
        published_on=report.published_on,
        sent_to_panel_on=dt.date(2021, 9, 14),
        sent_to_foundations_on=None,
    )
    assert send_reminders(dt.date(2021, 9, 18)) == 1
    assert "Late: was due 17 September 2021" in mail.outbox[-1].body
    assert "to Foundations, then record" in mail.outbox[-1].body
    assert Reminder.objects.filter(kind="report_unsent", user=analyst).count() == 2
    analyst.email_reminders = False
    analyst.save()
    assert send_reminders(dt.date(2021, 9, 19)) == 0  # opted out
    analyst.email_reminders = True
    analyst.save()
    services.record_publication(
        actor=analyst,
        report=report,
        published_on=report.published_on,
        sent_to_panel_on=dt.date(2021, 9, 14),
        sent_to_foundations_on=dt.date(2021, 9, 20),
    )
    assert send_reminders(dt.date(2021, 9, 21)) == 0  # sent to both: done
    assert report.sent_within_seven_days is False  # Foundations on day 10
