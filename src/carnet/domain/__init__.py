"""Pure domain: frozen records, enums and money. Imports nothing else of Carnet."""
