"""Run seeds come from SeedSequence spawn keys: run i's seed does not depend on how many runs
the batch has, and different runs or batch seeds get different streams."""

from __future__ import annotations

import numpy as np
import pytest

from lab.seeds import SEED_BITS, run_seed, run_seeds


def test_run_seed_is_the_spawned_child_whatever_the_batch_size() -> None:
    for n in (5, 50):
        children = np.random.SeedSequence(2024).spawn(n)
        assert [run_seed(2024, i) for i in range(5)] == [
            int(c.generate_state(1, dtype=np.uint64)[0]) >> (64 - SEED_BITS) for c in children[:5]
        ]


def test_seeds_are_distinct_and_fit_sqlite_integers() -> None:
    seeds = run_seeds(7, 500) + run_seeds(8, 500)
    assert len(set(seeds)) == 1000
    assert all(0 <= s < 2**63 for s in seeds)
    assert run_seeds(7, 3, first=10) == [run_seed(7, i) for i in (10, 11, 12)]


def test_negative_seeds_are_refused() -> None:
    with pytest.raises(ValueError):
        run_seed(-1, 0)
