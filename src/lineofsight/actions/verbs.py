"""Audit verbs of actions (``AuditLog.verb``): one constant per event, "<thing>.<event>"."""

ACTION_CLOSE = "action.close"
ACTION_CREATE = "action.create"
ACTION_EDIT = "action.edit"
ACTION_UPDATE = "action.update"
