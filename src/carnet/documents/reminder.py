"""The relance: a letter to the CPAM when a mailing brought no payment after some weeks.

It names the original mailing (date, registered-mail number, reference) and
lists the feuilles with their references, so the CPAM can find them. Paper
feuilles are commonly paid within 3–4 weeks; the services decide when to offer
this letter (``MailingService.unanswered``), the letter only says how long it has been.
"""

from __future__ import annotations

from reportlab.platypus.flowables import Flowable

from carnet.documents import rl
from carnet.documents.fonts import nbsp, unbroken
from carnet.documents.formats import count_fr, long_date_fr
from carnet.documents.inventory import feuille_table
from carnet.documents.letter import LetterHead, Reference, letter_story, render_letter
from carnet.documents.model import Reminder
from carnet.documents.styles import MARGIN, PAGE_WIDTH, styles


def subject_of(reminder: Reminder) -> str:
    return f"Relance – feuilles de soins envoyées le {long_date_fr(reminder.original_date)}"


def _references(reminder: Reminder) -> list[Reference]:
    references: list[Reference] = [
        ("Assuré(e)", reminder.insured.name),
        ("N° de sécurité sociale", nbsp(reminder.insured.nir_text)),
    ]
    if reminder.mailing_id:
        references.append(("Référence de l'envoi", reminder.mailing_id))
    return references


def _first_sentence(reminder: Reminder) -> str:
    sent = f"Le {long_date_fr(reminder.original_date)}, je vous ai adressé"
    if reminder.tracking:
        tracking = unbroken(reminder.tracking, 60)
        sent += f", par lettre recommandée avec accusé de réception n°\u00a0{tracking},"
    count = len(reminder.feuilles)
    feuilles = count_fr(count, "feuille de soins", "feuilles de soins")
    listed = "reprise ci-dessous" if count == 1 else "reprises ci-dessous"
    return f"{sent} {feuilles}, {listed}, accompagnée{'s' if count > 1 else ''} d'un bordereau."


def _waiting_sentence(reminder: Reminder) -> str:
    weeks = reminder.weeks_elapsed
    elapsed = count_fr(weeks, "semaine", "semaines")
    return (
        f"À ce jour, soit {elapsed} après cet envoi, je n'ai reçu ni remboursement ni demande "
        "de pièce complémentaire."
    )


def _body(reminder: Reminder) -> list[Flowable]:
    page = styles()
    request = (
        "Je vous remercie de bien vouloir m'indiquer où en est le traitement de ce dossier et, "
        "le cas échéant, de procéder au remboursement dans les meilleurs délais. Si ces documents "
        "ne vous étaient pas parvenus, je vous en adresserais volontiers une copie."
    )
    return [
        rl.paragraph(_first_sentence(reminder), page.body),
        rl.paragraph(_waiting_sentence(reminder), page.body),
        feuille_table(reminder.feuilles, PAGE_WIDTH - 2 * MARGIN, compact=True),
        rl.spacer(10),
        rl.paragraph(request, page.body),
    ]


def render_reminder(reminder: Reminder) -> bytes:
    """The reminder letter as PDF bytes (in French, whatever the UI language)."""
    head = LetterHead(
        sender=reminder.sender,
        recipient=reminder.recipient,
        place=reminder.place,
        day=reminder.date,
        signer=reminder.insured.name,
    )
    subject = subject_of(reminder)
    story = letter_story(head, subject, _references(reminder), _body(reminder), ())
    prefix = f"Relance – envoi {reminder.mailing_id} – " if reminder.mailing_id else "Relance – "
    return render_letter(head, subject, story, prefix)
