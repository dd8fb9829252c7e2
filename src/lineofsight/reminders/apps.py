from lineofsight.lib import apps as shared


class RemindersConfig(shared.ModuleConfig):
    verbose_name = "Reminder emails: returns and actions due or late"
