"""What every service shares: the store, a clock, and the result type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from carnet.domain.changes import Changes
from carnet.storage.store import Store

T = TypeVar("T")

Clock = Callable[[], date]


@dataclass(frozen=True, slots=True)
class Result(Generic[T]):
    """A service call's value and the record of what it changed."""

    value: T
    changes: Changes


class Service:
    """Base of services: they validate, then write in one transaction."""

    def __init__(self, store: Store, today: Clock = date.today) -> None:
        self.store = store
        self.today = today
