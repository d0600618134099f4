"""Carnet ui layer."""
