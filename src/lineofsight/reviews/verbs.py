"""Audit verbs of reviews (``AuditLog.verb``): one constant per event, "<thing>.<event>"."""

CHILD_ADD = "review.child.add"
NOTE_ADD = "review.note.add"
RAPID_REVIEW = "review.rapid_review"
RECOMMENDATION_ADD = "review.recommendation.add"
REVIEW_CREATE = "review.create"
