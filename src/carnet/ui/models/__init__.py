"""Carnet ui/models layer."""
