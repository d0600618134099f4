"""The reimbursement rules engine: pure functions over dated rule tables.

Entry points: :func:`assess` (one act), :func:`assess_year` (a person's acts in
order), :class:`DeductionLedger`, :func:`render_explanation` and
:func:`default_tables` (the shipped tables, with ``.version``).
"""

from carnet.rules.deadlines import claim_deadline
from carnet.rules.deductions import EMPTY_LEDGER, DeductionLedger
from carnet.rules.engine import assess, assess_year, chronological
from carnet.rules.errors import (
    MissingBaseError,
    NoTariffError,
    RulesError,
    RuleTableError,
    UnknownActError,
)
from carnet.rules.explain import render_all, render_explanation
from carnet.rules.tariffs import RuleTables, default_tables, load_tables

__all__ = [
    "EMPTY_LEDGER",
    "DeductionLedger",
    "MissingBaseError",
    "NoTariffError",
    "RuleTableError",
    "RuleTables",
    "RulesError",
    "UnknownActError",
    "assess",
    "assess_year",
    "chronological",
    "claim_deadline",
    "default_tables",
    "load_tables",
    "render_all",
    "render_explanation",
]
