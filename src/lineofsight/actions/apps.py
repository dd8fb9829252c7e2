from lineofsight.lib import apps as shared


class ActionsConfig(shared.ModuleConfig):
    verbose_name = "Learning and improvement: actions and learning themes"
    registers = ("home",)

    def ready(self) -> None:
        super().ready()
        from lineofsight.actions import sources, theme_sources

        theme_sources.register_builtin()
        sources.register_builtin()
