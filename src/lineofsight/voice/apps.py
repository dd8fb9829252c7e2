from lineofsight.lib import apps as shared


class VoiceConfig(shared.ModuleConfig):
    name = "lineofsight.voice"
    label = "voice"
    verbose_name = "Voice and scrutiny"
    registers = ("action_sources", "home", "report_sections")

    def ready(self) -> None:
        super().ready()
        from lineofsight.actions.theme_sources import register_theme_source
        from lineofsight.datasets.record_imports import register_record_import
        from lineofsight.voice import imports
        from lineofsight.voice.selectors import feedback_occurrences, recommendation_occurrences

        register_theme_source(
            "voice",
            "piece of feedback from children or families",
            "pieces of feedback from children and families",
            feedback_occurrences,
            order=45,
            view_permission="voice.view",
        )
        register_theme_source(
            "scrutiny",
            "scrutiny recommendation",
            "scrutiny recommendations",
            recommendation_occurrences,
            order=46,
            view_permission="scrutiny.view",
        )
        register_record_import("practitioner_survey", imports.store)
