"""Issue 8 item 6: every page and export that shows child-level or personal records writes a
read row to the audit log.

The walk renders every GET page of the site (and its CSV export) as a user holding every role,
with one sample of each kind of child-level record in the database.  A page whose HTML or CSV
shows a sample's child-level content must have written a read row naming that record; and every
selector decorated with ``audited_read`` must be reached by some page (so a new audited selector,
or a new page showing children's records, is covered without editing this test).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch

from lineofsight.audit.models import AuditLog
from lineofsight.audit.reads import READ_SELECTORS
from lineofsight.datasets.keys import pseudonymisation_key
from lineofsight.datasets.models import Submission
from lineofsight.formats import pseudonym
from lineofsight.formats.tests.builders import child, cin_xml, episode
from lineofsight.partnership.roles import Role
from lineofsight.reviews import services as review_services
from lineofsight.testing.fixtures import client_for

# The audit log page shows every write's before/after (a child's reference among them); whether
# reading the log is itself audited is decided with that page (issue 8 item 7, another change).
NOT_WALKED = frozenset({"audit"})
CHILD_ID = "SYN3719990001"
REVIEW_CHILD = "Child QZX"


def _patterns(patterns, namespace="", outer=frozenset()):
    """(namespace, pattern, the names of every argument its URL takes): an include's prefix
    (``<int:pk>/``) gives its pages arguments their own patterns do not name."""
    for entry in patterns:
        converters = outer | set(getattr(entry.pattern, "converters", {}))
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from _patterns(entry.url_patterns, inner.strip(":"), converters)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace, entry, converters


def _urls(samples: dict[str, dict[str, int]]) -> list[str]:
    """Every named page that needs no arguments, or only arguments a sample provides."""
    urls = []
    for namespace, entry, wanted in _patterns(get_resolver().url_patterns):
        if namespace in NOT_WALKED:
            continue
        name = f"{namespace}:{entry.name}" if namespace else entry.name
        kwargs = samples.get(namespace, {})
        if not wanted <= set(kwargs):
            continue
        try:
            urls.append(reverse(name, kwargs={k: kwargs[k] for k in wanted}))
        except NoReverseMatch:
            continue
    return sorted(set(urls))


@pytest.fixture
def everyone(make_user):
    return make_user(*Role, username="everyone")


@pytest.fixture
def samples(settings, tmp_path, everyone, partnership, make_user):
    """One of each kind of child-level record, and the ids that reach it."""
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    settings.VAR_DIR = tmp_path
    from lineofsight.actions.models import LearningTheme
    from lineofsight.actions.themes import sync_themes

    sync_themes(LearningTheme)
    bad = episode(referral="2023-06-01", closure="2023-05-01")
    xml = cin_xml(child(CHILD_ID, episodes=(bad,))).encode()
    analyst = make_user(Role.PERFORMANCE_ANALYST)
    client_for(analyst).post("/data/upload/", {"returns": SimpleUploadedFile("c.xml", xml)})
    submission = Submission.objects.get()
    review = review_services.create_review(
        actor=make_user(Role.PARTNERSHIP_ADMIN),
        partnership=partnership,
        reference="Family B",
        incident_type="serious_harm",
        la_aware_on=dt.date(2021, 4, 1),
    )
    review_services.add_child(
        actor=make_user(Role.PARTNERSHIP_ADMIN),
        review=review,
        reference=REVIEW_CHILD,
        age_band="5_9",
    )
    markers = {
        pseudonym(CHILD_ID, pseudonymisation_key()): ("datasets.submission", submission.pk),
        REVIEW_CHILD: ("reviews.review_children", review.pk),
    }
    kwargs = {"datasets": {"pk": submission.pk}, "reviews": {"pk": review.pk, "number": 1}}
    kwargs["cdop"] = _child_death_sample(make_user(Role.CDOP_COORDINATOR), partnership)
    kwargs["lado"] = _lado_sample(make_user(Role.LADO), partnership)
    kwargs["workforce"] = _training_sample(make_user(Role.TRAINING_MANAGER), partnership)
    markers[TRAINING_LEARNER] = ("workforce.session", kwargs["workforce"]["pk"])
    return markers, kwargs


def _lado_sample(officer, partnership) -> dict[str, int]:
    """A LADO referral and a consultation (the LADO pages' arguments)."""
    from lineofsight.lado import services as lado
    from lineofsight.lado.models import Sector

    lado.sync_lists()
    referral = lado.create_referral(
        actor=officer,
        partnership=partnership,
        received_on=dt.date(2021, 5, 4),
        referrer="Headteacher",
        referring_agency="employer",
        adult_reference="A-7001",
        adult_role="Teaching assistant",
        employer="Demo School",
        sector=Sector.objects.get(code="education"),
        category="physical",
    )
    consultation = lado.create_consultation(
        actor=officer,
        partnership=partnership,
        consulted_on=dt.date(2021, 5, 3),
        sector=Sector.objects.get(code="education"),
        category="physical",
        advice="Gather the facts",
    )
    return {"pk": referral.pk, "consultation": consultation.pk}


TRAINING_LEARNER = "Learner QZY"


def _training_sample(manager, partnership) -> dict[str, int]:
    """A training session with a learner's booking (the session pages name learners)."""
    from lineofsight.workforce import services as workforce

    course = workforce.create_course(
        actor=manager, partnership=partnership, code="T1", title="Neglect"
    )
    session = workforce.create_session(
        actor=manager, course=course, starts_on=dt.date(2021, 6, 1), mode="virtual", capacity=5
    )
    booking = workforce.book(
        actor=manager, session=session, learner=TRAINING_LEARNER, agency=manager.agency
    )
    return {"pk": session.pk, "booking": booking.pk}


def _child_death_sample(coordinator, partnership) -> dict[str, int]:
    """A child death with an agency report and a panel meeting (the CDOP pages' arguments)."""
    from lineofsight.cdop import services as cdop

    death = cdop.create_death(
        actor=coordinator,
        partnership=partnership,
        reference="CDOP-7001",
        age_band="1_4",
        sex="male",
        died_on=dt.date(2021, 5, 3),
        notified_on=dt.date(2021, 5, 4),
        place_of_death="home",
        expectation="unexpected",
    )
    agency = coordinator.agency
    report = cdop.add_agency_report(
        actor=coordinator, death=death, agency=agency, requested_on=dt.date(2021, 5, 5)
    )
    meeting = cdop.create_meeting(
        actor=coordinator,
        partnership=partnership,
        held_on=dt.date(2021, 9, 1),
        attendance={agency: 1},
    )
    return {"pk": death.pk, "report": report.pk, "meeting": meeting.pk}


@pytest.mark.django_db
def test_every_page_showing_child_level_records_writes_a_read_row(everyone, samples):
    markers, kwargs = samples
    client = client_for(everyone)
    shown_by: dict[str, list[str]] = {}
    reached: set[str] = set()
    urls = _urls(kwargs)
    assert len(urls) > 30, urls  # the walk really covers the site
    for url in urls:
        for query in ("", "?export=csv"):
            last = AuditLog.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            response = client.get(url + query)
            if response.status_code != 200 or not hasattr(response, "content"):
                continue
            body = response.content.decode("utf-8", "replace")
            reads = AuditLog.objects.filter(pk__gt=last, action=AuditLog.Action.READ)
            reached |= {row.detail["selector"] for row in reads}
            for marker, (object_type, object_id) in markers.items():
                if marker in body:
                    shown_by.setdefault(object_type, []).append(url + query)
                    assert reads.filter(
                        actor=everyone, object_type=object_type, object_id=str(object_id)
                    ).exists(), f"{url}{query} shows {object_type} without a read row"
    assert set(shown_by) == {t for t, _ in markers.values()}, "each sample is shown somewhere"
    assert reached == set(READ_SELECTORS), "every audited selector is reached by some page"


@pytest.mark.django_db
def test_a_read_row_says_who_read_what(everyone, samples):
    markers, kwargs = samples
    pk = kwargs["datasets"]["pk"]
    client_for(everyone).get(f"/data/{pk}/")
    row = AuditLog.objects.filter(action=AuditLog.Action.READ).latest("pk")
    assert (row.actor, row.object_type, row.object_id) == (everyone, "datasets.submission", str(pk))
    assert row.detail["selector"] == "lineofsight.datasets.selectors.submission_for"
