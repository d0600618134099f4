"""The full packet: its order, its page numbering and byte-for-byte reproducibility."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pypdf

from carnet.documents import build_packet, build_packet_with_hash, sha256_hex
from tests.documents.pdfs import all_text, page_count, pages_text
from tests.documents.samples import demo_packet, many_feuilles, strange_packet

ROOT = Path(__file__).resolve().parents[2]


def test_letter_then_inventory_then_checklist() -> None:
    pages = pages_text(build_packet(demo_packet(), "en"))
    assert len(pages) == 3
    assert "Objet : Demande de remboursement" in pages[0]
    assert "Bordereau des feuilles de soins" in pages[1] and "Page 1/1" in pages[1]
    assert "Checklist – mailing C-2026-0007" in pages[2] and "page 1/1" in pages[2]


def test_forty_feuilles_number_each_part_on_its_own() -> None:
    pdf = build_packet(demo_packet(feuilles=many_feuilles(40)), "fr")
    pages = pages_text(pdf)
    assert len(pages) == 5
    assert "Page " not in pages[0]  # a one-page letter carries no page number
    assert "Bordereau – envoi C-2026-0007 – Page 1/2" in pages[1]
    assert "Bordereau – envoi C-2026-0007 – Page 2/2" in pages[2]
    assert "Liste de contrôle – envoi C-2026-0007 – page 1/2" in pages[3]
    assert "Liste de contrôle – envoi C-2026-0007 – page 2/2" in pages[4]
    assert "40 feuilles de soins (références C-2026-0007-01 à C-2026-0007-40)" in all_text(pdf)


def test_same_input_same_bytes() -> None:
    first = build_packet(demo_packet(), "en")
    assert build_packet(demo_packet(), "en") == first
    assert build_packet(strange_packet(), "fr") == build_packet(strange_packet(), "fr")
    assert build_packet(demo_packet(), "fr") != first
    pdf, digest = build_packet_with_hash(demo_packet(), "en")
    assert pdf == first
    assert digest == sha256_hex(first) == hashlib.sha256(first).hexdigest()


def test_same_bytes_in_another_process() -> None:
    """No clock, random seed or hash order leaks in (PYTHONHASHSEED differs per process)."""
    script = (
        "import sys, hashlib\n"
        "from tests.documents.samples import demo_packet, strange_packet\n"
        "from carnet.documents import build_packet\n"
        "pdf = build_packet(demo_packet(), 'en') + build_packet(strange_packet(), 'fr')\n"
        "sys.stdout.write(hashlib.sha256(pdf).hexdigest())\n"
    )
    digests = set()
    for seed in ("1", "2"):
        env = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            # The tests' own package; Carnet comes from its install (editable or a wheel):
            # src/ alone lacks carnet.resources, which the build maps in (setup.py).
            "PYTHONPATH": str(ROOT),
        }
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        digests.add(done.stdout)
    here = build_packet(demo_packet(), "en") + build_packet(strange_packet(), "fr")
    assert digests == {hashlib.sha256(here).hexdigest()}


def test_metadata_are_fixed_and_fonts_embedded() -> None:
    reader = pypdf.PdfReader(io.BytesIO(build_packet(demo_packet(), "en")))
    info = reader.metadata
    assert info is not None
    assert str(info["/CreationDate"]) == "D:20261128120000+00'00'"
    assert str(info["/Creator"]) == "Carnet"
    assert str(info["/Author"]) == "Sarah Thompson"
    fonts: set[str] = set()
    for page in reader.pages:
        resources: Any = page["/Resources"]  # pypdf's objects are loosely typed
        for reference in resources["/Font"].values():
            font = reference.get_object()
            fonts.add(str(font["/BaseFont"]))
            if "DejaVu" in str(font["/BaseFont"]):
                # reportlab embeds TrueType subsets as simple fonts (no descendant font).
                descriptor = font["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor, font["/BaseFont"]  # embedded subset
    assert any("DejaVuSans" in name for name in fonts)
    assert not any(name.startswith("/Helvetica") for name in fonts)


def test_packet_sizes_stay_small() -> None:
    pdf = build_packet(demo_packet(feuilles=many_feuilles(40)), "en")
    assert page_count(pdf) == 5
    assert len(pdf) < 250_000  # font subsets, not whole fonts
