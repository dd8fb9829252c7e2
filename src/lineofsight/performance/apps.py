from lineofsight.lib import apps as shared


class PerformanceConfig(shared.ModuleConfig):
    verbose_name = "Indicators, benchmarks and the performance dashboard"
    registers = ("home", "action_sources")
