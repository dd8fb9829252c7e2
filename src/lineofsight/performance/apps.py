from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "lineofsight.performance"
    label = "performance"
    verbose_name = "Indicators, benchmarks and the performance dashboard"

    def ready(self) -> None:
        from lineofsight.performance import action_sources, home

        home.register()
        action_sources.register()
