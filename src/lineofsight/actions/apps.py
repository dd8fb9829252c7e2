from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "lineofsight.actions"
    label = "actions"
    verbose_name = "Learning and improvement: actions and learning themes"

    def ready(self) -> None:
        from lineofsight.actions import home, sources, theme_sources

        home.register()

        theme_sources.register_builtin()
        sources.register_builtin()
