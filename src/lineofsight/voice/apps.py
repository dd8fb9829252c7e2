from lineofsight.lib import apps as shared


class VoiceConfig(shared.ModuleConfig):
    verbose_name = "Voice and scrutiny"
    registers = ("action_sources", "home", "report_sections")
    theme_sources = {
        "voice": shared.Recurrence(
            "piece of feedback from children or families",
            "pieces of feedback from children and families",
            "selectors.feedback_occurrences",
            order=45,
            view_permission="voice.view",
        ),
        "scrutiny": shared.Recurrence(
            "scrutiny recommendation",
            "scrutiny recommendations",
            "selectors.recommendation_occurrences",
            order=46,
            view_permission="scrutiny.view",
        ),
    }
    record_imports = {"practitioner_survey": "imports.store"}
