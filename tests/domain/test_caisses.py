"""The caisse directory: every département served, each entry with a postal address."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import urlparse

import pytest

from carnet.domain.caisses import (
    DEPARTEMENTS,
    EVIDENCES,
    CaisseDirectory,
    departement_of_postcode,
)
from carnet.domain.errors import ValidationError
from carnet.services.caisses import caisse_directory, caisse_name

CPS_SITE = "www.secuspm.com"


def _host(url: str) -> str:
    return urlparse(url).hostname or ""


def test_at_least_a_hundred_caisses_each_with_postcode_city_source() -> None:
    caisses = caisse_directory().caisses
    assert len(caisses) >= 100
    for caisse in caisses:
        assert len(caisse.postcode) == 5 and caisse.postcode.isdigit(), caisse.name
        assert caisse.city.strip(), caisse.name
        assert caisse.address[-1] == f"{caisse.postcode} {caisse.city}"
        # Every source is a web address; the CPS of Saint-Pierre-et-Miquelon's own site
        # is only served over http.
        assert caisse.source.startswith("https://") or _host(caisse.source) == CPS_SITE
        assert caisse.confidence in ("likely", "low"), caisse.name
        # La Poste's norm (NF Z10-011): at most 38 characters a line under the name,
        # at most six lines with it.
        assert all(len(line) <= 38 for line in caisse.address), caisse.address
        assert len(caisse.address) <= 5, caisse.name
        # The postcode is in a département the caisse serves (mail stays local).
        assert departement_of_postcode(caisse.postcode) in caisse.departements, caisse.name
    assert len({c.name for c in caisses}) == len(caisses)


@pytest.mark.parametrize("departement", DEPARTEMENTS)
def test_every_departement_number_resolves_or_names_its_choices(departement: str) -> None:
    directory = caisse_directory()
    found = directory.search(departement)
    assert found, f"no caisse for {departement}"
    if len(found) == 1:
        assert directory.resolve(departement) == found[0]
    else:
        with pytest.raises(ValidationError) as choices:
            directory.resolve(departement)
        for caisse in found:
            assert caisse.name in str(choices.value)


def test_departements_with_several_caisses() -> None:
    directory = caisse_directory()
    nord = {c.name for c in directory.search("59")}
    assert nord == {
        "CPAM de Lille-Douai",
        "CPAM de Roubaix-Tourcoing",
        "CPAM des Flandres",
        "CPAM du Hainaut",
    }
    assert {c.name for c in directory.search("62")} == {
        "CPAM de l'Artois",
        "CPAM de la Côte d'Opale",
    }
    # The town tells them apart.
    assert directory.resolve("Tourcoing").name == "CPAM de Roubaix-Tourcoing"
    assert directory.resolve("dunkerque").name == "CPAM des Flandres"
    assert directory.resolve("Boulogne-sur-Mer").name == "CPAM de la Côte d'Opale"


def test_found_by_number_postcode_town_or_name() -> None:
    directory = caisse_directory()
    rhone = directory.resolve("69")
    assert rhone.name == "CPAM du Rhône"
    assert rhone.address == ("69907 Lyon Cedex 20",)
    assert directory.resolve("69003") == rhone
    assert directory.resolve("villeurbanne") == rhone
    assert directory.resolve("cpam du rhone") == rhone
    assert directory.resolve("2a").name == "CPAM de la Corse-du-Sud"
    assert directory.resolve("20200").name == "CPAM de la Haute-Corse"
    assert directory.resolve("974").name == "CGSS de La Réunion"
    assert directory.resolve("976").name == "CSS de Mayotte"
    assert directory.resolve("1").name == "CPAM de l'Ain"
    with pytest.raises(ValidationError, match="no caisse matches"):
        directory.resolve("99")


def test_a_persons_caisse_as_typed() -> None:
    assert caisse_name("69") == "CPAM du Rhône"
    assert caisse_name("  Lyon ") == "CPAM du Rhône"
    assert caisse_name("") == ""
    # A caisse outside the directory keeps its name: its address is typed by the household.
    assert caisse_name("MSA Ain-Rhône") == "MSA Ain-Rhône"
    with pytest.raises(ValidationError, match="several caisses"):
        caisse_name("59")


@pytest.mark.parametrize(
    ("postcode", "departement"),
    [
        ("69003", "69"),
        ("01000", "01"),
        ("20000", "2A"),
        ("20200", "2B"),
        ("20702", "2A"),  # Ajaccio Cedex 9 (the Corse-du-Sud caisse)
        ("20407", "2B"),  # Bastia Cedex
        ("97133", "971"),
        ("97704", "974"),
    ],
)
def test_departement_of_postcode(postcode: str, departement: str) -> None:
    assert departement_of_postcode(postcode) == departement


# The third-party list the "likely" addresses were read in (see resources/caisses.toml).
LIST_2014 = (
    "https://github.com/djibe/recommandations-medicales/blob/"
    "27f4098fab26b0d0969b8a82abbb899001ed0250/static/print/cpam.pdf"
)


def test_every_address_says_where_it_was_read() -> None:
    for caisse in caisse_directory().caisses:
        assert caisse.evidence in EVIDENCES, caisse.name
        if caisse.evidence == "memory":
            # Read nowhere: only the caisse's town, and the household is told to copy
            # the attestation's address ("Only the town is known…" beside the field).
            assert caisse.confidence == "low", caisse.name
            assert caisse.street == () and "Cedex" not in caisse.city, caisse.name
            assert caisse.checked is None, caisse.name
        else:
            assert caisse.confidence == "likely", caisse.name
            assert caisse.checked == date(2026, 12, 6), caisse.name
        if caisse.evidence == "official":
            # "official" means read on the caisse's own site or the State's directory.
            official = ("ameli.fr", "service-public.fr", "service-public.gouv.fr", CPS_SITE)
            assert _host(caisse.source).endswith(official), caisse.name


def test_addresses_as_their_sources_print_them() -> None:
    # Literal rows of the 2014 list (pages 1-3), with the town's case and accents restored.
    directory = caisse_directory()
    expected = {
        "01": ("1 place de la Grenouillère", "01015 Bourg-en-Bresse Cedex"),
        "68": ("19 boulevard du Champ de Mars", "68022 Colmar Cedex"),
        "78": ("78085 Yvelines Cedex 9",),
        "57": ("18 rue Haute-Seille", "CS 80001", "57751 Metz Cedex 9"),
        "2A": ("Quartier Les Padules", "Boulevard Abbé Recco", "BP 910", "20702 Ajaccio Cedex 9"),
        "974": ("4 boulevard Doret", "97704 Saint-Denis Messag Cedex 9"),
    }
    for departement, address in expected.items():
        caisse = directory.resolve(departement)
        assert caisse.address == address, caisse.name
        assert (caisse.evidence, caisse.source) == ("third-party", LIST_2014)
    spm = directory.resolve("975")
    assert spm.address == ("BP 4220", "97500 Saint-Pierre-et-Miquelon")
    assert (spm.evidence, _host(spm.source)) == ("official", CPS_SITE)
    lille = directory.by_name("CPAM de Lille-Douai")
    assert lille is not None and lille.address[-1] == "59895 Lille Cedex 9"


def test_caisses_missing_from_every_source_are_only_a_town() -> None:
    directory = caisse_directory()
    unread = {c.name: c.address for c in directory.caisses if c.evidence == "memory"}
    assert unread == {
        "CPAM de la Haute-Corse": ("20200 Bastia",),
        "CPAM des Flandres": ("59140 Dunkerque",),
        "CPAM de Rouen-Elbeuf-Dieppe - Seine-Maritime": ("76000 Rouen",),
        "CSS de Mayotte": ("97600 Mamoudzou",),
    }


def _entry(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": "CPAM du Rhône",
        "departements": ["69"],
        "postcode": "69907",
        "city": "Lyon Cedex 20",
        "source": "https://example.org/list.pdf",
        "evidence": "third-party",
        "checked": date(2026, 12, 6),
        "confidence": "likely",
    }
    entry.update(changes)
    return {key: value for key, value in entry.items() if value is not None}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"evidence": "hearsay"}, "evidence"),
        ({"checked": None}, "checked"),  # read somewhere, but not said when
        ({"checked": datetime(2026, 12, 6, 10, 0)}, "checked"),
        ({"checked": "2026-12-06"}, "checked"),  # a string, not a TOML date
        ({"evidence": "memory"}, "checked"),  # from memory, yet "checked"
        ({"evidence": "memory", "checked": None}, "confidence"),  # memory claiming "likely"
    ],
)
def test_a_bad_entry_is_refused_naming_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        CaisseDirectory.from_mapping({"caisse": [_entry(**changes)]}, "caisses.toml")
    assert refused.value.field == "caisses.toml, caisse 1"
    assert field in str(refused.value)


def test_an_entry_from_memory_is_read_as_low() -> None:
    raw = _entry(evidence="memory", checked=None, confidence="low", note="recalled")
    (caisse,) = CaisseDirectory.from_mapping({"caisse": [raw]}, "caisses.toml").caisses
    assert (caisse.evidence, caisse.checked, caisse.note) == ("memory", None, "recalled")
