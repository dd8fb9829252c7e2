from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "lineofsight.reviews"
    label = "reviews"
    verbose_name = "Learning and improvement: case reviews"

    def ready(self) -> None:
        from lineofsight.actions.theme_sources import register_theme_source
        from lineofsight.reviews.selectors import theme_occurrences

        register_theme_source("review", "case review", "case reviews", theme_occurrences, order=10)

        from lineofsight.reviews import action_sources

        action_sources.register()
