"""Carnet ui/widgets layer."""
