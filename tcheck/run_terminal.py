"""What a ``tcheck audit`` run shows on a terminal: ``--color`` and the progress line."""

from __future__ import annotations

import os
import sys
import time


def use_color(choice: str, stream) -> bool:
    """``--color``: always / never, or auto: NO_COLOR turns it off, FORCE_COLOR on, else a terminal decides."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force and force != "0":
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


class Progress:
    """Documents done / total and the elapsed time, redrawn on one stderr line; only on a terminal.

    A background thread redraws the line every second, so the elapsed time moves
    while a long document is being aligned.
    """

    def __init__(self, total: int, stream=None, enabled: bool = True, tick: float = 1.0):
        import threading

        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.start = time.monotonic()
        self.enabled = enabled and total > 0 and bool(getattr(self.stream, "isatty", lambda: False)())
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = None
        if self.enabled:
            self._draw()
            if tick > 0:
                self._thread = threading.Thread(target=self._tick, args=(tick,), daemon=True)
                self._thread.start()

    def _tick(self, every: float) -> None:
        while not self._stop.wait(every):
            self._draw()

    def _draw(self) -> None:
        with self._lock:
            if not self.enabled:
                return
            elapsed = int(time.monotonic() - self.start)
            width = 24
            filled = width * self.done // max(1, self.total)
            bar = "#" * filled + "-" * (width - filled)
            line = f"tcheck: auditing [{bar}] {self.done}/{self.total} documents, {elapsed // 60}:{elapsed % 60:02d}"
            try:
                self.stream.write(f"\r\x1b[2K{line}")
                self.stream.flush()
            except (OSError, ValueError):  # the terminal went away: stop drawing
                self.enabled = False

    def step(self) -> None:
        self.done += 1
        self._draw()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(1.0)
        with self._lock:
            if self.enabled:
                self.stream.write("\r\x1b[2K")
                self.stream.flush()
                self.enabled = False
