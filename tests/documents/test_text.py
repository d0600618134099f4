"""User text: escaping, normalisation, scripts beyond Latin, and random Unicode."""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carnet.documents import (
    Insured,
    Recipient,
    Sender,
    build_packet,
    render_labels,
    render_mutuelle_letter,
    render_reminder,
)
from carnet.documents.fonts import (
    CJK_CHINESE,
    CJK_JAPANESE,
    CJK_KOREAN,
    cjk_font_for,
    clean,
    markup,
    register_fonts,
    shorten,
)
from tests.documents.pdfs import all_text
from tests.documents.samples import demo_mutuelle, demo_packet, demo_reminder, feuille


def test_markup_escapes_what_reportlab_would_read_as_tags() -> None:
    assert markup("<b>Zoé & Co</b>") == "&lt;b&gt;Zoé &amp; Co&lt;/b&gt;"
    assert markup("a &nbsp; b") == "a &amp;nbsp; b"


def test_clean_normalises_and_drops_control_characters() -> None:
    decomposed = "Zoe\u0301"
    assert clean(decomposed) == "Zoé"
    assert unicodedata.is_normalized("NFC", clean(decomposed))
    assert clean("a\tb\nc\x00") == "a b c "
    assert clean("\ue000") == "\ufffd"  # private use


def test_shorten_marks_the_cut() -> None:
    assert shorten("abcdef", 10) == "abcdef"
    assert shorten("abcdef", 4) == "abc…"


def test_cjk_runs_switch_to_a_cid_font() -> None:
    assert markup("王小明 Wang") == f'<font face="{CJK_CHINESE}">王小明</font> Wang'
    assert cjk_font_for("山田はなこ") == CJK_JAPANESE
    assert cjk_font_for("김민준") == CJK_KOREAN
    assert markup("Ольга") == "Ольга"  # DejaVu has Cyrillic: no switch


def test_fonts_register_once_from_many_threads() -> None:
    threads = [threading.Thread(target=register_fonts) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    register_fonts()


def test_names_in_many_scripts_are_printed_and_extractable() -> None:
    names = (
        "Ольга Petrova",
        "Nguyễn Thị Hằng",
        "Małgorzata Wójcik-Żółć",
        "Γεώργιος Παπαδόπουλος",
        "Ærøskøbing Ødegård",
        "Şükrü Çağlayan",
    )
    feuilles = tuple(
        feuille(index + 1, (name, date(1990, 1, 1))) for index, name in enumerate(names)
    )
    text = all_text(build_packet(demo_packet(feuilles=feuilles), "fr"))
    for name in names:
        assert name in text, name


def test_cjk_arabic_and_emoji_names_do_not_crash() -> None:
    """CJK prints with a non-embedded CID font, Arabic unshaped (see fonts.py); no crash."""
    names = ("王小明", "山田 花子", "김민준", "محمد عبد الله", "שרה כהן", "Zoë 😀", "𠀀𠀁")
    feuilles = tuple(feuille(index + 1, (name, None)) for index, name in enumerate(names))
    packet = demo_packet(feuilles=feuilles, insured=Insured("王小明"))
    text = all_text(build_packet(packet, "en"))
    assert "王小明" in text  # the text layer keeps the characters


def test_very_long_fields_are_cut_not_fatal() -> None:
    huge = "Jean-" * 400
    packet = demo_packet(
        sender=Sender((huge,), (huge,)),
        insured=Insured(huge, huge),
        recipient=Recipient(huge, (huge, huge)),
        feuilles=(feuille(1, (huge, None), practitioner=huge, act=huge),),
    )
    assert build_packet(packet, "fr").startswith(b"%PDF")
    assert render_labels(packet.recipient, packet.sender, day=packet.date).startswith(b"%PDF")


_TEXT = st.text(max_size=120)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_TEXT, address=_TEXT, practitioner=_TEXT, act=_TEXT, tracking=_TEXT)
def test_random_unicode_never_crashes_the_renderers(
    name: str, address: str, practitioner: str, act: str, tracking: str
) -> None:
    sender = Sender((name,), (address, name))
    recipient = Recipient(name, (address,))
    one = feuille(1, (name, None), practitioner=practitioner, act=act)
    packet = demo_packet(
        sender=sender,
        insured=Insured(name, tracking),
        recipient=recipient,
        feuilles=(one,),
        tracking=tracking,
        mailing_id=tracking,
        iban_masked=address,
    )
    for language in ("en", "fr"):
        assert build_packet(packet, language).startswith(b"%PDF")
    assert render_labels(recipient, sender, day=packet.date).startswith(b"%PDF")
    reminder = replace(demo_reminder(), sender=sender, recipient=recipient, feuilles=(one,))
    assert render_reminder(reminder).startswith(b"%PDF")
    claim = replace(demo_mutuelle(), contract_number=tracking, feuilles=(one,))
    assert render_mutuelle_letter(claim).startswith(b"%PDF")
