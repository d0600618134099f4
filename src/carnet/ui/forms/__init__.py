"""Editors for household records, shared by the forms and the first-run assistant."""
