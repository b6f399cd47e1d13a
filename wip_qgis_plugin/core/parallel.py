"""Work spread over the machine's cores in threads: shapely and numpy release the GIL inside GEOS and their loops.

GEOS before 3.12 computes a geometry's envelope, and a tree or prepared geometry its index, on first use: whatever
several threads read must have been used once before they start (the callers say where they see to it)."""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor


def in_parallel(function, items) -> list:
    """``function`` over ``items`` on all cores, the results in the items' order."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(function, items))
