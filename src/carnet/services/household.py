"""Use cases for the household: people, practitioners and contracts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from carnet.domain import limits
from carnet.domain.banking import BankAccount, BankAccountInput
from carnet.domain.changes import Changes
from carnet.domain.contracts import Contract, ContractInput
from carnet.domain.errors import ValidationError, missing_record
from carnet.domain.ids import BankAccountId, ContractId, PersonId, PractitionerId
from carnet.domain.messages import Message
from carnet.domain.people import Person, PersonInput, Registration
from carnet.domain.practitioners import (
    Practitioner,
    PractitionerInput,
    Profession,
    check_specialty,
)
from carnet.domain.treating import TreatingDoctors
from carnet.domain.validation import (
    check_date,
    check_field,
    check_iban,
    check_nir,
    check_percent,
    check_rpps,
)
from carnet.i18n import N_
from carnet.services.assessing import Reassessor, Touched
from carnet.services.base import Clock, Result, Service
from carnet.services.caisses import caisse_warnings
from carnet.services.feuille_keeper import FeuilleKeeper
from carnet.services.settings import ADDRESS_PREFIX
from carnet.services.treating import TreatingHistory
from carnet.storage.store import Store

# Who may be declared médecin traitant: a physician (docs/rules.md §5).
DOCTORS = frozenset({Profession.GP, Profession.SPECIALIST})
ERASED_FIRST_NAME = "Erased"  # an erased person is "Erased #<id>"


class HouseholdService(Service):
    """Create, edit and list the people, practitioners and contracts.

    Edits that change how acts are reimbursed (a person's ALD or contract, a
    practitioner's sector, a contract's cover) reassess the acts concerned in
    the same transaction.
    """

    def __init__(self, store: Store, today: Clock = date.today) -> None:
        super().__init__(store, today)
        self.reassessor = Reassessor(store)
        self.keeper = FeuilleKeeper(store)
        self.treating = TreatingHistory(store)

    def _reassess(self, where: str, params: list[object]) -> Touched:
        return self.reassessor.many(self.store.acts.person_years(where, params))

    # -- people -----------------------------------------------------------------
    def add_person(self, data: PersonInput) -> Result[Person]:
        clean, warnings = self._clean_person(data, None)
        with self.store.transaction(N_("Add person")):
            person = self.store.people.insert(clean)
            self.store.events.record("person", person.id, "created", after=person)
            if clean.treating_doctor_id is not None:
                self.treating.declare(
                    person.id, clean.treating_doctor_id, clean.treating_declared_on, self.today()
                )
        return Result(person, Changes(people=frozenset({person.id}), warnings=warnings))

    def edit_person(self, person_id: PersonId, data: PersonInput) -> Result[Person]:
        clean, warnings = self._clean_person(data, person_id)
        with self.store.transaction(N_("Edit person")):
            doctors = self.treating.of(person_id)
            clean = self._declare_doctor(person_id, clean)
            before, after = self.store.people.update(person_id, clean)
            self.store.events.record("person", person_id, "edited", before, after=after)
            # A number just entered releases the feuilles kept while waiting for it (the
            # dependents' too), and their acts then expect their payments: release first.
            dependents = [p.id for p in self.people() if p.insured_id == person_id]
            feuilles = self.keeper.release([person_id, *dependents], self.today())
            everyone: list[object] = [person_id, *dependents]
            touched = (
                self._reassess(f"person_id IN ({', '.join('?' * len(everyone))})", everyone)
                if feuilles
                else self.reassessor.many(self._assessed_years(before, after, doctors))
            )
        changes = Changes(
            people=frozenset({person_id}), feuilles=frozenset(feuilles), warnings=warnings
        )
        return Result(after, changes | touched.changes())

    def _assessed_years(
        self, before: Person, after: Person, doctors: TreatingDoctors
    ) -> set[tuple[PersonId, int]]:
        """The person-years whose figures the edit of ``before`` into ``after`` can move.

        The engine reads these fields of the person whose care it is, never of the
        insured person (a number entered for the dependents releases feuilles, above).
        A new médecin traitant moves acts from the first day the history names another
        doctor (``doctors`` is the history before the edit): earlier years stay as they are.
        """
        changed = {
            name for name in _ASSESSED_FIELDS if getattr(before, name) != getattr(after, name)
        }
        if not changed:
            return set()
        where = "person_id = ?"
        params: list[object] = [after.id]
        if changed <= _TREATING_FIELDS:
            first = doctors.first_difference(self.treating.of(after.id))
            if first is None:
                return set()
            where += " AND date >= ?"
            params.append(first.replace(month=1, day=1).isoformat())
        return self.store.acts.person_years(where, params)

    def _declare_doctor(self, person_id: PersonId, data: PersonInput) -> PersonInput:
        """Keep the médecin traitant history; a change reassesses the acts with the person's."""
        old = self.store.people.get(person_id)
        doctor, since = data.treating_doctor_id, data.treating_declared_on
        if (old.treating_doctor_id, old.treating_declared_on) == (doctor, since):
            return data
        since = self.treating.declare(person_id, doctor, since, self.today())
        return replace(data, treating_declared_on=since)

    def treating_history(self, person_id: PersonId) -> TreatingDoctors:
        """Every médecin traitant the person declared, oldest first."""
        return self.treating.of(person_id)

    def person(self, person_id: PersonId) -> Person:
        return self.store.people.get(person_id)

    def people(self) -> list[Person]:
        return self.store.people.list(order_by="last_name, first_name, id")

    def _clean_person(
        self, data: PersonInput, person_id: PersonId | None
    ) -> tuple[PersonInput, tuple[Message, ...]]:
        first = check_field(data.first_name, "first_name", limits.NAME_PART)
        last = check_field(data.last_name, "last_name", limits.NAME_PART)
        if not first and not last:
            raise ValidationError("first_name", N_("a person needs a first or a last name"))
        today = self.today()
        check_date(data.birth_date, "birth_date", today=today)
        check_date(data.treating_declared_on, "treating_declared_on", today=today)
        self._check_maternity(data)
        nir, registration, warnings = self._nir_and_registration(data)
        self._check_unique_nir(nir, person_id)
        self._check_links(data, person_id)
        clean = replace(
            data,
            first_name=first,
            last_name=last,
            nir=nir,
            registration=registration,
            cpam=check_field(data.cpam, "cpam", limits.NAME),
            notes=check_field(data.notes, "notes", limits.NOTES),
        )
        typed = bool(self.store.settings.get(ADDRESS_PREFIX + clean.cpam))
        return clean, warnings + caisse_warnings(clean.cpam, typed)

    @staticmethod
    def _check_maternity(data: PersonInput) -> None:
        start, end = data.maternity_start, data.maternity_end
        if (start is None) != (end is None):
            raise ValidationError(
                "maternity_end", N_("give both the start and the end of the window")
            )
        if start is not None and end is not None and end < start:
            raise ValidationError("maternity_end", N_("ends before it starts"))

    @staticmethod
    def _nir_and_registration(
        data: PersonInput,
    ) -> tuple[str | None, Registration, tuple[Message, ...]]:
        text = (data.nir or "").strip()
        if not text:
            if data.registration in (Registration.REGISTERED, Registration.TEMPORARY_NUMBER):
                raise ValidationError("nir", N_("a registered person needs a number"))
            return None, data.registration or Registration.NOT_REGISTERED, ()
        checked = check_nir(text, data.birth_date, sex=data.sex)
        default = Registration.TEMPORARY_NUMBER if checked.temporary else Registration.REGISTERED
        return checked.nir, data.registration or default, checked.warnings

    def _check_unique_nir(self, nir: str | None, person_id: PersonId | None) -> None:
        """One number, one person: a dependent's care goes on the insured's number, but the
        dependent is not given that number."""
        if nir is None:
            return
        others = self.store.people.list("nir = ? AND id IS NOT ?", [nir, person_id])
        if others:
            raise ValidationError(
                "nir", N_("{name} already has this number"), name=others[0].full_name
            )

    def _check_links(self, data: PersonInput, person_id: PersonId | None) -> None:
        if data.insured_id is not None:
            if data.insured_id == person_id:
                raise ValidationError(
                    "insured_id", N_("a person cannot be their own insured person")
                )
            if not self.store.people.exists(data.insured_id):
                raise missing_record("insured_id", "person", data.insured_id)
            insured = self.store.people.get(data.insured_id)
            if insured.insured_id is not None:
                raise ValidationError(
                    "insured_id",
                    N_("{name} is a dependent; a dependent must point to an insured person"),
                    name=insured.full_name,
                )
        if data.treating_doctor_id is not None:
            if not self.store.practitioners.exists(data.treating_doctor_id):
                raise missing_record("treating_doctor_id", "practitioner", data.treating_doctor_id)
            doctor = self.store.practitioners.get(data.treating_doctor_id)
            if doctor.profession not in DOCTORS:
                raise ValidationError(
                    "treating_doctor_id",
                    N_("{name} is not a doctor: the médecin traitant is a GP or a specialist"),
                    name=doctor.name,
                )
        if data.contract_id is not None and not self.store.contracts.exists(data.contract_id):
            raise missing_record("contract_id", "contract", data.contract_id)

    # -- practitioners ------------------------------------------------------------
    def add_practitioner(self, data: PractitionerInput) -> Result[Practitioner]:
        clean = self._clean_practitioner(data)
        with self.store.transaction(N_("Add practitioner")):
            practitioner = self.store.practitioners.insert(clean)
            self.store.events.record("practitioner", practitioner.id, "created", after=practitioner)
        return Result(practitioner, Changes(practitioners=frozenset({practitioner.id})))

    def edit_practitioner(
        self, practitioner_id: PractitionerId, data: PractitionerInput
    ) -> Result[Practitioner]:
        clean = self._clean_practitioner(data)
        with self.store.transaction(N_("Edit practitioner")):
            before, after = self.store.practitioners.update(practitioner_id, clean)
            self.store.events.record("practitioner", practitioner_id, "edited", before, after=after)
            touched = (
                self._reassess("practitioner_id = ?", [practitioner_id])
                if (before.profession, before.specialty, before.sector)
                != (after.profession, after.specialty, after.sector)
                else Touched()
            )
        changes = Changes(practitioners=frozenset({practitioner_id}))
        return Result(after, changes | touched.changes())

    def practitioner(self, practitioner_id: PractitionerId) -> Practitioner:
        return self.store.practitioners.get(practitioner_id)

    def practitioners(self) -> list[Practitioner]:
        return self.store.practitioners.list(order_by="name, id")

    @staticmethod
    def _clean_practitioner(data: PractitionerInput) -> PractitionerInput:
        check_specialty(data.profession, data.specialty)
        rpps = check_rpps(data.rpps)
        spoken = {check_field(x, "languages", limits.LANGUAGE).lower() for x in data.languages}
        languages = tuple(sorted(spoken - {""}))
        if len(languages) > limits.LANGUAGES:
            raise ValidationError(
                "languages", N_("more than {count} languages"), count=limits.LANGUAGES
            )
        return replace(
            data,
            name=check_field(data.name, "name", limits.NAME, required=True),
            rpps=rpps,
            address=check_field(data.address, "address", limits.ADDRESS),
            languages=languages,
            notes=check_field(data.notes, "notes", limits.NOTES),
        )

    # -- forgetting -----------------------------------------------------------------
    def erase_identity(self, person_id: PersonId) -> Result[Person]:
        """Erase a person's identifying data, here and in the history, for good.

        The name becomes "Erased #<id>", and the birth date, social security
        number, CPAM and notes are cleared; every history entry about the person
        is rewritten the same way (the one change ever made to the append-only
        history), so that a household can honour a request to be forgotten. The
        acts stay (amounts, dates), now attached to nobody one can name. Backups
        made before still hold the data: the front ends say so.
        """
        erased: dict[str, object] = {
            "first_name": ERASED_FIRST_NAME,
            "last_name": f"#{person_id}",
            "birth_date": None,
            "nir": None,
            "cpam": "",
            "notes": "",
        }
        with self.store.transaction(N_("Erase a person's identifying data")):
            before = self.store.people.get(person_id)
            after = replace(before, **erased)  # type: ignore[arg-type]
            self.store.people.put(after)
            self.store.events.erase_fields("person", person_id, erased)
            # Recorded without the data: before and after are both the erased row.
            self.store.events.record("person", person_id, "erased", after, after=after)
            touched = (
                self._reassess("person_id = ?", [person_id])
                if _assessed_differently(before, after)
                else Touched()
            )
        return Result(after, Changes(people=frozenset({person_id})) | touched.changes())

    # -- contracts ----------------------------------------------------------------
    def add_contract(self, data: ContractInput) -> Result[Contract]:
        clean = self._clean_contract(data)
        with self.store.transaction(N_("Add contract")):
            contract = self.store.contracts.insert(clean)
            self.store.events.record("contract", contract.id, "created", after=contract)
        return Result(contract, Changes(contracts=frozenset({contract.id})))

    def edit_contract(self, contract_id: ContractId, data: ContractInput) -> Result[Contract]:
        clean = self._clean_contract(data)
        with self.store.transaction(N_("Edit contract")):
            before, after = self.store.contracts.update(contract_id, clean)
            self.store.events.record("contract", contract_id, "edited", before, after=after)
            touched = self._reassess(
                "person_id IN (SELECT id FROM person WHERE contract_id = ?)", [contract_id]
            )
        changes = Changes(contracts=frozenset({contract_id}))
        return Result(after, changes | touched.changes())

    def contract(self, contract_id: ContractId) -> Contract:
        return self.store.contracts.get(contract_id)

    def contracts(self) -> list[Contract]:
        return self.store.contracts.list(order_by="insurer, id")

    @staticmethod
    def _clean_contract(data: ContractInput) -> ContractInput:
        for name in ("default_percent", "optam_percent", "non_optam_percent"):
            check_percent(getattr(data, name), name)
        for guarantee in data.guarantees:
            check_percent(guarantee.percent_of_base, f"guarantee {guarantee.category}")
            if guarantee.flat_cents < 0:
                raise ValidationError(
                    f"guarantee {guarantee.category}", N_("flat amount is negative")
                )
        if data.non_optam_percent > data.optam_percent and data.responsable:
            raise ValidationError(
                "non_optam_percent",
                N_("a contrat responsable covers non-OPTAM doctors less than OPTAM ones"),
            )
        return replace(
            data,
            insurer=check_field(data.insurer, "insurer", limits.NAME, required=True),
            number=check_field(data.number, "number", limits.NUMBER),
            notes=check_field(data.notes, "notes", limits.NOTES),
        )

    # -- bank accounts ------------------------------------------------------------
    def add_bank_account(self, data: BankAccountInput) -> Result[BankAccount]:
        """The account reimbursements arrive on (the one on file at the CPAM)."""
        name = check_field(data.name, "name", limits.SHORT_NAME, required=True)
        iban = check_iban(data.iban) if data.iban.strip() else ""
        if any(a.name == name for a in self.bank_accounts()):
            raise ValidationError(
                "name", N_("an account named {name} already exists"), name=repr(name)
            )
        bank = check_field(data.bank, "bank", limits.NAME)
        clean = replace(data, name=name, iban=iban, bank=bank)
        with self.store.transaction(N_("Add bank account")):
            account = self.store.bank_accounts.insert(clean)
            self.store.events.record("bank_account", account.id, "created", after=account)
        return Result(account, Changes(bank=frozenset({account.id})))

    def bank_accounts(self) -> list[BankAccount]:
        return self.store.bank_accounts.list(order_by="name")

    def bank_account(self, account_id: BankAccountId) -> BankAccount:
        return self.store.bank_accounts.get(account_id)


# What the rules engine reads of a person: a change elsewhere (a name, the CPAM,
# notes) leaves every expected amount as it was, so the acts are not reassessed.
_ASSESSED_FIELDS = (
    "birth_date",
    "ald",
    "css",
    "ame",
    "maternity_start",
    "maternity_end",
    "contract_id",
    "treating_doctor_id",
    "treating_declared_on",
)
_TREATING_FIELDS = frozenset({"treating_doctor_id", "treating_declared_on"})


def _assessed_differently(before: Person, after: Person) -> bool:
    return any(getattr(before, f) != getattr(after, f) for f in _ASSESSED_FIELDS)
