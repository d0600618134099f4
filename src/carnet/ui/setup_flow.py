"""The first-run assistant as plain data: its steps, the contract presets, the record.

No Qt here (as in Electrum's ``wizard.py``): the dialog in
:mod:`carnet.ui.dialogs.setup_wizard` only shows these steps and calls the
household service; what each step means, whether it can be skipped and what
a preset contract covers are decided here and tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from carnet.domain.contracts import ContractInput
from carnet.i18n import N_


@dataclass(frozen=True, slots=True)
class StepSpec:
    key: str
    title: str
    intro: str


STEPS = (
    StepSpec(
        "language",
        N_("Welcome to Carnet"),
        N_(
            "Carnet keeps track of your household's health care and of the money the "
            "Assurance Maladie and your mutuelle should pay back. A few questions help it "
            "get started; every answer can be skipped and changed later."
        ),
    ),
    StepSpec(
        "address",
        N_("Your address and your caisse"),
        N_(
            "Letters to your caisse carry your postal address. Your caisse (CPAM, or CGSS "
            "overseas) is where paper feuilles de soins go: type your département number, "
            "your postcode or your town to find it, and check its address against your "
            "attestation de droits."
        ),
    ),
    StepSpec(
        "people",
        N_("Your household"),
        N_(
            "Add each person whose care you pay for. Someone without a social security "
            "number yet can still be added: leave the number empty and say where the "
            "registration stands."
        ),
    ),
    StepSpec(
        "contract",
        N_("Your mutuelle"),
        N_(
            "If you have a complementary insurance (mutuelle), choose how much it covers, "
            "as written on your table of guarantees, in % of the base de remboursement."
        ),
    ),
    StepSpec(
        "bank",
        N_("Your bank account"),
        N_(
            "The account where reimbursements arrive, the one your CPAM has on file. "
            "Carnet uses it to recognise the transfers in the statements you import."
        ),
    ),
    StepSpec(
        "done",
        N_("All set"),
        N_("You can now log your care. Everything entered here is on the Household page."),
    ),
)
STEP_KEYS = tuple(step.key for step in STEPS)


@dataclass(frozen=True, slots=True)
class Preset:
    """A typical level of cover, in % of the base including the AMO share."""

    percent: int
    label: str


PRESETS = (
    Preset(100, N_("Ticket modérateur only (100 % of the base)")),
    Preset(150, N_("150 % of the base")),
    Preset(200, N_("200 % of the base")),
    Preset(300, N_("300 % of the base")),
)

# A contrat responsable covers non-OPTAM extra fees at most up to 100 % of the
# base, and 20 points less than OPTAM ones (docs/rules.md §4).
_NON_OPTAM_CAP = 200
_NON_OPTAM_GAP = 20


def preset_contract(insurer: str, number: str, percent: int, noemie: bool) -> ContractInput:
    """The contract of a preset level, with contrat-responsable limits for non-OPTAM fees."""
    non_optam = percent if percent <= 100 else min(percent - _NON_OPTAM_GAP, _NON_OPTAM_CAP)
    return ContractInput(
        insurer=insurer,
        number=number,
        default_percent=percent,
        optam_percent=percent,
        non_optam_percent=max(non_optam, 100),
        responsable=True,
        noemie=noemie,
    )


@dataclass
class SetupRecord:
    """What the assistant saved, for its last page."""

    people: list[str] = field(default_factory=list)
    contract: str = ""
    bank: str = ""
    address: str = ""
    caisse: str = ""

    def lines(self) -> list[tuple[str, str]]:
        """``(template, value)`` pairs to translate and show; empty parts are left out."""
        found: list[tuple[str, str]] = []
        if self.address:
            found.append((N_("Your address: {value}"), self.address))
        if self.caisse:
            found.append((N_("Your caisse: {value}"), self.caisse))
        found += [(N_("Person added: {value}"), p) for p in self.people]
        if self.contract:
            found.append((N_("Mutuelle contract: {value}"), self.contract))
        if self.bank:
            found.append((N_("Bank account: {value}"), self.bank))
        return found
