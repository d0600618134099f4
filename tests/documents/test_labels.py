"""Address labels on an Avery L7163 sheet (2 × 7, 99.1 × 38.1 mm)."""

from __future__ import annotations

from reportlab.lib.units import mm

from carnet.documents import AVERY_L7163, render_labels
from tests.documents.pdfs import all_text, page_count, placed_text
from tests.documents.samples import CPAM_PARIS, DAY, SENDER, strange_packet


def _label_index(left: float, top: float) -> int:
    """Which label of the sheet a point (mm) falls on; -1 between labels."""
    for index in range(AVERY_L7163.per_sheet):
        box = AVERY_L7163.outline(index)
        if box.left / mm <= left <= box.right / mm and box.top / mm <= top <= box.bottom / mm:
            return index
    return -1


def test_sheet_geometry_is_the_avery_l7163() -> None:
    assert AVERY_L7163.per_sheet == 14
    last = AVERY_L7163.outline(13)
    assert round(last.right / mm, 2) == 210 - 4.65
    assert round(last.bottom / mm, 2) == 297 - 15.15


def test_recipient_on_the_left_sender_on_the_right() -> None:
    pdf = render_labels(CPAM_PARIS, SENDER, day=DAY)
    assert page_count(pdf) == 1
    placed = placed_text(pdf)
    recipients = [item for item in placed if item.text == "CPAM de Paris"]
    senders = [item for item in placed if item.text == "Expéditeur :"]
    assert len(recipients) == 7 and len(senders) == 7
    assert sorted(_label_index(i.left, i.top) for i in recipients) == list(range(0, 14, 2))
    assert sorted(_label_index(i.left, i.top) for i in senders) == list(range(1, 14, 2))
    text = all_text(pdf)
    assert "75948 Paris Cedex 19" in text and "12 rue des Lilas" in text


def test_every_line_stays_on_its_label() -> None:
    packet = strange_packet()
    for item in placed_text(render_labels(packet.recipient, packet.sender, day=DAY)):
        assert _label_index(item.left, item.top) >= 0, item


def test_without_sender_the_whole_sheet_is_recipients() -> None:
    pdf = render_labels(CPAM_PARIS, day=DAY, pairs=7)
    assert all_text(pdf).count("CPAM de Paris") == 14


def test_skip_starts_on_a_partly_used_sheet_and_keeps_pairs_side_by_side() -> None:
    pdf = render_labels(CPAM_PARIS, SENDER, day=DAY, pairs=3, skip=11)
    assert page_count(pdf) == 2  # row 7 of the first sheet, then two rows of a new one
    first = placed_text(pdf, 0)
    assert [_label_index(i.left, i.top) for i in first if i.text == "CPAM de Paris"] == [12]
    second = placed_text(pdf, 1)
    assert sorted(_label_index(i.left, i.top) for i in second if i.text == "CPAM de Paris") == [
        0,
        2,
    ]


def test_labels_are_reproducible_and_escaped() -> None:
    packet = strange_packet()
    first = render_labels(packet.recipient, packet.sender, day=DAY)
    assert first == render_labels(packet.recipient, packet.sender, day=DAY)
    assert "<b>Zoé & Co</b>" in all_text(first)
