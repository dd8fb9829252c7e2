from lineofsight.lib import apps as shared


class ReviewsConfig(shared.ModuleConfig):
    name = "lineofsight.reviews"
    label = "reviews"
    verbose_name = "Learning and improvement: case reviews"
    registers = ("action_sources",)

    def ready(self) -> None:
        super().ready()
        from lineofsight.actions.theme_sources import register_theme_source
        from lineofsight.reviews.selectors import theme_occurrences

        register_theme_source("review", "case review", "case reviews", theme_occurrences, order=10)
