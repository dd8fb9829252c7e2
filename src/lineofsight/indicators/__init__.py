"""Indicators: DfE-defined measures computed with DuckDB over Parquet snapshots.

PURE: no Django.  Public API: ``compute``, ``compute_many`` and ``IndicatorResult`` (engine),
``CATALOGUE`` and ``IndicatorSpec`` (catalogue), ``Period`` and its builders (periods), ``wilson``,
``byars`` and ``working_days`` (methods), ``xmr`` and the icons (spc), sentences (findings).
"""
