"""The page a benchmark run measures, run inside the script thread, so the time recorded is the script run
itself (what design.md §5 budgets), without the test harness starting its thread and reading the result."""
import runpy
import time

from bench import jam

mulai = time.perf_counter()
try:
    runpy.run_path(jam.halaman, run_name="__main__")
finally:
    jam.catat(time.perf_counter() - mulai)
