"""Use cases for care acts: log, edit, delete, list; each reassesses the person's year."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields, replace
from datetime import date
from decimal import Decimal
from functools import cached_property

from carnet.domain import limits
from carnet.domain.act_query import ActSummary
from carnet.domain.assessment import Assessment
from carnet.domain.care import ActInput, CareAct
from carnet.domain.changes import Changes
from carnet.domain.codes import Channel, Parcours, PaymentMode
from carnet.domain.errors import ValidationError, missing_record
from carnet.domain.events import Event
from carnet.domain.ids import ActId, ExpectedPaymentId, PersonId, PractitionerId
from carnet.domain.messages import Message
from carnet.domain.payments import ExpectedPayment
from carnet.domain.people import Person
from carnet.domain.validation import check_amount, check_date, check_field
from carnet.i18n import N_
from carnet.rules import claim_deadline, default_tables
from carnet.services.assessing import Reassessor
from carnet.services.base import Clock, Result, Service
from carnet.services.feuille_keeper import FeuilleKeeper
from carnet.storage.store import Store


class CareService(Service):
    """Logs care acts and keeps their assessments and expected payments current."""

    def __init__(self, store: Store, today: Clock = date.today) -> None:
        super().__init__(store, today)
        self.reassessor = Reassessor(store)
        self.feuilles = FeuilleKeeper(store)

    @cached_property
    def _known_codes(self) -> frozenset[str]:
        # Profession-specific variants are stored as "midwife:C"; people type the bare code.
        return frozenset(code.rpartition(":")[2] for code in default_tables().acts.codes())

    def add_act(self, data: ActInput) -> Result[CareAct]:
        clean = self._clean(data)
        with self.store.transaction(N_("Add act")):
            act = self.store.acts.insert(clean)
            self.store.events.record("act", act.id, "created", after=act)
            touched = self.reassessor.person_year(act.person_id, act.date.year)
            feuilles = self.feuilles.sync_acts([act])
        changes = Changes(
            acts=frozenset({act.id}),
            feuilles=frozenset(feuilles),
            warnings=self._no_vitale(act) + self._late(act),
        )
        return Result(act, changes | touched.changes())

    def same_day_twins(self, data: ActInput, ignore: ActId | None = None) -> list[CareAct]:
        """Acts already logged for the same person, day, code and fee (a double entry?)."""
        code = data.act_code.strip().upper()
        return [
            act
            for act in self.store.acts.for_person_year(data.person_id, data.date.year)
            if act.date == data.date
            and act.act_code == code
            and act.fee_cents == data.fee_cents
            and act.id != ignore
        ]

    def _no_vitale(self, act: CareAct) -> tuple[Message, ...]:
        """A carte Vitale carries a number: without one, care paid in full goes on paper.

        The act form refuses it and offers paper; here (imports, the CLI) it is logged with
        a warning. Under tiers payant the practitioner claims from the attestation de
        droits: nothing for the household to do.
        """
        if act.channel is not Channel.VITALE or act.payment_mode is not PaymentMode.PAID_IN_FULL:
            return ()
        person = self.store.people.get(act.person_id)
        insured = None if person.insured_id is None else self.store.people.get(person.insured_id)
        if not _no_number(person, insured):
            return ()
        return (
            Message(
                N_(
                    "{name} has no social security number yet, so no carte Vitale: "
                    "choose a paper feuille, kept until the number arrives"
                ),
                name=person.full_name,
            ),
        )

    def _late(self, act: CareAct) -> tuple[Message, ...]:
        """A warning when the act is logged after its claim deadline (art. L.332-1 CSS)."""
        deadline = claim_deadline(act.date)
        if deadline >= self.today():
            return ()
        return (
            Message(
                N_(
                    "act {number} ({day}) is past its two-year claim deadline ({deadline}): "
                    "the caisse may refuse to reimburse it"
                ),
                number=act.id,
                day=act.date,
                deadline=deadline,
            ),
        )

    def add_acts(self, items: list[ActInput]) -> Result[list[CareAct]]:
        """Log many acts in one transaction (imports, the demo generator)."""
        named = NamedRecords(self.store)  # thousands of acts name the same few people
        cleaned = [self._clean(item, named) for item in items]
        with self.store.transaction(N_("Add acts")):
            rows = self.store.acts.insert_rows(list(cleaned))
            self.store.events.record_rows("act", "created", rows)  # the rows as written
            acts = self.store.acts.from_rows(rows)
            touched = self.reassessor.many({(a.person_id, a.date.year) for a in acts})
            feuilles = self.feuilles.sync_acts(acts)
        ids = frozenset(a.id for a in acts)
        return Result(acts, Changes(acts=ids, feuilles=frozenset(feuilles)) | touched.changes())

    def edit_act(self, act_id: ActId, data: ActInput) -> Result[CareAct]:
        clean = self._clean(data)
        with self.store.transaction(N_("Edit act")):
            before, after = self.store.acts.update(act_id, clean)
            self.store.events.record("act", act_id, "edited", before, after=after)
            touched = self.reassessor.many(
                {(before.person_id, before.date.year), (after.person_id, after.date.year)}
            )
            feuilles = self.feuilles.sync_acts([after])
        changes = Changes(acts=frozenset({act_id}), feuilles=frozenset(feuilles))
        return Result(after, changes | touched.changes())

    def set_parcours(self, act_id: ActId, parcours: Parcours | None) -> Result[CareAct]:
        """Say where an act stands in the parcours (``None``: work it out again).

        The detail panel's "not referred" and ``act edit --parcours`` use it.
        """
        act = self.store.acts.get(act_id)
        data = ActInput(**{f.name: getattr(act, f.name) for f in fields(ActInput)})
        return self.edit_act(act_id, replace(data, parcours=parcours))

    def reassess_all(self) -> Result[int]:
        """Work every act out again with the rules of this version; returns how many.

        Stored figures stay as they were computed: after an update of Carnet (new
        rule tables, the parcours worked out from the médecin traitant) this brings
        every act, and the money expected for it, up to date in one transaction.
        """
        with self.store.transaction(N_("Reassess every act")):
            touched = self.reassessor.many(self.store.acts.person_years("1", []))
        return Result(len(touched.acts), touched.changes())

    def reassess_after_upgrade(self) -> Result[int]:
        """:meth:`reassess_all` once after a migration upgraded the file, in the same
        transaction as clearing the migration's mark (see ``Store.reassess_pending``)."""
        with self.store.transaction(N_("Reassess every act")):
            result = self.reassess_all()
            self.store.clear_reassess_pending()
        return result

    def delete_act(self, act_id: ActId) -> Result[CareAct]:
        with self.store.transaction(N_("Delete act")):
            abroad = self.store.abroad.for_act(act_id)
            if abroad is not None:  # recorded, not left to the cascade, so undo brings it back
                self.store.abroad.delete(abroad.id)
                self.store.events.record("act_abroad", abroad.id, "deleted", abroad)
            before = self.store.acts.delete(act_id)
            self.store.events.record("act", act_id, "deleted", before=before)
            touched = self.reassessor.person_year(before.person_id, before.date.year)
            feuilles = self.feuilles.drop_empty()
        changes = Changes(acts=frozenset({act_id}), feuilles=frozenset(feuilles))
        return Result(before, changes | touched.changes())

    # -- reading -------------------------------------------------------------------
    def act(self, act_id: ActId) -> CareAct:
        return self.store.acts.get(act_id)

    def summaries(self) -> list[ActSummary]:
        return self.store.acts.summaries()

    def payments_by_id(
        self, ids: Iterable[ExpectedPaymentId]
    ) -> dict[ExpectedPaymentId, ExpectedPayment]:
        return self.store.payments.by_ids(sorted(ids))

    def years(self) -> list[int]:
        """The calendar years that have care, earliest first (without reading every act)."""
        return self.store.acts.years()

    def summary(self, act_id: ActId) -> ActSummary:
        found = self.store.acts.summaries(act_id)
        if not found:
            self.store.acts.get(act_id)  # raises NotFoundError with the right words
        return found[0]

    def assessment(self, act_id: ActId) -> Assessment | None:
        return self.store.assessments.get(act_id)

    def expected_payments(self, act_id: ActId) -> list[ExpectedPayment]:
        return self.store.payments.for_act(act_id)

    def history(self, act_id: ActId) -> list[Event]:
        return self.store.events.for_entity("act", act_id)

    def count(self) -> int:
        return self.store.count_acts()

    # -- validation ----------------------------------------------------------------
    def _check_person(self, data: ActInput, person: Person) -> None:
        if person.birth_date is not None and data.date < person.birth_date:
            raise ValidationError(
                "date",
                N_("{day} is before {name} was born ({birth})"),
                day=data.date,
                name=f"{person.first_name} {person.last_name}".strip(),
                birth=person.birth_date,
            )

    def _clean(self, data: ActInput, named: NamedRecords | None = None) -> ActInput:
        named = named or NamedRecords(self.store)
        person = named.person(data.person_id)
        if data.practitioner_id is not None:
            named.check_practitioner(data.practitioner_id)
        check_date(data.date, "date", today=self.today())
        check_amount(data.fee_cents, "fee")
        if data.base_override_cents is not None:
            check_amount(data.base_override_cents, "base")
        _check_decimal(data.rate_override, "rate", upper=Decimal(1))
        _check_decimal(data.coefficient, "coefficient", upper=Decimal(1000))
        code = check_field(data.act_code, "act", limits.CODE, required=True).upper()
        if code not in self._known_codes:
            raise ValidationError(
                "act",
                N_("unknown act code {code}"),
                code=repr(code),
            )
        notes = check_field(data.notes, "notes", limits.NOTES)
        self._check_person(data, person)
        return replace(data, act_code=code, notes=notes)


class NamedRecords:
    """The people and practitioners acts name, each read once for a batch of acts."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.people: dict[PersonId, Person] = {}
        self.practitioners: set[PractitionerId] = set()

    def person(self, person_id: PersonId) -> Person:
        found = self.people.get(person_id)
        if found is None:
            if not self.store.people.exists(person_id):
                raise missing_record("person", "person", person_id)
            found = self.people[person_id] = self.store.people.get(person_id)
        return found

    def check_practitioner(self, practitioner_id: PractitionerId) -> None:
        if practitioner_id in self.practitioners:
            return
        if not self.store.practitioners.exists(practitioner_id):
            raise missing_record("practitioner", "practitioner", practitioner_id)
        self.practitioners.add(practitioner_id)


def _no_number(person: Person, insured: Person | None) -> bool:
    return not person.nir and (insured is None or not insured.nir)


def _check_decimal(value: Decimal | None, field: str, *, upper: Decimal) -> None:
    if value is None:
        return
    if not value.is_finite() or value < 0 or value > upper:
        raise ValidationError(field, N_("must be between 0 and {upper}"), upper=str(upper))
