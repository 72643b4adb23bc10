"""Reading console lines without blocking shutdown.

A blocked `readline` cannot be cancelled, so it runs in a daemon thread that
hands lines to the event loop; stopping never waits for the keyboard.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from typing import TextIO


class LineReader:
    def __init__(self, source: TextIO | None = None, prompt: str | None = None) -> None:
        self._source = source or sys.stdin
        self._queue: asyncio.Queue[str | None] = asyncio.Queue()
        self._loop = asyncio.get_running_loop()
        self._want = threading.Semaphore(0)
        self.prompt = prompt
        threading.Thread(target=self._pump, name="console-reader", daemon=True).start()

    def _pump(self) -> None:
        while True:
            self._want.acquire()
            try:
                line = self._source.readline()
            except (OSError, ValueError):
                line = ""
            self._loop.call_soon_threadsafe(self._queue.put_nowait, line or None)
            if not line:
                return

    async def next_line(self, prompt: str | None = None) -> str | None:
        """The next line, or None at end of input."""
        if prompt:
            print(prompt, end="", flush=True)
        self._want.release()
        return await self._queue.get()
