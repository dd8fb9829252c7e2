"""SSDA903 rules the parser checks while it reads (``formats/ssda903.py``, ``ssda903_rules.py``).

Registered with the parser's own rule names and fields, so each problem carries the DfE code.
"""

from __future__ import annotations

from lineofsight.formats.rules.registry import inline, years
from lineofsight.formats.rules.ssda903.common import OC2_TWELVE_MONTHS

PARSER = "ssda903 (parser)"
DESCRIPTIONS = {
    "101": "The child or young person’s reported sex is not valid.",
    "102": "Date of birth is not a valid date.",
    "103": "The ethnicity code is either not valid or has not been entered.",
    "104": (
        "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date."
    ),
    "112": "Date should be placed for adoption is not a valid date.",
    "113": "Date matching child and adopter(s) is not a valid date.",
    "131": "Data entry for being in touch after leaving care is invalid.",
    "132": "Data entry for activity after leaving care is invalid.",
    "133": (
        "Data entry for accommodation after leaving care is invalid. If reporting on a "
        "childs accommodation after leaving care the data entry must be valid"
    ),
    "141": "Date episode began is not a valid date.",
    "143": "The reason for new episode code is not a valid code.",
    "144": "The legal status code is not a valid code.",
    "145": "Category of need code is not a valid code.",
    "146": "Placement type code is not a valid code.",
    "147": "Date episode ceased is not a valid date.",
    "148": (
        "Date episode ceased and reason episode ceased must both be coded, or both left blank."
    ),
    "149": "Reason episode ceased code is not valid.",
    "165": "Data entry for mother status is invalid.",
    "166": "Date of review is invalid or blank.",
    "167": "Data entry for participation is invalid or blank.",
    "171": "Date of birth of mother's child is not a valid date.",
    "178": "Placement provider code is not a valid code.",
    "196": "Strengths and Difficulties (SDQ) reason is not a valid code.",
    "356": "The date the episode ceased is before the date the same episode started.",
    "385": "Date episode ceased must be on or before the end of the current collection year.",
    "567": (
        "The date that the missing episode or episode that the child was away from "
        "placement without authorisation ended is before the date that it started."
    ),
    "571": (
        "The date that the child ceased to be missing or away from placement without "
        "authorisation is before the start or after the end of the collection year."
    ),
    "1004": (
        "The start date of the missing episode or episode that the child was away from "
        "placement without authorisation is not a valid date."
    ),
    "1005": (
        "The end date of the missing episode or episode that the child was away from "
        "placement without authorisation is not a valid date."
    ),
    "1009": "Reason for placement change is not a valid code.",
    "INT03": "Internal Check: Child in Episodes does not exist in Header.",
    "301": "Date of birth falls after the year ended.",
    "354": "Date episode ceased must be on or before the end of the current collection year.",
    "570": (
        "The date that the child started to be missing or away from placement without "
        "authorisation is after the end of the collection year."
    ),
    "1006": "Missing type invalid.",
    "INT32": "Internal Check: Child should only exist once in Header.",
    "114": "Data entry to record the status of former carer(s) of an adopted child is invalid.",
    "115": (
        "Date of Local Authority's (LA) decision that a child should be placed for adoption is "
        "not a valid date."
    ),
    "116": (
        "Date of Local Authority's (LA) decision that a child should no longer be placed for "
        "adoption is not a valid date."
    ),
    "565": (
        "The date that the child started to be missing or away from placement without "
        "authorisation has been completed but whether the child was missing or away from "
        "placement without authorisation has not been completed."
    ),
    "SW04STG1": "Date social worker episode began is not a valid date..",
    "SW05STG1": "Date social worker episode began is not a valid date.",
    "SW06STG2": (
        "Social worker episode data should be within the social worker data reporting year."
    ),
    "SW07STG2": (
        "Social worker episode end date should be on or after the start of the social worker "
        "reporting period, and should be on or before the collection end date."
    ),
    "181": (
        "Data items relating to children looked after continuously for 12 months should be "
        "completed with a 0 or 1."
    ),
}
PARSER_RULES: dict[str, list[tuple[str, str]]] = {
    "101": [("ssda903.code_unknown", "SEX")],
    "102": [("ssda903.date_invalid", "DOB")],
    "103": [("ssda903.code_unknown", "ETHNIC"), ("ssda903.missing_value", "ETHNIC")],
    "104": [("ssda903.date_invalid", "DUC")],
    "112": [("ssda903.date_invalid", "DATE_INT")],
    "113": [("ssda903.date_invalid", "DATE_MATCH")],
    "131": [("ssda903.code_unknown", "IN_TOUCH"), ("ssda903.missing_value", "IN_TOUCH")],
    "132": [("ssda903.code_unknown", "ACTIV")],
    "133": [("ssda903.code_unknown", "ACCOM")],
    "141": [("ssda903.date_invalid", "DECOM")],
    "143": [("ssda903.code_unknown", "RNE")],
    "144": [("ssda903.code_unknown", "LS")],
    "145": [("ssda903.code_unknown", "CIN")],
    "146": [("ssda903.code_unknown", "PLACE")],
    "147": [("ssda903.date_invalid", "DEC")],
    "148": [("ssda903.dec_without_rec", ""), ("ssda903.rec_without_dec", "")],
    "149": [("ssda903.code_unknown", "REC")],
    "165": [("ssda903.code_unknown", "MOTHER")],
    "166": [("ssda903.date_invalid", "REVIEW"), ("ssda903.missing_value", "REVIEW")],
    "167": [("ssda903.code_unknown", "REVIEW_CODE"), ("ssda903.missing_value", "REVIEW_CODE")],
    "171": [("ssda903.date_invalid", "MC_DOB")],
    "178": [("ssda903.code_unknown", "PLACE_PROVIDER")],
    "196": [("ssda903.code_unknown", "SDQ_REASON")],
    "356": [("ssda903.dec_before_decom", "")],
    "385": [("ssda903.date_after_year_end", "DEC")],
    "567": [("ssda903.missing_end_before_start", "")],
    "571": [("ssda903.date_after_year_end", "MIS_END")],
    "1004": [("ssda903.date_invalid", "MIS_START"), ("ssda903.missing_value", "MIS_START")],
    # a blank MISSING comes with a start date (required): 565's case (565/566 are also checked
    # in rules/ssda903/missing.py, for the same row: one problem each way, one code)
    "565": [("ssda903.missing_value", "MISSING")],
    "1005": [("ssda903.date_invalid", "MIS_END")],
    "1009": [("ssda903.code_unknown", "REASON_PLACE_CHANGE")],
    "INT03": [("ssda903.child_not_in_header", "")],
    "301": [("ssda903.date_after_year_end", "DOB")],
    "354": [("ssda903.date_after_year_end", "DECOM")],
    "570": [("ssda903.date_after_year_end", "MIS_START")],
    "1006": [("ssda903.code_unknown", "MISSING")],
    "INT32": [("ssda903.duplicate_child", "")],
    "114": [("ssda903.code_unknown", "FOSTER_CARE")],
    "115": [("ssda903.date_invalid", "DATE_PLACED")],
    "116": [("ssda903.date_invalid", "DATE_PLACED_CEASED")],
    "SW04STG1": [("ssda903.date_invalid", "SW_DECOM")],
    "SW05STG1": [("ssda903.date_invalid", "SW_DEC")],
    "SW06STG2": [("ssda903.date_after_year_end", "SW_DECOM")],
    "SW07STG2": [("ssda903.date_after_year_end", "SW_DEC")],
    "181": [("ssda903.code_unknown", column) for column in OC2_TWELVE_MONTHS],
}
# Rules whose wording changed: the earlier wording and the last year it was used in.
EARLIER = {"101": ("Gender code is not valid.", 2024)}
for _code, _names in PARSER_RULES.items():
    if _code in EARLIER:
        _text, _last = EARLIER[_code]
        inline("ssda903", _code, _text, PARSER, _names, years(2024, _last))
        inline("ssda903", _code, DESCRIPTIONS[_code], PARSER, _names, years(_last + 1))
    else:
        inline("ssda903", _code, DESCRIPTIONS[_code], PARSER, _names)
