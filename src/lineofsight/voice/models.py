"""The voice of children, families and practitioners, and independent scrutiny (issue 17).

- ``ScrutinyActivity``: what the independent scrutineer examined, the evidence seen and what they
  found; its ``Recommendation``s become actions in the tracker (source ``scrutiny``).
- ``Feedback``: what children, young people or families said (young advisors, surveys,
  conference feedback, complaints and compliments), anonymised, and what changed as a result
  ("You said, we did"), with learning themes and actions (source ``voice``).
- ``Survey`` with ``SurveyQuestion``s (statements answered on an agreement scale) and its
  anonymous ``SurveyResponse``s by agency, imported from CSV (``formats.practitioner_survey``).
- ``ForumNote``: a practitioner forum: topic, who came, what was discussed and what came of it.

Nothing here names a child, a family member or a practitioner: free text is checked by
``reviews.pseudonyms.check_free_text`` (identifiers and dates of birth) here and by the forms'
``FreeTextGuard``.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone

from lineofsight.actions.models import LearningTheme
from lineofsight.formats.practitioner_survey import SCALE
from lineofsight.lib.models import (
    HasPage,
    OnParentPage,
    agency_key,
    numbered_within,
    partnership_key,
    person_key,
    unique,
)
from lineofsight.lib.versioning import Versioned
from lineofsight.partnership.models import Agency
from lineofsight.reviews.pseudonyms import check_free_text


class ScrutinyActivity(HasPage, Versioned):
    class Kind(models.TextChoices):
        ARRANGEMENTS = "arrangements", "Review of the partnership's arrangements"
        MEETING = "meeting", "Observation of a board or group meeting"
        ASSURANCE = "assurance", "Scrutiny of assurance reports or audits"
        PRACTICE = "practice", "Visit to front-line practice"
        CHILDREN = "children", "Conversation with children and young people"
        PRACTITIONERS = "practitioners", "Conversation with practitioners"
        ANNUAL_REPORT = "annual_report", "Scrutiny of the yearly report"
        OTHER = "other", "Other"

    url_name = "voice:activity"

    partnership = partnership_key("scrutiny_activities", on_delete=models.PROTECT)
    title = models.CharField(max_length=200, validators=[check_free_text])
    kind = models.CharField(max_length=20, choices=Kind.choices)
    held_on = models.DateField("date")
    examined = models.TextField("what was examined", validators=[check_free_text])
    evidence = models.TextField("evidence seen", blank=True, validators=[check_free_text])
    findings = models.TextField("findings", validators=[check_free_text])
    author = person_key()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name_plural = "scrutiny activities"

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%-d %B %Y})"


class Recommendation(OnParentPage):
    """A recommendation of a scrutiny activity: becomes actions (source ``scrutiny``)."""

    parent_page = ("voice:activity", "activity")
    anchor = "recommendation"

    activity = models.ForeignKey(
        ScrutinyActivity, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveIntegerField()
    text = models.TextField("recommendation", validators=[check_free_text])
    agency = agency_key(optional=True)
    themes = models.ManyToManyField(
        LearningTheme, blank=True, related_name="scrutiny_recommendations"
    )

    Meta = numbered_within("activity", name="voice_recommendation_number_once")

    def __str__(self) -> str:
        return f"Scrutiny recommendation {self.activity_id}.{self.number}"


class Feedback(HasPage, Versioned):
    class Source(models.TextChoices):
        YOUNG_ADVISORS = "young_advisors", "Young advisors"
        SURVEY = "survey", "Survey of children or families"
        CONFERENCE = "conference", "Child protection conference feedback"
        PARTICIPATION_GROUP = "participation_group", "Participation group"
        ADVOCACY = "advocacy", "Advocacy service"
        COMPLAINT = "complaint", "Complaint"
        COMPLIMENT = "compliment", "Compliment"
        OTHER = "other", "Other"

    class From(models.TextChoices):
        CHILDREN = "children", "Children and young people"
        PARENTS = "parents", "Parents and carers"
        FAMILIES = "families", "Children and their families"

    url_name = "voice:feedback_detail"

    partnership = partnership_key("feedback", on_delete=models.PROTECT)
    source = models.CharField(max_length=20, choices=Source.choices)
    given_by = models.CharField("from", max_length=10, choices=From.choices)
    received_on = models.DateField("date received")
    said = models.TextField("what was said", validators=[check_free_text])
    agency = agency_key(optional=True, verbose_name="service it is about")
    changed = models.TextField("what changed as a result", blank=True, validators=[check_free_text])
    changed_on = models.DateField("date of the change", null=True, blank=True)
    publish = models.BooleanField(
        "agreed for the published yearly report",
        default=False,
        help_text="Only feedback agreed for publication appears in the published edition",
    )
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="voice_feedback")
    author = person_key()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return f"Feedback {self.pk}: {self.get_source_display()} ({self.received_on:%-d %B %Y})"


class Survey(HasPage):
    """A practitioner survey: statements answered on an agreement scale (``SCALE``)."""

    url_name = "voice:survey"

    partnership = partnership_key("surveys", on_delete=models.PROTECT)
    reference = models.SlugField(
        max_length=40, help_text="Short code the responses file gives in survey_ref"
    )
    title = models.CharField(max_length=200, validators=[check_free_text])
    opened_on = models.DateField("opened")
    closed_on = models.DateField("closed", null=True, blank=True)
    author = person_key()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        constraints = [unique("partnership", "reference", name="voice_survey_reference_once")]

    def __str__(self) -> str:
        return self.title


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300, validators=[check_free_text])

    Meta = numbered_within("survey", name="voice_question_once")

    def __str__(self) -> str:
        return f"Q{self.number}. {self.text}"


class SurveyResponse(models.Model):
    """One practitioner's anonymous answers (``response_ref`` is the survey tool's number)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    response_ref = models.CharField(max_length=40)
    agency = agency_key()

    class Meta:
        ordering = ["survey", "pk"]
        constraints = [unique("survey", "response_ref", name="voice_response_once")]

    def __str__(self) -> str:
        return f"Response {self.response_ref} to {self.survey}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    answer = models.CharField(max_length=20, choices=list(SCALE.items()))

    class Meta:
        constraints = [unique("response", "question", name="voice_answer_once")]

    def __str__(self) -> str:
        return f"{self.question}: {self.answer}"


class ForumNote(models.Model):
    """A practitioner forum: what practitioners raised and what came of it."""

    partnership = partnership_key("forum_notes", on_delete=models.PROTECT)
    held_on = models.DateField("date")
    topic = models.CharField(max_length=200, validators=[check_free_text])
    attended = models.PositiveIntegerField("practitioners attending", default=0)
    agencies = models.ManyToManyField(Agency, blank=True, related_name="+")
    discussion = models.TextField("what practitioners raised", validators=[check_free_text])
    outcomes = models.TextField("what came of it", blank=True, validators=[check_free_text])
    themes = models.ManyToManyField(LearningTheme, blank=True, related_name="forum_notes")
    author = person_key()

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Practitioner forum {self.held_on:%-d %B %Y}: {self.topic}"

    def get_absolute_url(self) -> str:
        return reverse("voice:forum") + f"#forum-{self.pk}"
