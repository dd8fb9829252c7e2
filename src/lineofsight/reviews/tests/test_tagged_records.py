"""Shared pieces a tagged record uses: ``actions.selectors.theme_finder`` and
``audit.services.snapshot_with``."""

import pytest

from lineofsight.actions import selectors
from lineofsight.actions.models import LearningTheme
from lineofsight.audit.services import snapshot_with
from lineofsight.reviews.models import Review
from lineofsight.testing import factories

pytestmark = pytest.mark.django_db


def test_a_theme_finder_links_each_tagged_record_unless_told_not_to(partnership):
    review = factories.review(partnership, themes=["neglect", "information-sharing"])
    neglect = LearningTheme.objects.get(slug="neglect")
    finder = selectors.theme_finder(
        Review, "review", year=lambda r: r.la_aware_on.year, title=lambda r: r.name
    )
    found = list(finder(LearningTheme.objects.filter(slug="neglect")))
    assert [(o.theme_id, o.kind, o.year, o.title, o.url) for o in found] == [
        (
            neglect.pk,
            "review",
            review.la_aware_on.year,
            review.name,
            review.get_absolute_url(),
        )
    ]
    unlinked = selectors.theme_finder(
        Review, "review", year=lambda r: 2021, title=str, linked=False
    )
    assert [o.url for o in unlinked(LearningTheme.objects.all())] == ["", ""]


def test_snapshot_with_lists_a_saved_records_many_to_many_values(partnership):
    review = factories.review(partnership, themes=["neglect", "information-sharing"])
    data = snapshot_with(review, {"themes": "slug"})
    assert data is not None
    assert data["themes"] == ["information-sharing", "neglect"]
    assert data["reference"] == review.reference
    assert "themes" not in (
        snapshot_with(Review(partnership=partnership), {"themes": "slug"}) or {}
    )
    assert snapshot_with(None, {"themes": "slug"}) is None
