"""Carnet never uses the network: the test run itself refuses internet sockets."""

from __future__ import annotations

import socket

import pytest
from pytest_socket import SocketBlockedError


@pytest.mark.parametrize("family", [socket.AF_INET, socket.AF_INET6])
def test_an_internet_socket_fails_the_test(family: socket.AddressFamily) -> None:
    # pytest-socket warns, then raises: either fails any test that tries.
    with pytest.warns(UserWarning, match="socket"), pytest.raises(SocketBlockedError):
        socket.socket(family, socket.SOCK_STREAM)


def test_a_unix_socket_is_allowed() -> None:
    """Qt may talk to the desktop over a local socket; that reaches no network."""
    left, right = socket.socketpair(socket.AF_UNIX)
    left.close()
    right.close()
