"""How the archive stores a mention or a document's claims: compact values, deflated with a dictionary.

A mention is stored as the JSON array of its ``Mention.as_row()`` values (in ``FIELDS``
order; the path and the date are the document's and are not repeated); a document's claims
as the JSON array of their rows.  Each such payload is deflated with the index's own
dictionary, trained once from the first documents indexed (``train``: the last 32 KB of a
sample of their payloads, so the words of the archive's beat compress from the first row):
about 70 bytes a mention on the bench's archive, 140 on the Multi-News articles, against
820 for the JSON object of schema 3.  The first byte of a stored value says how it was
written: 0, the payload as it is; 1, deflated with the dictionary.
"""
from __future__ import annotations

import json
import zlib
from typing import Sequence

from factcheck.cross.record import ROW_FIELDS, Mention

#: The ``Mention.as_row`` fields a stored mention holds, in order (the path, the date and the
#: topic are the document's).
FIELDS = tuple(f for f in ROW_FIELDS if f not in ("path", "date", "topic"))
DICTIONARY_SIZE = 32 * 1024
#: Payloads sampled to train a dictionary; fewer bytes than this train none (payloads stay raw).
MIN_SAMPLE = 16 * 1024
RAW, DEFLATED = 0, 1
#: Deflate's level: 3 packs a mention in about 11 µs (71 bytes on the bench), 9 in 21 µs (64 bytes).
LEVEL = 3
#: Deflate's memory level: its state is copied for every payload, 144 KB at 5 against 256 KB
#: at the default 8 (about 1% more bytes a mention).
MEMORY = 5


def _compact_encoder():
    """``JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode`` for the lists a row
    stores: the C encoder made once, where ``encode`` makes one a call (about 1% of indexing time)."""
    plain = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    make = json.encoder.c_make_encoder
    if make is None:
        return plain.encode
    encode = make(None, plain.default, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    return lambda values: "".join(encode(values, 0))


_ENCODE = _compact_encoder()
_DECODE = json.JSONDecoder().decode


def mention_payload(m: Mention) -> bytes:
    """``m``'s stored values, uncompressed."""
    return _ENCODE(m.own_values()).encode()


def claims_payload(claims: Sequence[tuple]) -> bytes:
    """A document's claim rows, uncompressed."""
    return _ENCODE(claims).encode()


def restore(values: Sequence, path: str, date: str | None, topic: str | None = "") -> Mention:
    """The mention whose stored ``values`` (``FIELDS`` order) belong to the document at ``path``
    dated ``date`` (ISO, or None) whose topic is ``topic`` (its names joined by spaces)."""
    return Mention.from_values([path, values[0], values[1], date, *values[2:], topic or ""])


def train(payloads: Sequence[bytes]) -> bytes | None:
    """A deflate dictionary from sample payloads (None when they are too few to be worth one):
    the last ``DICTIONARY_SIZE`` bytes of an even sample of them, the most recent last."""
    if sum(map(len, payloads)) < MIN_SAMPLE:
        return None
    step = max(1, sum(map(len, payloads)) // (4 * DICTIONARY_SIZE))
    return b"".join(payloads[::step])[-DICTIONARY_SIZE:]


class Codec:
    """Packs payloads for storage and unpacks them, with one index's dictionary (or none)."""

    def __init__(self, dictionary: bytes | None = None):
        self.dictionary = dictionary
        self._deflate = zlib.compressobj(LEVEL, zlib.DEFLATED, -15, MEMORY, zlib.Z_DEFAULT_STRATEGY, dictionary) \
            if dictionary else None

    def pack(self, payload: bytes) -> bytes:
        """``payload`` as stored: deflated with the dictionary when there is one."""
        if self._deflate is None:
            return bytes((RAW,)) + payload
        c = self._deflate.copy()
        return bytes((DEFLATED,)) + c.compress(payload) + c.flush()

    def unpack(self, blob: bytes) -> bytes:
        """The payload ``pack`` stored."""
        if blob[0] == RAW:
            return blob[1:]
        if self.dictionary is None:
            raise ValueError("a deflated value in an index without a dictionary")
        return zlib.decompressobj(-15, zdict=self.dictionary).decompress(blob[1:])

    def values(self, blob: bytes) -> list:
        """The JSON array ``pack`` stored."""
        return _DECODE(self.unpack(blob).decode())

    def __reduce__(self):
        return Codec, (self.dictionary,)


__all__ = ["Codec", "FIELDS", "claims_payload", "mention_payload", "restore", "train"]
