from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "lineofsight.voice"
    label = "voice"
    verbose_name = "Voice and scrutiny"

    def ready(self) -> None:
        from lineofsight.actions.theme_sources import register_theme_source
        from lineofsight.datasets.record_imports import register_record_import
        from lineofsight.voice import action_sources, home, imports, report_sections
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
        action_sources.register()
        home.register()
        report_sections.register()
        register_record_import("practitioner_survey", imports.store)
