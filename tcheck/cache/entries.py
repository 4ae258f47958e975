"""Cache entries of one kind: versioned JSON, decoded by type, checked, discarded when they do not fit.

An entry is ``{"tcheck": KIND, "format": N, "data": ...}``; the kind and the
format must be the reader's, the data must decode into the requested type
(:mod:`.codec`) and pass the caller's check. Anything else — truncated
JSON, another format, a planted file, a value out of range — is deleted and
the caller computes afresh.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import codec
from .store import CacheDir


class JsonEntries:
    def __init__(self, directory: CacheDir, kind: str, fmt: int):
        self.dir = directory
        self.kind = kind
        self.format = fmt

    def load(self, key: str, type_: Any, check: Callable[[Any], None]) -> Any | None:
        """The entry at ``key`` as a ``type_`` that ``check`` accepts, or None."""
        raw = self.dir.read(self.kind, key)
        if raw is None:
            return None
        try:
            envelope = json.loads(raw)
            header = (envelope.get("tcheck"), envelope.get("format")) if isinstance(envelope, dict) else None
            if header != (self.kind, self.format):
                raise codec.Mismatch("another kind or format")
            value = codec.decode(type_, envelope.get("data"))
            check(value)
        except (ValueError, RecursionError):  # codec.Mismatch and JSON errors are ValueErrors
            self.dir.discard(self.kind, key)
            return None
        return value

    def store(self, key: str, value: Any) -> None:
        """Write ``value`` at ``key``; a value that is not plain data is not cached."""
        envelope = {"tcheck": self.kind, "format": self.format}
        try:
            envelope["data"] = codec.encode(value)
            text = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        except (TypeError, ValueError):
            return
        self.dir.write(self.kind, key, text.encode("utf-8"))
