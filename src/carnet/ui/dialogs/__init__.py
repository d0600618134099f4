"""Carnet ui/dialogs layer."""
