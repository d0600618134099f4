"""The caisse directory: every département served, each entry with a postal address."""

from __future__ import annotations

import pytest

from carnet.domain.caisses import DEPARTEMENTS, departement_of_postcode
from carnet.domain.errors import ValidationError
from carnet.services.caisses import caisse_directory, caisse_name


def test_at_least_a_hundred_caisses_each_with_postcode_city_source() -> None:
    caisses = caisse_directory().caisses
    assert len(caisses) >= 100
    for caisse in caisses:
        assert len(caisse.postcode) == 5 and caisse.postcode.isdigit(), caisse.name
        assert caisse.city.strip(), caisse.name
        assert caisse.address[-1] == f"{caisse.postcode} {caisse.city}"
        assert caisse.source.startswith("https://"), caisse.name
        assert caisse.confidence in ("likely", "low"), caisse.name
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
        ("97133", "971"),
        ("97704", "974"),
    ],
)
def test_departement_of_postcode(postcode: str, departement: str) -> None:
    assert departement_of_postcode(postcode) == departement
