import ast
from pathlib import Path

import lineofsight
from lineofsight.formats.tables import TABLES
from lineofsight.indicators.catalogue import CATALOGUE, get

EXPECTED_IDS = {
    "contacts",
    "referrals",
    "contact_to_referral_pct",
    "rereferral_pct",
    "referral_nfa_pct",
    "assessments_45_days_pct",
    "s47_enquiries",
    "icpc_15_days_pct",
    "cp_plan_starts",
    "cp_repeat_plan_pct",
    "cp_category_neglect_pct",
    "cp_category_emotional_pct",
    "cp_category_physical_pct",
    "cp_category_sexual_pct",
    "cp_category_multiple_pct",
    "cin_rate_per_10k",
    "cla_rate_per_10k",
    "cla_starts",
    "cla_ceased",
    "care_leavers_19_21_eet_pct",
    "early_help_rate_per_10k",
    # the measures the annual reports use (catalogue/report_measures.py)
    "referral_rate_per_10k",
    "assessment_nfa_pct",
    "factor_neglect_pct",
    "factor_emotional_abuse_pct",
    "factor_domestic_abuse_child_pct",
    "factor_domestic_abuse_parent_pct",
    "factor_domestic_abuse_person_pct",
    "cp_plans_2_years_or_more_pct",
    "cla_3_plus_placements_pct",
    "cla_health_assessment_pct",
    "cla_missing_episodes",
    "care_leavers_19_21_in_touch_pct",
    "care_leavers_19_21_suitable_accommodation_pct",
    "cp_reviews_on_time_pct",
    "cla_reviews_on_time_pct",
    "cla_same_placement_2_years_pct",
    "cp_children_on_plan",
    "exploitation_tracked",
    "pm_police_da_incidents_children_present",
    "pm_police_missing_child_episodes",
    "pm_ae_self_harm_attendances_u18",
    "pm_health_visitor_safeguarding_referrals",
    "pm_idva_referrals",
    "pm_idva_repeat_victims",
    "pm_early_help_cases_open",
    # rows of the partner-return template with no code of their own (template_specs)
    "pm_contacts_received",
    "pm_contacts_to_early_help",
    # the voice of children and families (catalogue/participation.py)
    "pm_cp_conference_children_invited",
    "pm_cp_conference_children_attended",
    "cp_conference_children_attended_pct",
    "pm_cp_advocacy_referrals",
    "pm_cp_conference_mothers_attended",
    "pm_cp_conference_fathers_attended",
    "pm_compliments_received",
    "pm_complaints_received",
}
PURE_PACKAGES = ("indicators", "formats", "synth", "published", "charts", "disclosure")


def test_the_catalogue_holds_exactly_the_agreed_indicators():
    assert set(CATALOGUE) == EXPECTED_IDS


def test_every_spec_is_complete_and_reads_known_tables():
    for spec in CATALOGUE.values():
        assert spec.title and spec.meaning_for_children and spec.dfe_definition, spec.id
        assert set(spec.tables) <= set(TABLES), spec.id
        assert spec.period_types, spec.id
        if spec.unit == "percent":
            assert spec.denominator_sql is not None, spec.id
        for table in spec.tables:
            assert table in spec.numerator_sql + (spec.denominator_sql or ""), spec.id


def test_get_names_an_unknown_indicator():
    try:
        get("nonsense")
    except KeyError as error:
        assert "nonsense" in str(error)
    else:
        raise AssertionError("expected KeyError")


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_pure_packages_never_import_django():
    root = Path(lineofsight.__file__).parent
    checked = 0
    for package in PURE_PACKAGES:
        for path in (root / package).rglob("*.py"):
            checked += 1
            offending = {m for m in _imported_modules(path) if m.split(".")[0] == "django"}
            assert not offending, f"{path} imports {offending}"
    assert checked > 10


def test_early_help_cases_open_is_the_services_count_and_annex_a_gives_assessments():
    annex_a, partner = get("early_help_rate_per_10k"), get("pm_early_help_cases_open")
    # Annex A list 2 dates the assessment (start to completion), not the case
    assert "assessment" in annex_a.title and "cases open" not in annex_a.title.lower()
    assert "not the case" in annex_a.dfe_definition
    assert partner.title == "Early help cases open" and partner.source == "partner_return"


def test_every_annex_a_list_names_the_table_and_indicators_it_feeds():
    from lineofsight.formats.annex_a import MAPPED
    from lineofsight.indicators.catalogue.annex_a_lists import ANNEX_A_LISTS

    assert [entry.number for entry in ANNEX_A_LISTS] == list(range(1, 12))
    for entry in ANNEX_A_LISTS:
        # imported exactly when the parser maps the list, into the table named here
        assert entry.imported == (entry.number in MAPPED), entry.number
        if entry.imported:
            assert MAPPED[entry.number][0] == entry.table
        for indicator_id in entry.indicators:
            assert entry.table in get(indicator_id).tables, (entry.number, indicator_id)
