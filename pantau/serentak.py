"""Run a page's independent parts at the same time.

DuckDB works outside Python's interpreter lock, so while one part waits for its queries another part's
Python runs: on two cores the Ringkasan's three programmes take about the time of the slowest. Each part
runs in a thread that carries the script run's context (caches, query parameters); parts only compute and
never draw. An exception in a part (a rerun request included) is raised again in the caller.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from streamlit.runtime.scriptrunner import add_script_run_ctx


def jalankan(*bagian: Callable[[], Any]) -> list[Any]:
    """Call every part, each in its own thread; their results in the given order."""
    hasil: list[Any] = [None] * len(bagian)
    galat: list[BaseException | None] = [None] * len(bagian)

    def kerja(i: int) -> None:
        try:
            hasil[i] = bagian[i]()
        except BaseException as e:  # noqa: BLE001 - handed to the caller below
            galat[i] = e

    benang = [add_script_run_ctx(threading.Thread(target=kerja, args=(i,), daemon=True)) for i in range(len(bagian))]
    for b in benang:
        b.start()
    for b in benang:
        b.join()
    for e in galat:
        if e is not None:
            raise e
    return hasil
