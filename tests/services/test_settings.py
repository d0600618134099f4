"""Settings: the household address and the CPAM addresses letters need."""

from __future__ import annotations

import pytest

from carnet.app import Services
from carnet.domain.errors import ValidationError


def test_household_address_and_city(services: Services) -> None:
    with pytest.raises(ValidationError, match="postal address is needed first"):
        services.settings.household_address()
    services.settings.set("household.address", "Sarah Thompson\\n12 rue des Lilas\\n75011 PARIS")
    assert services.settings.household_address() == (
        "Sarah Thompson",
        "12 rue des Lilas",
        "75011 PARIS",
    )
    assert services.settings.city() == "Paris"
    services.settings.set("household.city", "Paris 11e")
    assert services.settings.city() == "Paris 11e"


def test_cpam_addresses_shipped_or_typed(services: Services) -> None:
    assert services.settings.address_of("CPAM de Paris") == (
        "21 rue Georges Auric",
        "75948 Paris Cedex 19",
    )
    assert services.settings.address_of("CPAM du Rhône") == ("69907 Lyon Cedex 20",)
    with pytest.raises(ValidationError, match="attestation de droits") as refused:
        services.settings.address_of("MSA Ain-Rhône")
    # The field names the setting to type, so that the window opens the right editor,
    # and the sentence names no command.
    assert refused.value.field == "address:MSA Ain-Rhône"
    assert "carnet" not in str(refused.value.message)
    # The attestation de droits shows another address: the typed one wins.
    services.settings.set("address:CPAM du Rhône", "276 cours Émile Zola\n69100 Villeurbanne")
    assert services.settings.address_of("CPAM du Rhône")[1] == "69100 Villeurbanne"


def test_unknown_keys_are_refused(services: Services) -> None:
    with pytest.raises(ValidationError, match="unknown setting"):
        services.settings.set("colour", "blue")
