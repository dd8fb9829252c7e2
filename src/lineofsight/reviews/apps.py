from lineofsight.lib import apps as shared


class ReviewsConfig(shared.ModuleConfig):
    verbose_name = "Learning and improvement: case reviews"
    registers = ("action_sources",)
    theme_sources = {
        "review": shared.Recurrence(
            "case review", "case reviews", "selectors.theme_occurrences", order=10
        )
    }
