"""Audit verbs of the LADO's records (``AuditLog.verb``): one constant per event."""

EARLIER_YEAR_SET = "lado.earlier_year.set"
CONSULTATION_CREATE = "lado.consultation.create"
CONSULTATION_CONVERT = "lado.consultation.convert"
REFERRAL_CREATE = "lado.referral.create"
REFERRAL_UPDATE = "lado.referral.update"
REFERRAL_DECIDE = "lado.referral.decide"
REFERRAL_PROGRESS = "lado.referral.progress"
REFERRAL_CONCLUDE = "lado.referral.conclude"
REFERRAL_EXPORT = "lado.referral.export"
MEETING_ADD = "lado.meeting.add"
SECTOR_SAVE = "lado.sector.save"
OUTCOME_SAVE = "lado.outcome.save"
STANDARDS_UPDATE = "lado.standards.update"
STATISTICS_EXPORT = "lado.statistics.export"
# reads are audited by ``audit.reads.audited_read`` ("lado.referral.read",
# "lado.consultation.read")
