from lineofsight.lib import apps as shared


class PerformanceConfig(shared.ModuleConfig):
    name = "lineofsight.performance"
    label = "performance"
    verbose_name = "Indicators, benchmarks and the performance dashboard"
    registers = ("home", "action_sources")
