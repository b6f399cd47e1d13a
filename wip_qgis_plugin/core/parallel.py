"""Work spread over the machine's cores in threads: shapely and numpy release the GIL inside GEOS and their loops.

GEOS before 3.12 computes a geometry's envelope, and a tree or prepared geometry its index, on first use: whatever
several threads read must have been used once before they start (the callers say where they see to it).

Python's automatic garbage collection is paused while such threads run: a collection runs in whichever thread's
allocation sets it off, and would destroy objects waiting in reference cycles there, among them those of the host
application's GUI (Qt crashes on a widget destroyed outside the GUI thread). The caller's thread collects afterwards.
"""
from __future__ import annotations

import contextlib
import gc
import os
import threading
from concurrent.futures import ThreadPoolExecutor

_pauses = 0
_automatic_before = True
_pauses_lock = threading.Lock()


def pause_collection() -> None:
    """Python's automatic collection off until the matching ``resume_collection`` (from any thread)."""
    global _pauses, _automatic_before
    with _pauses_lock:
        if _pauses == 0:
            _automatic_before = gc.isenabled()
            gc.disable()
        _pauses += 1


def resume_collection() -> None:
    """One pause less; with the last, Python collects on its own again (if it did before the first)."""
    global _pauses
    with _pauses_lock:
        if _pauses == 0:
            return
        _pauses -= 1
        if _pauses == 0 and _automatic_before:
            gc.enable()


@contextlib.contextmanager
def collection_paused():
    pause_collection()
    try:
        yield
    finally:
        resume_collection()


@contextlib.contextmanager
def thread_pool():
    """A pool of a thread per core, with Python's automatic collection paused while it lives."""
    with collection_paused(), ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        yield pool


def in_parallel(function, items) -> list:
    """``function`` over ``items`` on all cores, the results in the items' order."""
    with thread_pool() as pool:
        return list(pool.map(function, items))
