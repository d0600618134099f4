"""Paper feuilles de soins and their life from the shoebox to payment.

The life cycle is a small state machine: each step a person takes (sign, copy,
put in an envelope, mail...) is an :class:`Step` allowed only from some states.
Keeping the table here, free of storage, lets the CLI, the GUI and the tests
share one definition of "what can I do next with this feuille".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from carnet.domain.codes import FeuilleStatus
from carnet.domain.ids import ActId, FeuilleId, MailingId, PersonId
from carnet.domain.messages import N_, Message


class Step(StrEnum):
    RELEASE = "release"  # the number arrived: the feuille can now be sent
    SIGN = "sign"
    COPY = "copy"
    ENCLOSE = "enclose"  # put in a mailing
    UNENCLOSE = "unenclose"
    MAIL = "mail"
    PAY = "pay"  # the CPAM paid
    CLOSE = "close"
    RETURN = "return"  # sent back or rejected by the CPAM
    HOLD = "hold"


_S = FeuilleStatus
TRANSITIONS: dict[Step, tuple[frozenset[FeuilleStatus], FeuilleStatus]] = {
    Step.HOLD: (frozenset({_S.TO_SIGN, _S.SIGNED, _S.COPIED}), _S.HELD),
    Step.RELEASE: (frozenset({_S.HELD}), _S.TO_SIGN),
    Step.SIGN: (frozenset({_S.TO_SIGN, _S.RETURNED}), _S.SIGNED),
    Step.COPY: (frozenset({_S.SIGNED}), _S.COPIED),
    Step.ENCLOSE: (frozenset({_S.SIGNED, _S.COPIED}), _S.IN_MAILING),
    # Back out of an envelope: "signed" so that the copy is suggested again.
    Step.UNENCLOSE: (frozenset({_S.IN_MAILING}), _S.SIGNED),
    Step.MAIL: (frozenset({_S.IN_MAILING}), _S.MAILED),
    Step.PAY: (frozenset({_S.MAILED, _S.RETURNED}), _S.AMO_PAID),
    Step.CLOSE: (frozenset({_S.AMO_PAID}), _S.CLOSED),
    Step.RETURN: (frozenset({_S.MAILED}), _S.RETURNED),
}

# What the household should do next, per state (shown in lists and on the dashboard).
# Plain msgids (marked for the catalogue): front ends translate them with gettext.
NEXT_ACTION: dict[FeuilleStatus, str] = {
    _S.HELD: N_("Keep it safe until the social security number arrives"),
    _S.TO_SIGN: N_("Sign the feuille"),
    _S.SIGNED: N_("Make a copy (photocopy or scan) for your records"),
    _S.COPIED: N_("Put it in an envelope to your CPAM"),
    _S.IN_MAILING: N_("Print the letter and mail the envelope"),
    _S.MAILED: N_("Wait for the CPAM payment"),
    _S.AMO_PAID: N_("Check the mutuelle payment"),
    _S.CLOSED: N_("Nothing left to do"),
    _S.RETURNED: N_("Correct the feuille, sign it again and resend it"),
}

# The stored values, as words inside a sentence ("cannot sign a feuille that is
# mailed"): the English is the value itself, so the English sentence is unchanged.
STATUS_WORDS = (
    N_("held"),
    N_("to-sign"),
    N_("signed"),
    N_("copied"),
    N_("in-mailing"),
    N_("mailed"),
    N_("amo-paid"),
    N_("closed"),
    N_("returned"),
)
STEP_WORDS = (
    N_("release"),
    N_("sign"),
    N_("copy"),
    N_("enclose"),
    N_("unenclose"),
    N_("mail"),
    N_("pay"),
    N_("close"),
    N_("return"),
    N_("hold"),
)

READY_TO_MAIL = frozenset({_S.SIGNED, _S.COPIED})
OPEN = frozenset({_S.HELD, _S.TO_SIGN, _S.SIGNED, _S.COPIED, _S.IN_MAILING, _S.RETURNED})


class TransitionError(ValueError):
    """A step that is not possible from the feuille's current state."""

    def __init__(self, step: Step, current: FeuilleStatus) -> None:
        self.text = Message(
            N_("cannot {step} a feuille that is {status}"),
            step=Message(step.value),
            status=Message(current.value),
        )
        super().__init__(self.text)


def next_status(current: FeuilleStatus, step: Step) -> FeuilleStatus:
    """The state after ``step``, or :class:`TransitionError` if it is not allowed now."""
    allowed, target = TRANSITIONS[step]
    if current not in allowed:
        raise TransitionError(step, current)
    return target


def allowed_steps(current: FeuilleStatus) -> list[Step]:
    return [step for step, (allowed, _) in TRANSITIONS.items() if current in allowed]


@dataclass(frozen=True, slots=True)
class Feuille:
    """A paper claim covering one or more acts of one beneficiary."""

    id: FeuilleId
    person_id: PersonId
    status: FeuilleStatus
    form: str = "cerfa-12541"
    received_on: date | None = None
    deadline: date | None = None
    mailing_id: MailingId | None = None
    reason: str = ""
    act_ids: tuple[ActId, ...] = ()

    @property
    def next_action(self) -> str:
        return NEXT_ACTION[self.status]

    def days_left(self, today: date) -> int | None:
        return None if self.deadline is None else (self.deadline - today).days
