"""Per-run seeds from one batch seed, independent of worker count and scheduling.

Run ``i`` of a batch with seed ``S`` plays with the seed drawn from
``numpy.random.SeedSequence(S, spawn_key=(i,))``, which is exactly the ``i``-th child of
``SeedSequence(S).spawn(n)`` for any ``n > i``. So run 17 is the same campaign whether the
batch has 20 runs or 2,000, runs serially or on a cluster, and a later ``--runs 400`` extends a
batch of 200 with 200 new, independent campaigns instead of repeating the first ones.

The engine takes an int seed (it builds its own ``SeedSequence`` from it), so each child
contributes 63 bits of its entropy: small enough for an SQLite INTEGER and for
``main.py simulate --seed`` to replay any stored run.
"""

from __future__ import annotations

import numpy as np

#: 63 bits: fits a signed 64-bit SQLite INTEGER.
SEED_BITS = 63


def run_seed(batch_seed: int, index: int) -> int:
    """The engine seed of run ``index`` (0-based) of the batch seeded ``batch_seed``."""
    if batch_seed < 0 or index < 0:
        raise ValueError("the batch seed and the run index must be non-negative")
    child = np.random.SeedSequence(batch_seed, spawn_key=(index,))
    word = int(child.generate_state(1, dtype=np.uint64)[0])
    return word >> (64 - SEED_BITS)


def run_seeds(batch_seed: int, n: int, first: int = 0) -> list[int]:
    """Seeds of runs ``first .. first + n - 1``."""
    return [run_seed(batch_seed, i) for i in range(first, first + n)]
