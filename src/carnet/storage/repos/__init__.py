"""Repositories: rows of the ledger to domain records and back."""
