"""Connections that never finish their request are closed: uvicorn's HTTP/1.1 protocol with a deadline.

uvicorn times out a keep-alive connection that is idle *between* requests, but not one that
opens and sends nothing, nor one that sends part of its headers or body and then stalls:
each such connection stayed open forever (eight stalled clients were all still connected
after 300 s).  ``DeadlineProtocol`` gives a request ``request_timeout`` seconds from its first
byte (or from the connection's opening) to arrive whole.  Past it, a client still sending
headers gets ``408 Request Timeout`` and the connection is closed; one stalled in its body is
disconnected, which the app sees as the client leaving (``http.disconnect``).  Once the
request has arrived the deadline no longer applies: checking a long draft may take its time.
"""
from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

REQUEST_TIMEOUT = 30.0
_TIMEOUT_BODY = b'{"error": "the request did not arrive in time"}\n'
_TIMEOUT_RESPONSE = (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
                     b"content-length: %d\r\n\r\n" % len(_TIMEOUT_BODY)) + _TIMEOUT_BODY


class DeadlineProtocol(H11Protocol):
    """uvicorn's h11 protocol; a request must arrive whole within ``request_timeout`` seconds."""

    request_timeout = REQUEST_TIMEOUT

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Arms the deadline for the first request as soon as the connection opens."""
        super().connection_made(transport)
        self._deadline: asyncio.TimerHandle | None = None
        self._arm()

    def data_received(self, data: bytes) -> None:
        """Reads as uvicorn does; a new request's first bytes arm the deadline, its end disarms it."""
        if self._deadline is None and self.conn.their_state is h11.IDLE:
            self._arm()
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE and self.conn.their_state is not h11.SEND_BODY:
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        """Drops the deadline with the connection."""
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_timeout, self._expired)

    def _disarm(self) -> None:
        if getattr(self, "_deadline", None) is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self.transport.is_closing() or self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
            return
        if self.cycle is None or self.cycle.response_complete:  # headers incomplete (or none at all)
            self.transport.write(_TIMEOUT_RESPONSE)
        self.transport.close()


def with_timeout(seconds: float) -> type[DeadlineProtocol]:
    """``DeadlineProtocol`` with another deadline (tests use a short one)."""
    return type("DeadlineProtocol", (DeadlineProtocol,), {"request_timeout": seconds})


__all__ = ["DeadlineProtocol", "REQUEST_TIMEOUT", "with_timeout"]
