"""``carnet estimate``: what the AMO, the mutuelle and you pay for one act.

Runs the rules engine alone, on a person, practitioner and contract built from
the options; it never opens the database. Without ``--parcours`` the parcours
is worked out as ``act add`` does, from ``--doctor``: by default the
practitioner is the person's médecin traitant (``no``: the person has another
one; ``none``: no médecin traitant declared). No earlier deductions this year.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

import click

from carnet.domain.assessment import Assessment
from carnet.domain.care import CareAct
from carnet.domain.codes import Parcours, PaymentMode
from carnet.domain.contracts import Contract
from carnet.domain.ids import ActId, ContractId, PersonId, PractitionerId
from carnet.domain.money import AmountError, Cents, format_plain, parse_euros
from carnet.domain.people import Person
from carnet.domain.practitioners import Practitioner, Profession, Sector, Specialty
from carnet.i18n import system_language
from carnet.rules import (
    MissingBaseError,
    NoTariffError,
    RulesError,
    UnknownActError,
    assess,
    default_tables,
    render_all,
)
from carnet.rules.explain import parcours_reason

_PERSON = PersonId(0)
_MAX_AGE = 130
_PRACTITIONER = PractitionerId(0)
# --doctor: who the person's médecin traitant is (this practitioner, another one, nobody).
_DOCTORS: dict[str, PractitionerId | None] = {
    "yes": _PRACTITIONER,
    "no": PractitionerId(-1),
    "none": None,
}


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _parse_fee(_ctx: click.Context, _param: click.Parameter, value: str) -> Cents:
    try:
        amount = parse_euros(value)
    except AmountError as exc:
        raise click.BadParameter(str(exc)) from None
    if amount < 0:
        raise click.BadParameter("a fee cannot be negative")
    return amount


def _parse_optional_fee(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> Cents | None:
    return None if value is None else _parse_fee(ctx, param, value)


def _parse_coefficient(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> Decimal | None:
    if value is None:
        return None
    try:
        coefficient = Decimal(value.replace(",", "."))
    except InvalidOperation:
        raise click.BadParameter(f"{value!r} is not a number") from None
    if not coefficient.is_finite() or coefficient <= 0:
        raise click.BadParameter("must be a positive number")
    return coefficient


@click.command("estimate")
@click.option(
    "--date", "day", required=True, callback=_parse_date, help="Date of care (YYYY-MM-DD)."
)
@click.option("--act", "code", required=True, help="Act code, e.g. G, CS, AMK, PH7.")
@click.option("--fee", required=True, callback=_parse_fee, help="Fee charged, in euros.")
@click.option(
    "--sector",
    type=click.Choice([s.value for s in Sector]),
    default=Sector.S1.value,
    show_default=True,
    help="Practitioner's sector.",
)
@click.option(
    "--parcours",
    type=click.Choice([p.value for p in Parcours]),
    help="Situation in the parcours de soins (default: worked out from --doctor).",
)
@click.option(
    "--doctor",
    type=click.Choice(list(_DOCTORS)),
    default="yes",
    show_default=True,
    help="Is this practitioner the médecin traitant (yes), another doctor is (no), "
    "or none is declared (none).",
)
@click.option("--age", type=click.IntRange(0, _MAX_AGE), help="Patient's age (default: adult).")
@click.option("--ald", is_flag=True, help="Care linked to an ALD.")
@click.option("--css", is_flag=True, help="Patient has the complémentaire santé solidaire.")
@click.option("--maternity", is_flag=True, help="Within the maternity period.")
@click.option("--ame", is_flag=True, help="Patient has the aide médicale de l'État.")
@click.option(
    "--tiers-payant",
    "tiers_payant",
    type=click.Choice([m.value for m in PaymentMode]),
    default="none",
    show_default=True,
    help="Who paid the practitioner.",
)
@click.option(
    "--amc-percent",
    type=click.IntRange(0, 1000),
    default=100,
    show_default=True,
    help="Mutuelle cover in % of the base (100 = ticket modérateur; 0 = none).",
)
@click.option(
    "--coefficient",
    callback=_parse_coefficient,
    help="Coefficient of a key letter (AMK 8.4) or number of boxes.",
)
@click.option(
    "--base",
    "base",
    callback=_parse_optional_fee,
    help="Base written on the feuille, in euros (overrides the tariff).",
)
@click.option(
    "--profession",
    type=click.Choice([p.value for p in Profession]),
    help="Practitioner's profession (default: the act's).",
)
@click.option(
    "--specialty",
    type=click.Choice([s.value for s in Specialty if s.value]),
    help="Practitioner's specialty (default: the act's).",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "fr"]),
    default=system_language,
    show_default="the system's language",
    help="Language of the explanation.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def estimate(
    *,
    day: date,
    code: str,
    fee: Cents,
    sector: str,
    parcours: str | None,
    doctor: str,
    age: int | None,
    ald: bool,
    css: bool,
    maternity: bool,
    ame: bool,
    tiers_payant: str,
    amc_percent: int,
    coefficient: Decimal | None,
    base: Cents | None,
    profession: str | None,
    specialty: str | None,
    lang: str,
    as_json: bool,
) -> None:
    """Estimate the reimbursement of one act without touching the database."""
    tables = default_tables()
    try:
        definition = tables.acts.find(code, Profession(profession) if profession else None)
    except UnknownActError:
        raise click.BadParameter(f"unknown act code {code!r}", param_hint="'--act'") from None
    act = CareAct(
        id=ActId(0),
        person_id=_PERSON,
        practitioner_id=_PRACTITIONER,
        date=day,
        act_code=code,
        fee_cents=fee,
        payment_mode=PaymentMode(tiers_payant),
        parcours=None if parcours is None else Parcours(parcours),
        ald_related=ald,
        coefficient=coefficient,
        base_override_cents=base,
    )
    practitioner = Practitioner(
        id=_PRACTITIONER,
        name="",
        profession=definition.profession if profession is None else Profession(profession),
        specialty=definition.specialty if specialty is None else Specialty(specialty),
        sector=Sector(sector),
    )
    person = _person(day, age, _DOCTORS[doctor], ald=ald, css=css, maternity=maternity, ame=ame)
    contract = None if amc_percent == 0 else _contract(amc_percent)
    try:
        assessment, _ledger = assess(act, person, practitioner, contract, tables=tables)
    except NoTariffError as exc:
        raise click.BadParameter(str(exc), param_hint="'--date'") from None
    except MissingBaseError as exc:
        raise click.BadParameter(str(exc), param_hint="'--base'") from None
    except RulesError as exc:
        raise click.UsageError(str(exc)) from None
    lines = render_all(assessment.explanation, lang)
    if as_json:
        data = to_json(assessment, lines)
        data["parcours_reason"] = parcours_reason(assessment, lang)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(_table(assessment, lines))


def _person(
    day: date,
    age: int | None,
    doctor: PractitionerId | None,
    *,
    ald: bool,
    css: bool,
    maternity: bool,
    ame: bool,
) -> Person:
    born = None if age is None else _birth_date(day, age)
    window = day if maternity else None
    return Person(
        id=_PERSON,
        first_name="",
        last_name="",
        birth_date=born,
        treating_doctor_id=doctor,
        ald=ald,
        css=css,
        ame=ame,
        maternity_start=window,
        maternity_end=window,
    )


def _birth_date(day: date, age: int) -> date:
    """A birth date giving exactly ``age`` on ``day`` (29 February falls back a day)."""
    try:
        return day.replace(year=day.year - age)
    except ValueError:
        return (day - timedelta(days=1)).replace(year=day.year - age)


def _contract(percent: int) -> Contract:
    return Contract(
        id=ContractId(0),
        insurer="",
        default_percent=percent,
        optam_percent=percent,
        non_optam_percent=percent,
        responsable=True,
    )


def to_json(assessment: Assessment, lines: list[str]) -> dict[str, object]:
    """The JSON document of ``--json``: amounts as two-decimal strings."""
    return {
        "category": assessment.category,
        "fee": format_plain(assessment.fee_cents),
        "base": format_plain(assessment.base_cents),
        "amo_rate": f"{assessment.amo_rate:.2f}",
        "amo_gross": format_plain(assessment.amo_gross_cents),
        "participation_forfaitaire": format_plain(assessment.participation_cents),
        "franchise": format_plain(assessment.franchise_cents),
        "amo": format_plain(assessment.amo_cents),
        "amc": format_plain(assessment.amc_cents),
        "patient": format_plain(assessment.patient_cents),
        "depassement": format_plain(assessment.depassement_cents),
        "withheld": format_plain(assessment.withheld_cents),
        "amo_to_household": assessment.amo_to_household,
        "amc_to_household": assessment.amc_to_household,
        "deadline": assessment.deadline.isoformat(),
        "confidence": assessment.confidence,
        "rules_version": assessment.rules_version,
        "parcours": assessment.parcours or None,
        "parcours_cost": format_plain(assessment.parcours_cost_cents),
        "explanation": lines,
    }


def _table(assessment: Assessment, lines: list[str]) -> str:
    rows = [
        ("Fee", format_plain(assessment.fee_cents)),
        ("Base", format_plain(assessment.base_cents)),
        ("AMO rate", f"{assessment.amo_rate:.2f}"),
        ("Participation forfaitaire", format_plain(assessment.participation_cents)),
        ("Franchise", format_plain(assessment.franchise_cents)),
        ("AMO", format_plain(assessment.amo_cents)),
        ("AMC", format_plain(assessment.amc_cents)),
        ("Patient", format_plain(assessment.patient_cents)),
        ("Dépassement", format_plain(assessment.depassement_cents)),
        ("Deadline", assessment.deadline.isoformat()),
        ("Parcours", assessment.parcours or "-"),
        ("Parcours cost", format_plain(assessment.parcours_cost_cents)),
        ("Category", assessment.category),
        ("Confidence", assessment.confidence),
        ("Rules version", assessment.rules_version),
    ]
    width = max(len(label) for label, _ in rows)
    text = [f"{label:<{width}}  {value:>12}" for label, value in rows]
    return "\n".join([*text, "", *(f"- {line}" for line in lines)])
