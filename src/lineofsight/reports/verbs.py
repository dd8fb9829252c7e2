"""Audit verbs of reports (``AuditLog.verb``): one constant per event."""

REPORT_REQUEST = "reports.report.request"
REPORT_GENERATE = "reports.report.generate"
REPORT_PUBLISH = "reports.report.publish"
NARRATIVE_CREATE = "reports.narrative.create"
NARRATIVE_UPDATE = "reports.narrative.update"
NARRATIVE_SUBMIT = "reports.narrative.submit"
NARRATIVE_APPROVE = "reports.narrative.approve"
