"""Messages of the core: English as ``str``, the same sentence in French when rendered."""

from __future__ import annotations

import json
import pickle
from datetime import date

import pytest

from carnet.bank import BankFileError, parse_statement
from carnet.domain.claims import Step, TransitionError, next_status
from carnet.domain.codes import FeuilleStatus
from carnet.domain.errors import NotFoundError, ValidationError
from carnet.domain.messages import N_, Message, render
from carnet.domain.validation import check_amount, check_date, check_nir
from carnet.i18n import Translator

FR = Translator("fr")
EN = Translator("en")


def test_a_message_is_its_english_text() -> None:
    message = Message(N_("enter {name}'s CPAM first"), name="Sarah Thompson")
    assert message == "enter Sarah Thompson's CPAM first"
    assert "CPAM first" in message
    assert json.dumps([message]) == '["enter Sarah Thompson\'s CPAM first"]'
    assert message.render(FR) == "saisissez d'abord la CPAM de Sarah Thompson"
    assert message.render(EN) == str(message)
    copy = pickle.loads(pickle.dumps(message))
    assert copy.render(FR) == message.render(FR)


def test_words_and_dates_inside_a_sentence_are_translated_too() -> None:
    refused = Message(
        N_("cannot {step} a feuille that is {status}"),
        step=Message("sign"),
        status=Message("mailed"),
    )
    assert refused == "cannot sign a feuille that is mailed"
    assert refused.render(FR) == "impossible de signer une feuille envoyée"
    future = Message(N_("{day} is in the future"), day=date(2030, 3, 14))
    assert future == "2030-03-14 is in the future"  # ISO in English, as before
    assert future.render(FR) == "le 14 mars 2030 est dans le futur"


def test_an_inner_sentence_loses_only_its_capital() -> None:
    advice = Message(
        N_("Send it within {days} days: {action}"),
        days=12,
        action=Message.inner("Put it in an envelope to your CPAM"),
    )
    assert advice == "Send it within 12 days: put it in an envelope to your CPAM"
    assert advice.render(FR) == (
        "À envoyer sous 12 jours : la mettre dans une enveloppe pour votre CPAM"
    )


def test_text_without_a_template_is_shown_as_it_is() -> None:
    assert Message("").render(FR) == ""  # not the catalogue's header
    assert Message.verbatim("is required").render(FR) == "is required"
    assert Message("{braces} stay").render(FR) == "{braces} stay"
    assert render("plain text", FR) == "plain text"


def test_validation_errors_keep_their_english_and_translate() -> None:
    with pytest.raises(ValidationError) as caught:
        check_amount(-1, "fee")
    error = caught.value
    assert str(error) == "fee: must not be negative"
    assert error.field == "fee" and error.message == "must not be negative"
    assert error.message.render(FR) == "ne doit pas être négatif"
    with pytest.raises(ValidationError) as later:
        check_date(date(2031, 1, 2), "date", today=date(2026, 11, 28))
    assert later.value.message.render(FR) == "le 2 janv. 2031 est dans le futur"


def test_a_service_error_built_from_a_message_keeps_its_parameters() -> None:
    with pytest.raises(TransitionError) as caught:
        next_status(FeuilleStatus.SIGNED, Step.SIGN)
    wrapped = ValidationError("step", caught.value.text)
    assert str(wrapped) == "step: cannot sign a feuille that is signed"
    assert wrapped.message.render(FR) == "impossible de signer une feuille signée"


def test_not_found_names_the_record_in_the_reader_s_language() -> None:
    error = NotFoundError("person", 12)
    assert str(error) == "no person with id 12"
    assert error.text.render(FR) == "personne introuvable (n° 12)"


def test_nir_warnings_translate() -> None:
    temporary = check_nir("7 88 03 99 132 045 57").warnings  # 7: a provisional number
    assert len(temporary) == 1 and "temporary number" in temporary[0]
    assert "ressemble à un numéro provisoire (NIA)" in temporary[0].render(FR)
    [mismatch] = check_nir("2 88 03 99 132 045 16", date(1988, 4, 14)).warnings
    assert mismatch == "nir: digits 2-5 (8803) do not match the birth date (8804)"
    assert mismatch.render(FR) == (
        "NIR : les chiffres 2 à 5 (8803) ne correspondent pas à la date de naissance (8804)"
    )
    with pytest.raises(ValidationError) as caught:
        check_nir("2 88 03 99 132 045 17")
    assert caught.value.message.render(FR) == (
        "numéro de sécurité sociale non valide (La clé de contrôle du numéro est fausse.)"
    )


def test_bank_file_errors_name_file_and_line_in_french() -> None:
    with pytest.raises(BankFileError) as empty:
        parse_statement(b"  \n", "vide.csv")
    assert str(empty.value) == "vide.csv: the file is empty"
    assert empty.value.text.render(FR) == "vide.csv : le fichier est vide"
    truncated = b"!Type:Bank\nD05/08/2025\nT-12,50\n"
    with pytest.raises(BankFileError) as cut:
        parse_statement(truncated, "releve.qif")
    assert cut.value.line == 2
    assert str(cut.value) == "releve.qif, line 2: the last record has no '^': the file is truncated"
    assert cut.value.text.render(FR) == (
        "releve.qif, ligne 2 : le dernier enregistrement n'a pas de « ^ » : le fichier est tronqué"
    )
    bad_date = b"!Type:Bank\nD31/02/2025\nT-12,50\n^\n"
    with pytest.raises(BankFileError) as impossible:
        parse_statement(bad_date, "releve.qif")
    assert impossible.value.text.render(FR).startswith("releve.qif, ligne 2 : date impossible")
