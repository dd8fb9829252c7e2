"""CIN rules the parser checks while it reads each field (``formats/cin_child.py``).

Each is registered with the parser's own rule names and fields that stand for it, so that the
problem carries the DfE code and the rule's severity (see ``registry.apply_codes``).
"""

from __future__ import annotations

from lineofsight.formats.rules.registry import inline, years

PARSER = "cin_child (parser)"
MISSING, UNKNOWN, AFTER = "cin.missing_element", "cin.code_unknown", "cin.date_after_reference_date"
INVALID = "cin.date_invalid"


def _field(field: str, *names: str) -> list[tuple[str, str]]:
    return [(name, field) for name in names]


inline(
    "cin",
    "4180",
    "Gender is missing",
    PARSER,
    _field("Sex", MISSING, UNKNOWN) + _field("GenderCurrent", MISSING, UNKNOWN),
    years(2024, 2024),
)
inline(
    "cin",
    "4180",
    "Sex must be provided and equal M, F, or U",
    PARSER,
    _field("Sex", MISSING, UNKNOWN) + _field("GenderCurrent", MISSING, UNKNOWN),
    years(2025),
)
inline(
    "cin",
    "4220",
    "Ethnicity is missing or invalid (see Ethnicity table)",
    PARSER,
    _field("Ethnicity", MISSING, UNKNOWN),
)
inline("cin", "8500", "LA Child ID missing", PARSER, _field("LAchildID", MISSING))
inline(
    "cin",
    "8510",
    "More than one child record with the same LA Child ID",
    PARSER,
    [("cin.duplicate_child", "")],
)
inline(
    "cin",
    "8520",
    "Date of Birth is after data collection period (must be on or before the "
    "end of the census period)",
    PARSER,
    _field("PersonBirthDate", AFTER),
)
inline(
    "cin",
    "8525Q",
    "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
    PARSER,
    _field("PersonBirthDate", MISSING),
)
inline(
    "cin",
    "8535Q",
    "Please check and either amend data or provide a reason: Child’s date of "
    "death should not be prior to the date of birth",
    PARSER,
    [("cin.death_before_birth", "")],
)
inline(
    "cin",
    "8540",
    "Child’s disability is missing or invalid (see Disability table)",
    PARSER,
    _field("Disability", UNKNOWN),
)
inline(
    "cin",
    "8545Q",
    "Please check and either amend data or provide a reason: Child’s date of "
    "death should be within the census year",
    PARSER,
    _field("PersonDeathDate", AFTER),
)
inline(
    "cin",
    "8568",
    "RNFA flag is missing or invalid",
    PARSER,
    _field("ReferralNFA", MISSING, "cin.boolean_invalid"),
)
inline(
    "cin",
    "8590",
    "Child does not have a recorded CIN episode.",
    PARSER,
    _field("CINdetails", MISSING),
)
inline(
    "cin",
    "8600",
    "Child referral date missing or after data collection period",
    PARSER,
    _field("CINreferralDate", MISSING, AFTER, INVALID),
)
inline(
    "cin",
    "8608",
    "Assessment Start Date cannot be later than its End Date",
    PARSER,
    [("cin.assessment_authorised_before_start", "")],
)
inline(
    "cin",
    "8610",
    "Primary Need code is missing for a referral which led to further action.",
    PARSER,
    _field("PrimaryNeedCode", MISSING),
)
inline(
    "cin",
    "8620",
    "CIN Closure Date present and does not fall within the Census year",
    PARSER,
    _field("CINclosureDate", AFTER),
)
inline(
    "cin",
    "8630",
    "CIN Closure Date is before CIN Referral Date for the same CIN episode",
    PARSER,
    [("cin.closure_before_referral", "")],
)
inline(
    "cin",
    "8640",
    "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)",
    PARSER,
    _field("ReasonForClosure", UNKNOWN),
)
inline(
    "cin",
    "8650",
    "Primary Need Code invalid (see Primary Need table in CIN census code set)",
    PARSER,
    _field("PrimaryNeedCode", UNKNOWN),
)
inline(
    "cin",
    "8696",
    "Assessment end date must fall within the census year",
    PARSER,
    _field("AssessmentAuthorisationDate", AFTER),
)
inline(
    "cin",
    "8715",
    "Date of Initial Child Protection Conference must fall within the census year",
    PARSER,
    _field("DateOfInitialCPC", AFTER),
)
inline(
    "cin",
    "8720",
    "Child Protection Plan Start Date missing or out of data collection period",
    PARSER,
    _field("CPPstartDate", MISSING, AFTER, INVALID),
)
inline(
    "cin",
    "8730",
    "Total Number of previous Child Protection Plans missing",
    PARSER,
    _field("NumberOfPreviousCPP", MISSING, "cin.number_invalid"),
)
inline(
    "cin",
    "8805",
    "A CIN case cannot have a CIN closure date without a Reason for Closure",
    PARSER,
    _field("ReasonForClosure", MISSING),
)
inline(
    "cin",
    "8810",
    "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
    PARSER,
    _field("CINclosureDate", MISSING),
)
inline(
    "cin",
    "8842Q",
    "Please check and either amend or provide a reason: Review Record has a missing date",
    PARSER,
    _field("CPPreviewDate", MISSING, INVALID),
)
inline(
    "cin",
    "8866",
    "Source of Referral is missing or an invalid code",
    PARSER,
    _field("ReferralSource", MISSING, UNKNOWN),
)
inline(
    "cin",
    "8905",
    "Initial Category of Abuse code missing or invalid (see Category of Abuse "
    "table in CIN Census code set)",
    PARSER,
    _field("InitialCategoryOfAbuse", MISSING, UNKNOWN),
)
inline(
    "cin",
    "8910",
    "Latest Category of Abuse code missing or invalid (see Category of Abuse "
    "table in CIN Census code set)",
    PARSER,
    _field("LatestCategoryOfAbuse", MISSING, UNKNOWN),
)
inline(
    "cin",
    "8925",
    "Child Protection Plan End Date earlier than Start Date",
    PARSER,
    [("cin.cpp_end_before_start", "")],
)
inline(
    "cin",
    "8930",
    "Child Protection Plan End Date must fall within the census year",
    PARSER,
    _field("CPPendDate", AFTER),
)
inline(
    "cin",
    "1103",
    "The assessment start date cannot be before the referral date",
    PARSER,
    [("cin.assessment_before_referral", "")],
)
inline(
    "cin",
    "1105",
    "The child protection plan start date cannot be before the referral date",
    PARSER,
    [("cin.cpp_before_referral", "")],
)
inline(
    "cin",
    "2889",
    "The S47 start date cannot be before the referral date.",
    PARSER,
    [("cin.s47_before_referral", "")],
)
inline(
    "cin",
    "4010",
    "CIN Plan start date is missing or out of data collection period",
    PARSER,
    _field("CINPlanStartDate", MISSING, AFTER, INVALID),
)
inline(
    "cin",
    "4011",
    "CIN Plan End Date earlier than Start Date",
    PARSER,
    [("cin.cin_plan_end_before_start", "")],
)
inline(
    "cin",
    "4013",
    "CIN Plan end date must fall within the census year",
    PARSER,
    _field("CINPlanEndDate", AFTER),
)
inline(
    "cin",
    "8615",
    "Section 47 Enquiry Start Date must be present and cannot be later than the "
    "date of the initial Child Protection Conference",
    PARSER,
    [("cin.icpc_before_s47", "")],
)
