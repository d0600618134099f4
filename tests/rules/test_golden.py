"""Golden worked examples: literal input → every figure of the assessment.

Figures come from the project's French fact sheet (its worked examples and tables,
summarised in docs/rules.md; each rule value names its own source). Where the
fact sheet tags an input [unsure], the example says so in a comment: the
arithmetic is checked, the figure itself still needs confirming.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest

from carnet.domain.contracts import Contract
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner
from carnet.rules import assess

from .helpers import act, contract, euros, person, practitioner

_DEFAULT = contract(100)


@dataclass(frozen=True)
class Expect:
    base: str
    rate: str
    amo: str
    pf: str
    franchise: str
    amc: str
    patient: str
    depassement: str
    deadline: str


@dataclass(frozen=True)
class Golden:
    name: str
    day: str
    code: str
    fee: str
    expect: Expect
    act_options: dict[str, object] = field(default_factory=dict)
    person_options: dict[str, object] = field(default_factory=dict)
    profession: str | None = None
    sector: str = "1"
    specialty: str = ""
    cover: Contract | None = _DEFAULT


def E(*figures: str) -> Expect:
    return Expect(*figures)


GOLDEN = [
    # --- the fact sheet's worked examples -------------------------------------------------
    Golden(
        "gp-in-parcours",
        "2025-03-01",
        "G",
        "30",
        E("30.00", "0.70", "19.00", "2.00", "0.00", "9.00", "2.00", "0.00", "2027-03-31"),
    ),
    Golden(
        "gp-out-of-parcours",
        "2025-03-01",
        "G",
        "30",
        E("30.00", "0.30", "7.00", "2.00", "0.00", "9.00", "14.00", "0.00", "2027-03-31"),
        act_options={"parcours": "out"},
    ),
    Golden(
        "s2-non-optam-specialist-tm-only",
        "2025-03-01",
        "CS",
        "60",
        E("23.00", "0.70", "14.10", "2.00", "0.00", "6.90", "39.00", "37.00", "2027-03-31"),
        profession="specialist",
        sector="2",
    ),
    # Responsable contract, OPTAM 300 % / non-OPTAM 200 %: dépassement cover ≤ 100 % BR = 23 €.
    Golden(
        "s2-non-optam-responsable-cap-23",
        "2025-03-01",
        "CS",
        "60",
        E("23.00", "0.70", "14.10", "2.00", "0.00", "29.90", "16.00", "37.00", "2027-03-31"),
        profession="specialist",
        sector="2",
        cover=contract(300, non_optam=200),
    ),
    # OPTAM 200 % → non-OPTAM at most 180 %: 80 % of 23 € = 18.40 €.
    Golden(
        "s2-non-optam-20-point-gap",
        "2025-03-01",
        "CS",
        "60",
        E("23.00", "0.70", "14.10", "2.00", "0.00", "25.30", "20.60", "37.00", "2027-03-31"),
        profession="specialist",
        sector="2",
        cover=contract(200),
    ),
    Golden(
        "s2-non-optam-non-responsable",
        "2025-03-01",
        "CS",
        "60",
        E("23.00", "0.70", "14.10", "2.00", "0.00", "43.90", "2.00", "37.00", "2027-03-31"),
        profession="specialist",
        sector="2",
        cover=contract(300, responsable=False),
    ),
    Golden(
        "s2-optam-specialist",
        "2025-03-01",
        "CS",
        "50",
        E("31.50", "0.70", "20.05", "2.00", "0.00", "27.95", "2.00", "18.50", "2027-03-31"),
        profession="specialist",
        sector="2-optam",
        cover=contract(200),
    ),
    # Tarif d'autorité 0.61 € is [unsure] (from memory); PF limited to the AMO.
    Golden(
        "sector-3-gp",
        "2025-03-01",
        "G",
        "50",
        E("0.61", "0.70", "0.00", "0.43", "0.00", "0.18", "49.82", "49.39", "2027-03-31"),
        sector="3",
    ),
    # --- tariff changes --------------------------------------------------------------
    # G 25 € before 2023-11-01: value sure, start date of that period unsure.
    Golden(
        "g-before-2023-11",
        "2023-10-31",
        "G",
        "25",
        E("25.00", "0.70", "16.50", "1.00", "0.00", "7.50", "1.00", "0.00", "2025-12-31"),
    ),
    Golden(
        "g-2023-11",
        "2023-11-01",
        "G",
        "26.50",
        E("26.50", "0.70", "17.55", "1.00", "0.00", "7.95", "1.00", "0.00", "2025-12-31"),
    ),
    Golden(
        "pf-1-eur-2024-05-14",
        "2024-05-14",
        "G",
        "26.50",
        E("26.50", "0.70", "17.55", "1.00", "0.00", "7.95", "1.00", "0.00", "2026-06-30"),
    ),
    Golden(
        "pf-2-eur-2024-05-15",
        "2024-05-15",
        "G",
        "26.50",
        E("26.50", "0.70", "16.55", "2.00", "0.00", "7.95", "2.00", "0.00", "2026-06-30"),
    ),
    Golden(
        "g-2024-12-21",
        "2024-12-21",
        "G",
        "26.50",
        E("26.50", "0.70", "16.55", "2.00", "0.00", "7.95", "2.00", "0.00", "2026-12-31"),
    ),
    Golden(
        "g-2024-12-22",
        "2024-12-22",
        "G",
        "30",
        E("30.00", "0.70", "19.00", "2.00", "0.00", "9.00", "2.00", "0.00", "2026-12-31"),
    ),
    Golden(
        "psy-2025-06-30",
        "2025-06-30",
        "CNPSY",
        "55",
        E("55.00", "0.70", "36.50", "2.00", "0.00", "16.50", "2.00", "0.00", "2027-06-30"),
        profession="specialist",
    ),
    Golden(
        "psy-2026-01-01",
        "2026-01-01",
        "CNPSY",
        "57",
        E("57.00", "0.70", "37.90", "2.00", "0.00", "17.10", "2.00", "0.00", "2028-03-31"),
        profession="specialist",
    ),
    # Corrections of 2026-12-06: compulsory child exams at 100 % (service-public F10874),
    # and the 2025-07-01 revaluation applied on 2026-01-01 (moneyvox.fr 103929).
    Golden(
        "coe-2026-01-01-child",
        "2026-01-01",
        "COE",
        "60",
        E("60.00", "1.00", "60.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2028-03-31"),
        person_options={"age": 5},
    ),
    Golden(
        "hospital-forfait-20",
        "2026-02-28",
        "FJ",
        "60",
        E("60.00", "0.00", "0.00", "0.00", "0.00", "60.00", "0.00", "0.00", "2028-03-31"),
        act_options={"coefficient": "3"},
    ),
    Golden(
        "hospital-forfait-23",
        "2026-03-01",
        "FJ",
        "69",
        E("69.00", "0.00", "0.00", "0.00", "0.00", "69.00", "0.00", "0.00", "2028-03-31"),
        act_options={"coefficient": "3"},
    ),
    Golden(
        "hospital-forfait-23-no-contract",
        "2026-03-01",
        "FJ",
        "69",
        E("69.00", "0.00", "0.00", "0.00", "0.00", "0.00", "69.00", "0.00", "2028-03-31"),
        act_options={"coefficient": "3"},
        cover=None,
    ),
    Golden(
        "psy-forfait-17",
        "2026-03-01",
        "FJP",
        "17",
        E("17.00", "0.00", "0.00", "0.00", "0.00", "17.00", "0.00", "0.00", "2028-03-31"),
    ),
    Golden(
        "fpu-19-61",
        "2026-02-28",
        "FPU",
        "19.61",
        E("19.61", "0.00", "0.00", "0.00", "0.00", "19.61", "0.00", "0.00", "2028-03-31"),
    ),
    Golden(
        "fpu-23",
        "2026-03-01",
        "FPU",
        "23",
        E("23.00", "0.00", "0.00", "0.00", "0.00", "23.00", "0.00", "0.00", "2028-03-31"),
    ),
    Golden(
        "fpu-reduced-ald",
        "2026-03-01",
        "FPU",
        "9.96",
        E("9.96", "0.00", "0.00", "0.00", "0.00", "9.96", "0.00", "0.00", "2028-03-31"),
        person_options={"ald": True},
    ),
    # Actes lourds: 24 € then 32 € from 2026-04-22 (start date [likely]; AFP said 04-01).
    Golden(
        "heavy-act-24",
        "2026-04-21",
        "HOSP",
        "1000",
        E("1000.00", "1.00", "976.00", "0.00", "0.00", "24.00", "0.00", "0.00", "2028-06-30"),
    ),
    Golden(
        "heavy-act-32",
        "2026-04-22",
        "HOSP",
        "1000",
        E("1000.00", "1.00", "968.00", "0.00", "0.00", "32.00", "0.00", "0.00", "2028-06-30"),
    ),
    Golden(
        "hospital-below-heavy",
        "2026-04-22",
        "HOSP",
        "100",
        E("100.00", "0.80", "80.00", "0.00", "0.00", "20.00", "0.00", "0.00", "2028-06-30"),
    ),
    # --- categories ------------------------------------------------------------------
    Golden(
        "gp-child-under-6-meg",
        "2025-03-01",
        "G",
        "35",
        E("35.00", "0.70", "24.50", "0.00", "0.00", "10.50", "0.00", "0.00", "2027-03-31"),
        person_options={"age": 3},
    ),
    Golden(
        "teleconsultation-in",
        "2025-03-01",
        "TCG",
        "25",
        E("25.00", "0.70", "15.50", "2.00", "0.00", "7.50", "2.00", "0.00", "2027-03-31"),
    ),
    Golden(
        "teleconsultation-out-not-reimbursed",
        "2025-03-01",
        "TCG",
        "25",
        E("25.00", "0.00", "0.00", "0.00", "0.00", "0.00", "25.00", "0.00", "2027-03-31"),
        act_options={"parcours": "out"},
    ),
    Golden(
        "home-visit-vg-md",
        "2025-01-10",
        "VG+MD",
        "40",
        E("40.00", "0.70", "26.00", "2.00", "0.00", "12.00", "2.00", "0.00", "2027-03-31"),
    ),
    Golden(
        "apc",
        "2025-02-01",
        "APC",
        "60",
        E("60.00", "0.70", "40.00", "2.00", "0.00", "18.00", "2.00", "0.00", "2027-03-31"),
        profession="specialist",
    ),
    Golden(
        "specialist-cs-mcs",
        "2025-03-01",
        "CS",
        "31.50",
        E("31.50", "0.70", "20.05", "2.00", "0.00", "9.45", "2.00", "0.00", "2027-03-31"),
        profession="specialist",
    ),
    # Out of parcours: no MCS (CS 26.50, start date [likely]); the 3.50 € DA is not covered.
    Golden(
        "specialist-out-of-parcours-da",
        "2025-03-01",
        "CS",
        "30",
        E("26.50", "0.30", "5.95", "2.00", "0.00", "7.95", "16.10", "3.50", "2027-03-31"),
        profession="specialist",
        act_options={"parcours": "out"},
    ),
    Golden(
        "paediatrician-ceh",
        "2026-01-01",
        "CEH",
        "40",
        E("40.00", "0.70", "28.00", "0.00", "0.00", "12.00", "0.00", "0.00", "2028-03-31"),
        profession="specialist",
        person_options={"age": 1},
    ),
    Golden(
        "gynaecology-direct-access",
        "2026-01-01",
        "GYN",
        "40",
        E("40.00", "0.70", "26.00", "2.00", "0.00", "12.00", "2.00", "0.00", "2028-03-31"),
        profession="specialist",
        act_options={"parcours": "direct"},
    ),
    Golden(
        "gynaecology-direct-without-treating-doctor",
        "2026-01-01",
        "GYN",
        "40",
        E("35.00", "0.30", "8.50", "2.00", "0.00", "10.50", "21.00", "5.00", "2028-03-31"),
        profession="specialist",
        act_options={"parcours": "direct"},
        person_options={"treating": False},
    ),
    Golden(
        "psychiatry-direct-age-20",
        "2026-01-01",
        "CNPSY",
        "57",
        E("57.00", "0.70", "37.90", "2.00", "0.00", "17.10", "2.00", "0.00", "2028-03-31"),
        profession="specialist",
        act_options={"parcours": "direct"},
        person_options={"age": 20},
    ),
    # Out of the parcours the MCS (5 €) is not billable: CNPSY 57 − 5 = 52 (lesml.org MCS table).
    Golden(
        "psychiatry-direct-age-30-refused",
        "2026-01-01",
        "CNPSY",
        "57",
        E("52.00", "0.30", "13.60", "2.00", "0.00", "15.60", "27.80", "5.00", "2028-03-31"),
        profession="specialist",
        act_options={"parcours": "direct"},
        person_options={"age": 30},
    ),
    Golden(
        "dentist-60-percent",
        "2025-03-01",
        "C",
        "23",
        E("23.00", "0.60", "13.80", "0.00", "0.00", "9.20", "0.00", "0.00", "2027-03-31"),
        profession="dentist",
    ),
    Golden(
        "dentist-70-percent-before-2023-10-15",
        "2023-10-14",
        "C",
        "23",
        E("23.00", "0.70", "16.10", "0.00", "0.00", "6.90", "0.00", "0.00", "2025-12-31"),
        profession="dentist",
    ),
    Golden(
        "midwife-consultation",
        "2025-03-01",
        "C",
        "26.50",
        E("26.50", "0.70", "18.55", "0.00", "0.00", "7.95", "0.00", "0.00", "2027-03-31"),
        profession="midwife",
    ),
    Golden(
        "nurse-ami-2",
        "2025-03-01",
        "AMI",
        "6.30",
        E("6.30", "0.60", "2.78", "0.00", "1.00", "2.52", "1.00", "0.00", "2027-03-31"),
        profession="nurse",
        act_options={"coefficient": "2"},
    ),
    Golden(
        "physio-ams-8-4",
        "2025-03-01",
        "AMS",
        "18.56",
        E("18.56", "0.60", "10.14", "0.00", "1.00", "7.42", "1.00", "0.00", "2027-03-31"),
        profession="physiotherapist",
        act_options={"coefficient": "8.4"},
    ),
    # AMK 2.15 € before avenant 7 is [unsure] (from memory); franchise then 0.50 €.
    Golden(
        "physio-before-2024-franchise-050",
        "2024-01-10",
        "AMK",
        "18.06",
        E("18.06", "0.60", "10.34", "0.00", "0.50", "7.22", "0.50", "0.00", "2026-03-31"),
        profession="physiotherapist",
        act_options={"coefficient": "8.4"},
    ),
    Golden(
        "lab-biology",
        "2025-03-01",
        "B",
        "45",
        E("45.00", "0.60", "25.00", "2.00", "0.00", "18.00", "2.00", "0.00", "2027-03-31"),
        profession="laboratory",
    ),
    Golden(
        "radiology",
        "2025-03-01",
        "IMG",
        "50",
        E("50.00", "0.70", "33.00", "2.00", "0.00", "15.00", "2.00", "0.00", "2027-03-31"),
        profession="radiology",
    ),
    Golden(
        "pharmacy-65-two-boxes",
        "2025-03-01",
        "PH7",
        "10",
        E("10.00", "0.65", "4.50", "0.00", "2.00", "3.50", "2.00", "0.00", "2027-03-31"),
        profession="pharmacy",
        act_options={"coefficient": "2"},
    ),
    Golden(
        "pharmacy-15",
        "2025-03-01",
        "PH2",
        "10",
        E("10.00", "0.15", "0.50", "0.00", "1.00", "8.50", "1.00", "0.00", "2027-03-31"),
        profession="pharmacy",
    ),
    Golden(
        "pharmacy-100",
        "2025-03-01",
        "PH1",
        "10",
        E("10.00", "1.00", "9.00", "0.00", "1.00", "0.00", "1.00", "0.00", "2027-03-31"),
        profession="pharmacy",
    ),
    Golden(
        "pharmacy-franchise-capped-at-amo",
        "2025-03-01",
        "PH4",
        "2",
        E("2.00", "0.30", "0.00", "0.00", "0.60", "1.40", "0.60", "0.00", "2027-03-31"),
        profession="pharmacy",
        act_options={"coefficient": "3"},
    ),
    Golden(
        "transport-55-percent",
        "2025-03-01",
        "TRANSPORT",
        "50",
        E("50.00", "0.55", "23.50", "0.00", "4.00", "22.50", "4.00", "0.00", "2027-03-31"),
        profession="transport",
    ),
    Golden(
        "transport-emergency-no-franchise",
        "2025-03-01",
        "TRANSPORT",
        "50",
        E("50.00", "0.55", "27.50", "0.00", "0.00", "22.50", "0.00", "0.00", "2027-03-31"),
        profession="transport",
        act_options={"parcours": "emergency"},
    ),
    Golden(
        "transport-franchise-2-before-2024-03-31",
        "2024-03-30",
        "TRANSPORT",
        "50",
        E("50.00", "0.55", "25.50", "0.00", "2.00", "22.50", "2.00", "0.00", "2026-03-31"),
        profession="transport",
    ),
    # --- people ----------------------------------------------------------------------
    Golden(
        "child-10-out-of-parcours-no-penalty",
        "2025-03-01",
        "G",
        "30",
        E("30.00", "0.70", "21.00", "0.00", "0.00", "9.00", "0.00", "0.00", "2027-03-31"),
        act_options={"parcours": "out"},
        person_options={"age": 10},
    ),
    Golden(
        "teen-17-out-of-parcours-penalised-no-pf",
        "2025-03-01",
        "G",
        "30",
        E("30.00", "0.30", "9.00", "0.00", "0.00", "9.00", "12.00", "0.00", "2027-03-31"),
        act_options={"parcours": "out"},
        person_options={"age": 17},
    ),
    Golden(
        "ald-100-percent-pf-still-due",
        "2025-03-01",
        "G",
        "30",
        E("30.00", "1.00", "28.00", "2.00", "0.00", "0.00", "2.00", "0.00", "2027-03-31"),
        act_options={"ald": True},
        person_options={"ald": True},
    ),
    Golden(
        "ald-person-unrelated-care",
        "2025-03-01",
        "G",
        "30",
        E("30.00", "0.70", "19.00", "2.00", "0.00", "9.00", "2.00", "0.00", "2027-03-31"),
        person_options={"ald": True},
    ),
    # Maternity 100 % and PF exemption are [likely].
    Golden(
        "maternity-100-no-pf",
        "2025-03-01",
        "G",
        "30",
        E("30.00", "1.00", "30.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2027-03-31"),
        person_options={"maternity": True},
    ),
    Golden(
        "css-pays-tm-no-pf",
        "2025-03-01",
        "G",
        "30",
        E("30.00", "0.70", "21.00", "0.00", "0.00", "9.00", "0.00", "0.00", "2027-03-31"),
        person_options={"css": True},
        cover=None,
    ),
    Golden(
        "no-contract",
        "2025-03-01",
        "G",
        "30",
        E("30.00", "0.70", "19.00", "2.00", "0.00", "0.00", "11.00", "0.00", "2027-03-31"),
        cover=None,
    ),
    Golden(
        "fee-below-tariff-limits-base",
        "2025-03-01",
        "G",
        "20",
        E("20.00", "0.70", "12.00", "2.00", "0.00", "6.00", "2.00", "0.00", "2027-03-31"),
    ),
    Golden(
        "override-base-and-rate",
        "2025-03-01",
        "DENT",
        "80",
        E("50.00", "0.90", "45.00", "0.00", "0.00", "5.00", "30.00", "30.00", "2027-03-31"),
        profession="dentist",
        act_options={"base": "50", "rate": "0.90"},
    ),
    Golden(
        "deadline-end-of-year",
        "2025-12-31",
        "G",
        "30",
        E("30.00", "0.70", "19.00", "2.00", "0.00", "9.00", "2.00", "0.00", "2027-12-31"),
    ),
    Golden(
        "deadline-quarter-start",
        "2025-10-01",
        "G",
        "30",
        E("30.00", "0.70", "19.00", "2.00", "0.00", "9.00", "2.00", "0.00", "2027-12-31"),
    ),
    # --- Corrections of 2026-12-06 (the fact sheet) and the rules added with them ---------
    # The 2025-07-01 steps were suspended (comité d'alerte, 2025-06-18) and applied on
    # 2026-01-01 (moneyvox.fr/.../103929): on 2025-12-31 the CNPSY is still 55 €.
    Golden(
        "correction-cnpsy-still-55-on-2025-12-31",
        "2025-12-31",
        "CNPSY",
        "55",
        E("55.00", "0.70", "36.50", "2.00", "0.00", "16.50", "2.00", "0.00", "2027-12-31"),
        profession="specialist",
    ),
    # Same for the gynaecologist: 37 € until 2025-12-31.
    Golden(
        "correction-gyn-37-in-september-2025",
        "2025-09-01",
        "GYN",
        "37",
        E("37.00", "0.70", "23.90", "2.00", "0.00", "11.10", "2.00", "0.00", "2027-09-30"),
        profession="specialist",
    ),
    # Compulsory child exams at 100 % of the base (service-public F10874): COD 35 €.
    Golden(
        "correction-child-exam-cod-100-percent",
        "2026-03-02",
        "COD",
        "35",
        E("35.00", "1.00", "35.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2028-03-31"),
        person_options={"age": 3},
    ),
    # ALD never turns the forfait journalier into AMO money (corrections 2026-12-06).
    Golden(
        "correction-ald-forfait-journalier-stays-patient",
        "2026-03-02",
        "FJ",
        "23",
        E("23.00", "0.00", "0.00", "0.00", "0.00", "0.00", "23.00", "0.00", "2028-03-31"),
        profession="hospital",
        act_options={"ald": True, "coefficient": "1"},
        person_options={"ald": True},
        cover=None,
    ),
    # ALD patients pay the reduced FPU, 9.96 € from 2026-03-01, never paid by the AMO.
    Golden(
        "correction-ald-reduced-fpu",
        "2026-03-02",
        "FPU",
        "9.96",
        E("9.96", "0.00", "0.00", "0.00", "0.00", "0.00", "9.96", "0.00", "2028-03-31"),
        profession="hospital",
        act_options={"ald": True},
        person_options={"ald": True},
        cover=None,
    ),
    # Cardiologist CSC: 54 € since 2023-11-01 (agipi.com/?p=8603).
    Golden(
        "correction-csc-54",
        "2025-03-01",
        "CSC",
        "54",
        E("54.00", "0.70", "35.80", "2.00", "0.00", "16.20", "2.00", "0.00", "2027-03-31"),
        profession="specialist",
        specialty="cardiology",
    ),
    # ... and 52.50 € before (PF 1 € then).
    Golden(
        "correction-csc-52-50-before-november-2023",
        "2023-10-02",
        "CSC",
        "52.50",
        E("52.50", "0.70", "35.75", "1.00", "0.00", "15.75", "1.00", "0.00", "2025-12-31"),
        profession="specialist",
        specialty="cardiology",
    ),
    # Secteur 3 tarif d'autorité of a specialist consultation: 1.22 € (april.fr lexique).
    Golden(
        "correction-authority-tariff-specialist",
        "2026-03-02",
        "CS",
        "60",
        E("1.22", "0.70", "0.00", "0.85", "0.00", "0.37", "59.63", "58.78", "2028-03-31"),
        profession="specialist",
        sector="3",
    ),
    # Psychiatrist in sector 2 without OPTAM: the base is the CNPSY without the MCS,
    # 57 − 5 = 52 € (not 23 €).
    Golden(
        "correction-non-optam-psychiatrist-base",
        "2026-03-02",
        "CNPSY",
        "80",
        E("52.00", "0.70", "34.40", "2.00", "0.00", "15.60", "30.00", "28.00", "2028-03-31"),
        profession="specialist",
        sector="2",
    ),
    # The MCS is only billable within the parcours: a geriatrician out of it, 42 − 5 = 37 €.
    Golden(
        "correction-coordination-only-in-parcours",
        "2026-03-02",
        "GER",
        "42",
        E("37.00", "0.30", "9.10", "2.00", "0.00", "11.10", "21.80", "5.00", "2028-03-31"),
        profession="specialist",
        act_options={"parcours": "out"},
    ),
    # Medicines at 15 % stay at 15 % under ALD (low-SMR drugs are outside the exemption).
    Golden(
        "correction-ph15-stays-15-under-ald",
        "2026-03-02",
        "PH2",
        "10",
        E("10.00", "0.15", "0.50", "0.00", "1.00", "0.00", "9.50", "0.00", "2028-03-31"),
        profession="pharmacy",
        act_options={"ald": True},
        person_options={"ald": True},
        cover=None,
    ),
    # AME: full cover of the base, no PF, no franchise, no mutuelle (corrections 2026-12-06).
    Golden(
        "new-ame-gp",
        "2026-03-02",
        "G",
        "30",
        E("30.00", "1.00", "30.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2028-03-31"),
        person_options={"ame": True},
    ),
    Golden(
        "new-ame-pharmacy-no-franchise",
        "2026-03-02",
        "PH7",
        "12",
        E("12.00", "1.00", "12.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2028-03-31"),
        profession="pharmacy",
        person_options={"ame": True},
    ),
    # 100 % Santé: class I hearing aid, base 400 €, price cap 950 € (surdi13.fr, arrêté
    # of 2018-11-14): AMO 240 €, the contrat responsable pays the remaining 710 €.
    Golden(
        "new-100-sante-hearing-aid",
        "2026-03-02",
        "AUD1",
        "950",
        E("400.00", "0.60", "240.00", "0.00", "0.00", "710.00", "0.00", "550.00", "2028-03-31"),
        profession="audiologist",
    ),
    # Above the cap, what exceeds 950 € stays with the household.
    Golden(
        "new-100-sante-hearing-aid-above-cap",
        "2026-03-02",
        "AUD1",
        "1200",
        E("400.00", "0.60", "240.00", "0.00", "0.00", "710.00", "250.00", "800.00", "2028-03-31"),
        profession="audiologist",
    ),
    # Class A glasses: frame 30 € + lenses, base from the quote; nothing left to pay.
    Golden(
        "new-100-sante-class-a-glasses",
        "2026-03-02",
        "OPT100",
        "105",
        E("40.00", "0.60", "24.00", "0.00", "0.00", "81.00", "0.00", "65.00", "2028-03-31"),
        profession="optician",
        act_options={"base": "40"},
    ),
    # RAC-0 dental crown: base 120 €, price 500 €: the contract pays all above the AMO.
    Golden(
        "new-100-sante-dental",
        "2026-03-02",
        "DENT100",
        "500",
        E("120.00", "0.60", "72.00", "0.00", "0.00", "428.00", "0.00", "380.00", "2028-03-31"),
        profession="dentist",
        act_options={"base": "120"},
    ),
    # Orthophonie: AMO 2.50 € (senat.fr 2023 question), 60 %, franchise 1 €; AMO 10.
    Golden(
        "new-orthophonie-amo-10",
        "2026-03-02",
        "AMO",
        "25",
        E("25.00", "0.60", "14.00", "0.00", "1.00", "10.00", "1.00", "0.00", "2028-03-31"),
        profession="speech-therapist",
        act_options={"coefficient": "10"},
    ),
    # Orthoptie: AMY 2.60 €; a bilan AMY 15 = 39 € (orthoptist's price list, 2019).
    Golden(
        "new-orthoptie-amy-15",
        "2026-03-02",
        "AMY",
        "39",
        E("39.00", "0.60", "22.40", "0.00", "1.00", "15.60", "1.00", "0.00", "2028-03-31"),
        profession="orthoptist",
        act_options={"coefficient": "15"},
    ),
    # Pédicurie-podologie: diabetic-foot prevention session POD 30 € since 2024-03-07.
    Golden(
        "new-podologie-pod",
        "2026-03-02",
        "POD",
        "30",
        E("30.00", "0.60", "17.00", "0.00", "1.00", "12.00", "1.00", "0.00", "2028-03-31"),
        profession="podiatrist",
    ),
]


def _run(golden: Golden) -> tuple[object, ...]:
    day = date.fromisoformat(golden.day)
    options = dict(golden.person_options)
    age = options.pop("age", None)
    maternity = options.pop("maternity", False)
    who: Person = person(
        age_on=day,
        age=age,  # type: ignore[arg-type]
        maternity_on=day if maternity else None,
        **options,  # type: ignore[arg-type]
    )
    doctor: Practitioner = practitioner(golden.profession or "gp", golden.sector, golden.specialty)
    care = act(golden.day, golden.code, golden.fee, **golden.act_options)  # type: ignore[arg-type]
    result, _ = assess(care, who, doctor, golden.cover)
    assert result.amo_cents + result.amc_cents + result.patient_cents == result.fee_cents
    return (
        euros(result.base_cents),
        f"{result.amo_rate:.2f}",
        euros(result.amo_cents),
        euros(result.participation_cents),
        euros(result.franchise_cents),
        euros(result.amc_cents),
        euros(result.patient_cents),
        euros(result.depassement_cents),
        result.deadline.isoformat(),
    )


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.name for g in GOLDEN])
def test_golden(golden: Golden) -> None:
    """Every figure of a worked example matches the literal expectation."""
    e = golden.expect
    expected = (e.base, e.rate, e.amo, e.pf, e.franchise, e.amc, e.patient, e.depassement,
                e.deadline)  # fmt: skip
    assert _run(golden) == expected


def test_enough_golden_examples() -> None:
    """The brief asks for at least forty worked examples."""
    assert len(GOLDEN) >= 40
