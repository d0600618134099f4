"""Acts of the fact sheet that had no code in Carnet, each with a worked example.

docs/domain-fr.md §1.1-1.3 and its "Corrections of 2026-12-06" (the 2025-07-01 steps
took effect on 2026-01-01). Figures are worked out by hand from the row: AMO = base ×
rate − PF; the contract (100 % of the base) pays the ticket modérateur; the patient
pays the rest. Deadline: two years from the first day of the quarter after the care.
The source of each tariff is in resources/rules/tariffs.toml and in the comment.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from carnet.cli.estimate import estimate
from carnet.domain.practitioners import Profession
from carnet.rules import assess
from carnet.rules.errors import NoTariffError
from carnet.ui.act_proposal import act_choices

from .helpers import act, person, practitioner
from .test_golden import E, Golden, _run

ROWS = [
    # §1.1 consultation longue du médecin traitant, 60 € from 2026-01-01, 80 and over
    # (https://www.csmf.org/le-texte/gl-une-victoire-partielle/): 60 × 70 % − 2 = 40.
    Golden(
        "gl-60",
        "2026-03-02",
        "GL",
        "60",
        E("60.00", "0.70", "40.00", "2.00", "0.00", "18.00", "2.00", "0.00", "2028-03-31"),
        person_options={"age": 82},
    ),
    # GL2 (deprescription) is the same act under its sub-code.
    Golden(
        "gl2-alias",
        "2026-03-02",
        "GL2",
        "60",
        E("60.00", "0.70", "40.00", "2.00", "0.00", "18.00", "2.00", "0.00", "2028-03-31"),
        person_options={"age": 86},
    ),
    # §1.2 VL, very complex home visit, 60 € (msp-rillieux-village.fr;
    # https://corpalif.org/actualites/2024-12-17/consultations-complexes-realisees-au-domicile.html).
    Golden(
        "vl-60",
        "2026-02-10",
        "VL",
        "60",
        E("60.00", "0.70", "40.00", "2.00", "0.00", "18.00", "2.00", "0.00", "2028-03-31"),
        person_options={"age": 84},
    ),
    # VSP (palliative care at home), 60 €, same source; under ALD the rate is 100 % and
    # the PF is still charged: 60 − 2 = 58.
    Golden(
        "vsp-ald",
        "2026-02-10",
        "VSP",
        "60",
        E("60.00", "1.00", "58.00", "2.00", "0.00", "0.00", "2.00", "0.00", "2028-03-31"),
        act_options={"ald": True},
        person_options={"ald": True},
    ),
    # §1.1 téléexpertise, requested doctor: 20 €, 23 € from 2026-01-01, at 100 %
    # (https://vidal.fr/infos-pratiques/telesante-teleexpertise-medecins-liberaux-id16635.html).
    Golden(
        "te2-20-in-2025",
        "2025-11-03",
        "TE2",
        "20",
        E("20.00", "1.00", "20.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2027-12-31"),
        profession="specialist",
        specialty="dermatology",
    ),
    Golden(
        "te2-23-from-2026-gp",
        "2026-01-05",
        "TE2",
        "23",
        E("23.00", "1.00", "23.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2028-03-31"),
    ),
    # §1.1 consultation de recours à l'expertise pédiatrique, 60 €, from 2026-01-01
    # (moneyvox.fr 103759: postponed from 2025-07-01); a child pays no PF.
    Golden(
        "cep-60-child",
        "2026-02-02",
        "CEP",
        "60",
        E("60.00", "0.70", "42.00", "0.00", "0.00", "18.00", "0.00", "0.00", "2028-03-31"),
        profession="specialist",
        specialty="pediatrics",
        person_options={"age": 5},
    ),
    # §1.1 dermatologist melanoma screening: 54 € until 2025-12-31, 60 € from 2026-01-01
    # (goldy.fr; corrections 2026-12-06, moneyvox.fr 103759).
    Golden(
        "cde-54-in-2025",
        "2025-09-15",
        "CDE",
        "54",
        E("54.00", "0.70", "35.80", "2.00", "0.00", "16.20", "2.00", "0.00", "2027-09-30"),
        profession="specialist",
        specialty="dermatology",
    ),
    Golden(
        "cde-60-from-2026",
        "2026-01-02",
        "CDE",
        "60",
        E("60.00", "0.70", "40.00", "2.00", "0.00", "18.00", "2.00", "0.00", "2028-03-31"),
        profession="specialist",
        specialty="dermatology",
    ),
    # §1.3 M'T dents exam 3-24 y: 40 € / 52 € / 64 € from 2025-01-01, 100 % (boursorama.com
    # "ce que pourrait bientôt vous coûter une consultation chez le dentiste"); no PF for a
    # dentist; 30 € alone before (dentaire365.fr, 2021).
    Golden(
        "bdc-40",
        "2025-03-03",
        "BDC",
        "40",
        E("40.00", "1.00", "40.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2027-03-31"),
        profession="dentist",
        person_options={"age": 9},
    ),
    Golden(
        "br2-52",
        "2025-05-12",
        "BR2",
        "52",
        E("52.00", "1.00", "52.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2027-06-30"),
        profession="dentist",
        person_options={"age": 15},
    ),
    Golden(
        "br4-64-young-adult",
        "2025-06-10",
        "BR4",
        "64",
        E("64.00", "1.00", "64.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2027-06-30"),
        profession="dentist",
        person_options={"age": 21},
    ),
    Golden(
        "bdc-30-in-2024",
        "2024-10-01",
        "BDC",
        "30",
        E("30.00", "1.00", "30.00", "0.00", "0.00", "0.00", "0.00", "0.00", "2026-12-31"),
        profession="dentist",
        person_options={"age": 12},
    ),
    # §1.2 VL + MD (10 €) billed together: "VL : 60 euros + MD 10 euros" (mgfrance.org
    # "Élargissement des indications de la visite longue"): 70 × 70 % − 2 = 47.
    Golden(
        "vl-md-70",
        "2026-02-10",
        "VL+MD",
        "70",
        E("70.00", "0.70", "47.00", "2.00", "0.00", "21.00", "2.00", "0.00", "2028-03-31"),
        person_options={"age": 84},
    ),
    Golden(
        "vsp-md-70",
        "2025-05-05",
        "VSP+MD",
        "70",
        E("70.00", "0.70", "47.00", "2.00", "0.00", "21.00", "2.00", "0.00", "2027-06-30"),
    ),
    # §1.3 kiné télésoin TMK 2.15 € (kineactu.com, avenant 7): 8 × 2.15 = 17.20 at 60 %
    # = 10.32, less the 1 € paramedical franchise = 9.32; the contract pays the 40 % TM.
    Golden(
        "tmk-8",
        "2025-03-03",
        "TMK",
        "17.20",
        E("17.20", "0.60", "9.32", "0.00", "1.00", "6.88", "1.00", "0.00", "2027-03-31"),
        act_options={"coefficient": "8"},
        profession="physiotherapist",
    ),
]


@pytest.mark.parametrize("golden", ROWS, ids=[g.name for g in ROWS])
def test_new_act_code(golden: Golden) -> None:
    e = golden.expect
    expected = (e.base, e.rate, e.amo, e.pf, e.franchise, e.amc, e.patient, e.depassement,
                e.deadline)  # fmt: skip
    assert _run(golden) == expected


@pytest.mark.parametrize(("code", "day"), [("GL", "2025-12-31"), ("CEP", "2025-07-01")])
def test_an_act_created_on_2026_01_01_has_no_tariff_before(code: str, day: str) -> None:
    # The 2025-07-01 creation of CEP was suspended (corrections of 2026-12-06).
    care = act(day, code, "60")
    with pytest.raises(NoTariffError):
        assess(care, person(), practitioner("specialist" if code == "CEP" else "gp"), None)


@pytest.mark.parametrize(
    ("profession", "codes"),
    [
        (Profession.GP, {"GL", "VL", "VSP", "VL+MD", "VSP+MD", "TE2"}),
        (Profession.SPECIALIST, {"TE2", "CEP", "CDE"}),
        (Profession.DENTIST, {"BDC", "BR2", "BR4"}),
        (Profession.PHYSIOTHERAPIST, {"TMK"}),
    ],
)
def test_the_act_form_offers_the_new_codes(profession: Profession, codes: set[str]) -> None:
    offered = {choice.code: choice for choice in act_choices(profession)}
    assert codes <= set(offered)
    assert "GL2" not in offered  # an alias: GL is offered instead
    for code in codes:
        assert offered[code].label("fr") != offered[code].label("en")


def test_carnet_estimate_knows_the_consultation_longue() -> None:
    args = ["--date", "2026-03-02", "--act", "GL", "--fee", "60", "--age", "81", "--json"]
    result = CliRunner().invoke(estimate, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["base"], data["amo_rate"], data["amo"]) == ("60.00", "0.70", "40.00")
