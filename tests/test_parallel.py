"""The softmax's passes on several threads: same numbers, same warnings, same errors as on one."""

from __future__ import annotations

import itertools
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


# --- the softmax gradient in blocks of samples (helpers._parallel.map_row_blocks) ---------


@pytest.fixture
def blocks_from(monkeypatch):
    """Split from ``work`` multiply-adds up, on ``cpus`` CPUs, as if the BLAS ran ``blas`` threads."""

    def set_threshold(work: int, cpus: int = 2, blas: int = 1) -> None:
        monkeypatch.setattr(_parallel, "MIN_PRODUCT", work)
        monkeypatch.setattr(_parallel, "available_cpus", lambda: cpus)
        monkeypatch.setattr(_parallel, "blas_threads", lambda: blas)

    return set_threshold


@pytest.mark.parametrize("rows", [1, 2, 5, 100, 100_001])
@pytest.mark.parametrize("work", [0, 10, 10**6, 10**12])
def test_row_bounds_cover_the_rows_and_depend_on_the_sizes_only(monkeypatch, rows, work):
    monkeypatch.setattr(_parallel, "MIN_PRODUCT", 1000)
    bounds = _parallel.row_bounds(rows, work)
    assert bounds[0] == 0 and bounds[-1] == rows
    assert all(b > a for a, b in itertools.pairwise(bounds))
    blocks = len(bounds) - 1
    assert blocks == (1 if work < 1000 else min(_parallel.MAX_THREADS, rows, work // 1000))
    for cpus in (1, 3, 64):
        monkeypatch.setattr(_parallel, "available_cpus", lambda cpus=cpus: cpus)
        assert _parallel.row_bounds(rows, work) == bounds


def test_the_benchmark_gradient_is_cut_into_four_blocks():
    assert len(_parallel.row_bounds(100_000, 100_000 * 100 * 10)) - 1 == _parallel.MAX_THREADS == 4


def test_blocks_run_on_threads_and_return_in_order(blocks_from):
    blocks_from(1, cpus=2)
    names = set()

    def block(start, stop):
        names.add(threading.current_thread().name)
        return (start, stop)

    results = _parallel.map_row_blocks(block, 103, 10**9)
    bounds = _parallel.row_bounds(103, 10**9)
    assert results == list(itertools.pairwise(bounds))
    assert all(name.startswith("helpers-rows") for name in names)


def test_small_work_or_a_threaded_blas_leaves_the_whole_to_the_caller(blocks_from):
    called = []
    blocks_from(1000)
    assert _parallel.map_row_blocks(lambda a, b: called.append(a), 10, 999) is None
    blocks_from(1, blas=2)
    assert _parallel.map_row_blocks(lambda a, b: called.append(a), 10, 10**9) is None
    blocks_from(1, blas=0)  # threadpoolctl cannot tell
    assert _parallel.map_row_blocks(lambda a, b: called.append(a), 10, 10**9) is None
    assert called == []


def test_a_floating_point_error_the_caller_would_see_sends_the_whole_back(blocks_from):
    blocks_from(1)

    def overflow(start, stop):
        return np.float64(1e308) * (stop + 10)

    with np.errstate(over="warn"), warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is warned about in the blocks
        assert _parallel.map_row_blocks(overflow, 10, 10**9) is None
    with np.errstate(over="ignore"):
        assert _parallel.map_row_blocks(overflow, 10, 10**9) == [np.inf] * 4


def test_other_errors_in_a_block_are_raised(blocks_from):
    blocks_from(1)

    def block(start, stop):
        if start > 0:
            raise ValueError(f"block at {start}")

    with pytest.raises(ValueError, match="block at"):
        _parallel.map_row_blocks(block, 10, 10**9)


def test_the_blas_threads_are_read_from_the_loaded_blas():
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        assert _parallel.blas_threads() == 1
    with threadpool_limits(limits=2, user_api="blas"):
        assert _parallel.blas_threads() == 2


def _softmax_problem(seed, m=3000, n=7, k=5):
    rng = np.random.default_rng(seed)
    X = np.column_stack([np.ones(m), rng.normal(size=(m, n - 1))])
    W = rng.normal(size=(n, k))
    return W, X, rng.integers(0, k, size=m)


@pytest.mark.parametrize("lam", [0.0, 0.7])
def test_blocks_give_the_same_bits_on_any_number_of_cpus_and_the_whole_to_rounding(blocks_from, lam):
    W, X, y = _softmax_problem(1)
    blocks_from(1 << 60)
    whole = softmax.cost_and_gradient(W, X, y, lam)
    runs = []
    for cpus in (1, 2, 3, 8):
        blocks_from(1, cpus=cpus)
        runs.append([softmax.cost_and_gradient(W, X, y, lam), softmax.gradient(W, X, y, lam),
                     softmax.cost(W, X, y, lam), softmax._cost_and_gradient(W, X, y, lam)])
    for run in runs[1:]:
        assert _same(tuple(run), tuple(runs[0]))
    cost, grad = runs[0][0]
    assert cost == pytest.approx(whole[0], rel=1e-13)
    np.testing.assert_allclose(grad, whole[1], rtol=1e-12, atol=1e-15)
    assert _same(runs[0][1], runs[0][0][1]) and runs[0][2] == cost


@pytest.mark.parametrize("fault", ["nan", "inf", "overflowing scores", "zero weight"])
def test_faults_go_the_whole_way_with_the_same_errors_warnings_and_bits(blocks_from, fault):
    W, X, y = _softmax_problem(2, m=400)
    if fault == "nan":
        X[123, 4] = np.nan
    elif fault == "inf":
        X[321, 2] = -np.inf
    elif fault == "overflowing scores":
        X[200:, 3] = 1e308
        W[3] = 4.0  # 4e308: every score of those samples is inf
    else:
        W[5, 1] = 0.0
        X[10, 5] = np.nan
    blocks_from(1 << 60)
    whole = _calls(W, X, y, 0.0)
    blocks_from(1)
    split = _calls(W, X, y, 0.0)
    for (value_whole, warned_whole), (value_split, warned_split) in zip(whole, split, strict=True):
        assert _same(value_whole, value_split)
        assert warned_whole == warned_split


def test_a_cost_that_overflows_only_in_the_sum_of_the_blocks_goes_the_whole_way(blocks_from):
    """Finite scores and block sums, but the total overflows: the cost warns as it always did."""
    W, X, y = _softmax_problem(2, m=400)
    X[200:, 3] = 1e306  # -ln p of each of those samples is about 1e306; 200 of them overflow
    blocks_from(1 << 60)
    whole = _calls(W, X, y, 0.0)
    blocks_from(1)
    split = _calls(W, X, y, 0.0)
    overflow = [(RuntimeWarning, "overflow encountered in reduce")]
    for (value_whole, warned_whole), (value_split, warned_split) in zip(whole[1:], split[1:], strict=True):
        assert _same(value_whole, value_split)  # the cost's functions: the whole way
        assert warned_whole == warned_split == overflow
    # gradient() computes no cost: nothing overflows, so it is done in blocks, equal to rounding
    (grad_whole, warned_whole), (grad_split, warned_split) = whole[0], split[0]
    assert warned_whole == warned_split == []
    np.testing.assert_allclose(grad_split, grad_whole, rtol=1e-13, atol=0)
