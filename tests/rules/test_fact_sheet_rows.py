"""One worked example for each tariff and rate row of the fact sheet that had none.

An audit of the rules against docs/domain-fr.md (sections 1 to 6 and its "Corrections of
2026-12-06", which override older rows): the rows already worked through in
test_golden.py are not repeated here. Each example names its row and source; the figures
were worked out by hand from the row (AMO = base × rate − PF − franchise; AMC = what the
contract covers above it; the patient pays the rest).
"""

from __future__ import annotations

from datetime import date

import pytest

from carnet.domain.people import Person
from carnet.rules import assess

from .helpers import act, contract, euros, practitioner
from .test_golden import E, Golden, _run

ROWS = [
    # §1.1 GP child 0-6 (G + MEG): 31.50 € before 2024-12-22 (msp-rillieux-village.fr);
    # no PF under 18; deadline: end of the quarter two years later.
    Golden(
        "g-meg-31-50-on-2024-12-21",
        "2024-12-21",
        "G",
        "31.50",
        E("31.50", "0.70", "22.05", "0.00", "0.00", "9.45", "0.00", "0.00", "2026-12-31"),
        person_options={"age": 3},
    ),
    # §1.1 COB 30 € (csmf.org/tarifs), at 100 % as a compulsory child exam
    # (corrections 2026-12-06, service-public F10874).
    Golden(
        "cob-100-percent",
        "2025-03-01",
        "COB",
        "30",
        E("30.00", "1.00", "30.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2027-03-31"),
        person_options={"age": 8},
    ),
    # COE: 54 € until 2025-12-31; the 60 € planned for 2025-07-01 only from 2026-01-01
    # (corrections 2026-12-06, moneyvox.fr 103929).
    Golden(
        "coe-still-54-on-2025-12-31",
        "2025-12-31",
        "COE",
        "54",
        E("54.00", "1.00", "54.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2027-12-31"),
        person_options={"age": 5},
    ),
    # COH (paediatrician, compulsory exams 0-2): 45 € (csmf.org/tarifs), 100 %.
    Golden(
        "coh-45-in-2025",
        "2025-09-01",
        "COH",
        "45",
        E("45.00", "1.00", "45.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2027-09-30"),
        profession="specialist",
        specialty="pediatrics",
        person_options={"age": 1},
    ),
    Golden(
        "coh-50-from-2026-01-01",
        "2026-01-01",
        "COH",
        "50",
        E("50.00", "1.00", "50.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2028-03-31"),
        profession="specialist",
        specialty="pediatrics",
        person_options={"age": 1},
    ),
    # §1.1 CEK 2-6 y 35 € / CEG ≥ 6 y 31.50 € (csmf.org/tarifs), 70 %, no PF.
    Golden(
        "cek-35",
        "2025-03-01",
        "CEK",
        "35",
        E("35.00", "0.70", "24.50", "0.00", "0.00", "10.50", "0.00", "0.00", "2027-03-31"),
        profession="specialist",
        specialty="pediatrics",
        person_options={"age": 4},
    ),
    Golden(
        "ceg-31-50",
        "2025-03-01",
        "CEG",
        "31.50",
        E("31.50", "0.70", "22.05", "0.00", "0.00", "9.45", "0.00", "0.00", "2027-03-31"),
        profession="specialist",
        specialty="pediatrics",
        person_options={"age": 10},
    ),
    # CEH 39 € until 2025-12-31 (the 40 € step moved to 2026-01-01).
    Golden(
        "ceh-39-on-2025-12-31",
        "2025-12-31",
        "CEH",
        "39",
        E("39.00", "0.70", "27.30", "0.00", "0.00", "11.70", "0.00", "0.00", "2027-12-31"),
        profession="specialist",
        specialty="pediatrics",
        person_options={"age": 1},
    ),
    # Gériatre 37 € until 2025-12-31 (42 € from 2026-01-01, corrections 2026-12-06).
    Golden(
        "ger-37-on-2025-12-31",
        "2025-12-31",
        "GER",
        "37",
        E("37.00", "0.70", "23.90", "2.00", "0.00", "11.10", "2.00", "0.00", "2027-12-31"),
        profession="specialist",
        specialty="geriatrics",
    ),
    # APC 56.50 € before 2024-12-22 (europe1.fr), PF 2 € since 2024-05-15.
    Golden(
        "apc-56-50-on-2024-12-21",
        "2024-12-21",
        "APC",
        "56.50",
        E("56.50", "0.70", "37.55", "2.00", "0.00", "16.95", "2.00", "0.00", "2026-12-31"),
        profession="specialist",
    ),
    # §1.1 GP sector 2 non-OPTAM billing a dépassement: base 23 € (magnolia 2024, april
    # lexique): AMO 16.10 − 2 = 14.10 €; a 100 % contract pays the TM, 6.90 €.
    Golden(
        "gp-sector-2-non-optam-base-23",
        "2025-03-01",
        "G",
        "50",
        E("23.00", "0.70", "14.10", "2.00", "0.00", "6.90", "29.00", "27.00", "2027-03-31"),
        sector="2",
    ),
    # §4 sector 2 OPTAM: reimbursed on the sector-1 base, G 30 €.
    Golden(
        "gp-sector-2-optam-base-30",
        "2025-03-01",
        "G",
        "40",
        E("30.00", "0.70", "19.00", "2.00", "0.00", "9.00", "12.00", "10.00", "2027-03-31"),
        sector="2-optam",
    ),
    # §1.1 note: a sector-2 doctor billing at the tarif opposable is reimbursed on it,
    # MCS included (apga-asso.com): CS + MCS 31.50 €.
    Golden(
        "specialist-sector-2-at-tarif-opposable",
        "2026-03-02",
        "CS",
        "31.50",
        E("31.50", "0.70", "20.05", "2.00", "0.00", "9.45", "2.00", "0.00", "2028-03-31"),
        profession="specialist",
        sector="2",
    ),
    # §2 ALD: 100 % of the base, dépassements not covered by the AMO, PF still due
    # (amss42.fr): non-OPTAM specialist at 60 €, base 23 € → AMO 21 €.
    Golden(
        "ald-non-optam-specialist",
        "2025-03-01",
        "CS",
        "60",
        E("23.00", "1.00", "21.00", "2.00", "0.00", "0.00", "39.00", "37.00", "2027-03-31"),
        profession="specialist",
        sector="2",
        act_options={"ald": True},
        person_options={"ald": True},
    ),
    # §2 medicines at 30 % rise to 100 % under ALD (only the 15 % ones stay, corrections
    # 2026-12-06); the 1 € franchise per box is still due.
    Golden(
        "ph30-to-100-under-ald",
        "2026-03-02",
        "PH4",
        "10",
        E("10.00", "1.00", "9.00", "0.00", "1.00", "0.00", "1.00", "0.00", "2028-03-31"),
        profession="pharmacy",
        act_options={"ald": True},
        person_options={"ald": True},
        cover=None,
    ),
    # §1.3 midwife consultation 25 € before avenant 7 (2024-02-22), 70 %, no PF.
    Golden(
        "midwife-25-on-2024-02-21",
        "2024-02-21",
        "C",
        "25",
        E("25.00", "0.70", "17.50", "0.00", "0.00", "7.50", "0.00", "0.00", "2026-03-31"),
        profession="midwife",
    ),
    # §1.3 midwife key letter SF 3.20 € from 2025-01: SF 15 = 48 €.
    Golden(
        "midwife-sf-15",
        "2025-03-01",
        "SF",
        "48",
        E("48.00", "0.70", "33.60", "0.00", "0.00", "14.40", "0.00", "0.00", "2027-03-31"),
        profession="midwife",
        act_options={"coefficient": "15"},
    ),
    # §1.2 VG 30 € (home visit without MD).
    Golden(
        "home-visit-vg-alone",
        "2025-03-01",
        "VG",
        "30",
        E("30.00", "0.70", "19.00", "2.00", "0.00", "9.00", "2.00", "0.00", "2027-03-31"),
    ),
    # §3.3 maternity: the forfait patient urgences is not charged (exempt, corrections
    # 2026-12-06): the AMO pays it.
    Golden(
        "maternity-fpu-exempt",
        "2026-03-02",
        "FPU",
        "23",
        E("23.00", "1.00", "23.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2028-03-31"),
        profession="hospital",
        person_options={"maternity": True},
        cover=None,
    ),
    # Age boundaries, on the birthday itself. §5: no parcours penalty under 16 (corrections
    # 2026-12-06 confirm it); from 16 the penalty applies.
    Golden(
        "parcours-age-15-no-penalty",
        "2026-03-02",
        "G",
        "30",
        E("30.00", "0.70", "21.00", "0.00", "0.00", "9.00", "0.00", "0.00", "2028-03-31"),
        act_options={"parcours": "out"},
        person_options={"age": 15},
    ),
    Golden(
        "parcours-age-16-penalised",
        "2026-03-02",
        "G",
        "30",
        E("30.00", "0.30", "9.00", "0.00", "0.00", "9.00", "12.00", "0.00", "2028-03-31"),
        act_options={"parcours": "out"},
        person_options={"age": 16},
    ),
    # §3.1: PF exemption under 18 only; at 18 the 2 € are due.
    Golden(
        "pf-due-at-18",
        "2026-03-02",
        "G",
        "30",
        E("30.00", "0.70", "19.00", "2.00", "0.00", "9.00", "2.00", "0.00", "2028-03-31"),
        person_options={"age": 18},
    ),
    # §5 direct access to a psychiatrist from 16 to 25 (inclusive); at 26 it is out of
    # the parcours: CNPSY 57 − 5 (MCS) = 52 € at 30 %.
    Golden(
        "psychiatry-direct-age-25",
        "2026-03-02",
        "CNPSY",
        "57",
        E("57.00", "0.70", "37.90", "2.00", "0.00", "17.10", "2.00", "0.00", "2028-03-31"),
        profession="specialist",
        act_options={"parcours": "direct"},
        person_options={"age": 25},
    ),
    Golden(
        "psychiatry-direct-age-26-out",
        "2026-03-02",
        "CNPSY",
        "57",
        E("52.00", "0.30", "13.60", "2.00", "0.00", "15.60", "27.80", "5.00", "2028-03-31"),
        profession="specialist",
        act_options={"parcours": "direct"},
        person_options={"age": 26},
    ),
    # §3.3 the CSS pays the forfait journalier.
    Golden(
        "css-pays-forfait-journalier",
        "2026-03-02",
        "FJ",
        "23",
        E("23.00", "0.00", "0.00", "0.00", "0.00", "23.00", "0.00", "0.00", "2028-03-31"),
        profession="hospital",
        act_options={"coefficient": "1"},
        person_options={"css": True},
        cover=None,
    ),
]


@pytest.mark.parametrize("golden", ROWS, ids=[g.name for g in ROWS])
def test_fact_sheet_row(golden: Golden) -> None:
    e = golden.expect
    expected = (e.base, e.rate, e.amo, e.pf, e.franchise, e.amc, e.patient, e.depassement,
                e.deadline)  # fmt: skip
    assert _run(golden) == expected


def _born(day: date) -> Person:
    return Person(id=1, first_name="Bébé", last_name="Martin", birth_date=day)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "fee", "born", "amo", "patient"),
    [
        # Corrections of 2026-12-06: newborns are exempt from the forfait journalier and
        # the FPU (ameli "forfait hospitalier": hospitalised within 30 days of birth).
        ("FJ", "23", date(2026, 3, 2), "23.00", "0.00"),  # born that day
        ("FJ", "23", date(2026, 2, 1), "23.00", "0.00"),  # 29 days old
        ("FJ", "23", date(2026, 1, 31), "0.00", "23.00"),  # 30 days old: charged
        ("FJP", "17", date(2026, 2, 20), "17.00", "0.00"),
        ("FPU", "23", date(2026, 2, 20), "23.00", "0.00"),
    ],
)
def test_newborns_pay_no_hospital_forfait(
    code: str, fee: str, born: date, amo: str, patient: str
) -> None:
    care = act("2026-03-02", code, fee, coefficient="1" if code.startswith("FJ") else None)
    result, _ = assess(care, _born(born), practitioner("hospital"), None)
    assert (euros(result.amo_cents), euros(result.patient_cents)) == (amo, patient)


def test_a_newborn_with_a_contract_still_owes_nothing() -> None:
    """The AMO pays the newborn's forfait: nothing is left for the mutuelle."""
    care = act("2026-03-02", "FJ", "69", coefficient="3")
    result, _ = assess(care, _born(date(2026, 2, 25)), practitioner("hospital"), contract(100))
    assert (euros(result.amo_cents), euros(result.amc_cents), euros(result.patient_cents)) == (
        "69.00",
        "0.00",
        "0.00",
    )
    assert "rate.newborn" in [line.code for line in result.explanation]
