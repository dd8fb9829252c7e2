from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "lineofsight.reminders"
    label = "reminders"
    verbose_name = "Reminder emails: returns and actions due or late"
