"""Carnet ui/views layer."""
