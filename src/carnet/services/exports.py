"""Exports of acts, expected payments and bank matches (CSV, XLSX) and the full JSON dump."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from carnet.domain.money import to_decimal
from carnet.exports.tabular import Cell, Table, to_csv, to_xlsx
from carnet.i18n import Translator
from carnet.private_files import write_private
from carnet.services.base import Clock
from carnet.services.output_files import check_target
from carnet.storage import dump as storage_dump
from carnet.storage.repos.reports import ActExportRow, MatchExportRow, PaymentExportRow
from carnet.storage.store import Store

KINDS = ("acts", "payments", "matches")


def _money(value: int | None) -> Decimal | None:
    return None if value is None else to_decimal(value)


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


class ExportService:
    def __init__(self, store: Store, today: Clock = date.today) -> None:
        self.store = store
        self.today = today

    def table(self, kind: str, translator: Translator) -> Table:
        _ = translator.gettext
        headers: tuple[str, ...]
        if kind == "acts":
            headers = (
                _("Act"),
                _("Date"),
                _("Person"),
                _("Practitioner"),
                _("Code"),
                _("Category"),
                _("Fee"),
                _("Base"),
                _("AMO"),
                _("Mutuelle"),
                _("You pay"),
                _("Channel"),
                _("Tiers payant"),
                _("Claim by"),
            )
            rows = [self._act_row(r) for r in self.store.reports.acts_export()]
        elif kind == "payments":
            headers = (
                _("Payment"),
                _("Act"),
                _("Date of care"),
                _("Person"),
                _("Payer"),
                _("Amount"),
                _("Settled"),
                _("Expected from"),
                _("Expected by"),
                _("Status"),
            )
            rows = [self._payment_row(r) for r in self.store.reports.payments_export()]
        elif kind == "matches":
            headers = (
                _("Bank date"),
                _("Bank amount"),
                _("Label"),
                _("Counterparty"),
                _("Payment"),
                _("Act"),
                _("Allocated"),
                _("State"),
            )
            rows = [self._match_row(r) for r in self.store.reports.matches_export()]
        else:
            raise ValueError(kind)
        return Table(kind, headers, rows)

    def csv(self, kind: str, translator: Translator) -> bytes:
        return to_csv(self.table(kind, translator), translator.language)

    def xlsx(self, translator: Translator) -> bytes:
        return to_xlsx([self.table(kind, translator) for kind in KINDS])

    def write(self, what: str, language: str, out: Path) -> int:
        """Write an export to ``out``; returns its size in bytes.

        ``what``: a table of :data:`KINDS` (CSV), ``xlsx`` or ``json``. The file is
        readable by its owner only (it holds health data) and appears whole or not
        at all: it is written beside ``out``, then renamed over it.
        """
        data = self.render(what, language)
        check_target(out)  # a pipe or a device would be replaced by a file
        write_private(out, data)
        return len(data)

    def render(self, what: str, language: str) -> bytes:
        """The bytes of an export (``what`` as for :meth:`write`)."""
        translator = Translator(language)
        if what == "json":
            return self.json()
        if what == "xlsx":
            return self.xlsx(translator)
        return self.csv(what, translator)

    def json(self) -> bytes:
        data = storage_dump.dump(self.store.ledger.db)
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    def load_json(self, source: bytes | BinaryIO) -> int:
        """Load a JSON export into this (empty) database: every row checked, all or nothing.

        ``source``: the export's bytes, or a file open for binary reading (read as it goes).
        """
        from carnet.services.care import CareService  # noqa: PLC0415 (only when loading)
        from carnet.services.household import HouseholdService  # noqa: PLC0415
        from carnet.services.json_load import JsonLoader  # noqa: PLC0415

        household = HouseholdService(self.store, self.today)
        if isinstance(source, bytes):
            source = io.BytesIO(source)
        return JsonLoader(self.store, household, CareService(self.store, self.today)).load(source)

    @staticmethod
    def _act_row(r: ActExportRow) -> tuple[Cell, ...]:
        return (
            r.id,
            _day(r.date),
            r.person,
            r.practitioner,
            r.act_code,
            r.category,
            _money(r.fee_cents),
            _money(r.base_cents),
            _money(r.amo_cents),
            _money(r.amc_cents),
            _money(r.patient_cents),
            r.channel,
            r.payment_mode,
            _day(r.deadline),
        )

    @staticmethod
    def _payment_row(r: PaymentExportRow) -> tuple[Cell, ...]:
        return (
            r.id,
            r.act_id,
            _day(r.date),
            r.person,
            r.payer,
            _money(r.amount_cents),
            _money(r.settled_cents),
            _day(r.earliest),
            _day(r.latest),
            r.status,
        )

    @staticmethod
    def _match_row(r: MatchExportRow) -> tuple[Cell, ...]:
        return (
            _day(r.date),
            _money(r.amount_cents),
            r.label,
            r.counterparty,
            r.payment_id,
            r.act_id,
            _money(r.allocated_cents),
            r.state,
        )
