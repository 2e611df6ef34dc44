"""The softmax's passes on several threads: same numbers, same warnings, same errors as on one."""

from __future__ import annotations

import threading
import warnings

import numpy as np
import pytest

from helpers import _parallel, softmax


@pytest.fixture
def threads_from(monkeypatch):
    """Set the size from which the passes are split (2 elements: always, if the CPUs allow)."""

    def set_threshold(elements: int, cpus: int = 2) -> None:
        monkeypatch.setattr(_parallel, "MIN_ELEMENTS", elements)
        monkeypatch.setattr(_parallel, "available_cpus", lambda: cpus)

    return set_threshold


@pytest.mark.parametrize("columns", [1, 2, 3, 7, 100, 1001])
@pytest.mark.parametrize("cpus", [1, 2, 3, 8])
def test_the_blocks_cover_every_column_once(threads_from, columns, cpus):
    threads_from(2, cpus)
    seen = np.zeros(columns, dtype=int)
    blocks = []
    lock = threading.Lock()

    def block(start, stop):
        with lock:
            seen[start:stop] += 1
            blocks.append((start, stop))

    _parallel.for_column_blocks(block, elements=10**9, columns=columns)
    assert (seen == 1).all()
    assert len(blocks) == min(cpus, _parallel.MAX_THREADS, columns)
    assert all(stop > start for start, stop in blocks)


def test_small_arrays_stay_on_the_calling_thread(threads_from):
    threads_from(1 << 18)
    names = []
    _parallel.for_column_blocks(lambda a, b: names.append(threading.current_thread().name), (1 << 18) - 1, 10**5)
    assert names == [threading.current_thread().name]
    assert _parallel.block_count(1 << 18, 10**5) == min(2, _parallel.available_cpus())


@pytest.mark.parametrize("failing", [0, 1])
def test_an_error_in_any_block_is_raised_after_all_finished(threads_from, failing):
    threads_from(2)
    finished = []

    def block(start, stop):
        if (start > 0) == bool(failing):
            raise ValueError(f"block at {start}")
        finished.append(start)

    with pytest.raises(ValueError, match="block at"):
        _parallel.for_column_blocks(block, elements=10**9, columns=10)
    assert len(finished) == 1  # the other block ran to its end


def test_the_cpu_count_is_positive():
    assert _parallel.available_cpus() >= 1


def _calls(W, X, y, lam):
    """Every function that goes through the split passes (the public ones and the optimisers'), with warnings."""
    results = []
    for function in (softmax.gradient, softmax.cost, softmax.cost_and_gradient, softmax._cost_and_gradient):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                value = function(W, X, y, lam)
            except ValueError as error:
                value = str(error)
        results.append((value, [(w.category, str(w.message)) for w in caught]))
    return results


def _same(a, b):
    if isinstance(a, str):
        return a == b
    if isinstance(a, tuple):
        return all(_same(x, z) for x, z in zip(a, b, strict=True))
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and np.array_equal(a, b, equal_nan=True) and np.array_equal(np.signbit(a), np.signbit(b))


@pytest.mark.parametrize("seed", range(12))
def test_split_and_whole_give_the_same_bits_and_warnings(threads_from, seed):
    rng = np.random.default_rng(seed)
    m, n, k = int(rng.integers(1, 400)), int(rng.integers(1, 5)), int(rng.integers(2, 6))
    X = rng.normal(size=(m, n)) * [1.0, 1e3, 1e300][seed % 3]  # 1e300: scores overflow to inf
    W = rng.normal(size=(n, k)) * [0.1, 10.0, 1e10][seed % 3]
    y = rng.integers(0, k, size=m)
    if seed % 4 == 3:
        X[rng.integers(m), rng.integers(n)] = np.nan
    lam = [0.0, 0.3][seed % 2]
    threads_from(1 << 60)
    whole = _calls(W, X, y, lam)
    threads_from(2, cpus=3)
    split = _calls(W, X, y, lam)
    for (value_whole, warned_whole), (value_split, warned_split) in zip(whole, split, strict=True):
        assert _same(value_whole, value_split)
        assert warned_whole == warned_split


def test_the_benchmark_size_is_split_on_two_cpus(threads_from):
    threads_from(_parallel.MIN_ELEMENTS)
    assert _parallel.block_count(10 * 100_000, 100_000) == 2
