from django.apps import AppConfig


class AssuranceConfig(AppConfig):
    name = "lineofsight.assurance"
    label = "assurance"
    verbose_name = "Assurance: audits, Section 11 and challenge"

    def ready(self) -> None:
        from lineofsight.assurance import action_sources, home, themes

        home.register()

        themes.register()
        action_sources.register()
