"""Audit verbs of child death reviews (``AuditLog.verb``): one constant per event."""

AGENCY_REPORT_ADD = "cdop.agency_report.add"
AGENCY_REPORT_RETURN = "cdop.agency_report.return"
ALERTS_UPDATE = "cdop.alerts.update"
COMPARATOR_SET = "cdop.comparator.set"
DEATH_CREATE = "cdop.death.create"
DEATH_REVIEW = "cdop.death.review"
DEATH_UPDATE = "cdop.death.update"
LEARNING_ADD = "cdop.learning.add"
MEETING_CREATE = "cdop.meeting.create"
# reads are audited by ``audit.reads.audited_read`` ("cdop.death.read", "cdop.meeting.read")
