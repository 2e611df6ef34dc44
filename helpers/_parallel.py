"""Large arrays split into blocks done on several threads: columns of a pass, or rows of a whole computation.

Why the course keeps this (numpy 2.4.6 on the course's 2-core machine, an AMD EPYC; the
tables are in ``benchmarks/README.md``). numpy releases the GIL inside its loops and the
course runs with one BLAS thread (for the same digits everywhere), so the second core is
otherwise idle while a softmax gradient runs. Two uses:

- **Columns of the softmax's passes** (:func:`for_column_blocks`: shift, ``exp``, sums,
  scaling of the K x m scores, each thread over some of the samples). numpy's float64
  ``exp`` has vectorised code for AVX-512 only; without it numpy calls the C library's
  ``exp`` one number at a time. On the machine without AVX-512 (until 2026-12-03) that was
  9 ms of a gradient at m = 100,000, K = 10, and two threads took the passes over its 10^6
  scores from 11.9-13.1 to 7.3-7.8 ms. The machine has had AVX-512 since 2026-12-04:
  ``exp`` over 10^6 numbers takes 1.0 ms (4.4 ms with numpy's AVX-512 code switched off
  through ``NPY_DISABLE_CPU_FEATURES``), and the split gains nothing there: from 2^18
  scores up it took 0.85 to 1.87 times one thread in five runs (from 0.25 ms less to 0.69
  ms more a call), against 0.67 to 0.98 with the AVX-512 code switched off (1.1 to 1.8 ms
  less at 10^6). It is kept for the CPUs without AVX-512 (``benchmarks/run.py
  --helpers-only`` prints this table).
- **Rows of a whole softmax gradient** (:func:`map_row_blocks`, used only with one BLAS
  thread; see the comment above :func:`row_bounds`): one core computes a block's ``exp`` while the other
  streams another block's rows of ``X`` through a product.

Splitting columns changes no number: each block does exactly the operations the whole array
would get, in the same order (the reductions run across rows, one column at a time), so the
results are bit for bit those of one thread, on any number of threads. Splitting rows
changes the order of the sums over samples, so the blocks depend on the sizes only, never on
the number of CPUs (:func:`row_bounds`): the same bits on every machine.

Threads are started per call (no pool survives between calls: nothing runs on import, and a
process forked after a call inherits no idle worker it would wait for): 0.3 ms a call. Below
:data:`MIN_ELEMENTS` (columns) and :data:`MIN_PRODUCT` (rows) the work is done in the
calling thread.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Literal, TypeVar

import numpy as np

__all__ = [
    "MAX_THREADS",
    "MIN_ELEMENTS",
    "MIN_PRODUCT",
    "available_cpus",
    "blas_threads",
    "block_count",
    "for_column_blocks",
    "map_row_blocks",
    "row_bounds",
]

T = TypeVar("T")

#: Arrays with fewer elements are done in the calling thread (2**18: about 2.4 ms of ``exp``).
MIN_ELEMENTS = 1 << 18

#: At most this many threads (a block gets at least MIN_ELEMENTS // 2 elements).
MAX_THREADS = 4

#: Matrix products with fewer multiply-adds are done whole, on the calling thread (see
#: :func:`row_bounds`; 2**22: about 1 ms of one BLAS thread).
MIN_PRODUCT = 1 << 22


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity where the platform has one)."""
    process_cpu_count = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if process_cpu_count is not None:
        return process_cpu_count() or 1
    sched_getaffinity = getattr(os, "sched_getaffinity", None)  # Linux
    if sched_getaffinity is not None:
        return len(sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def block_count(elements: int, columns: int) -> int:
    """How many blocks (threads) for a pass over ``elements`` numbers in ``columns`` columns."""
    if elements < MIN_ELEMENTS:
        return 1
    return max(1, min(available_cpus(), MAX_THREADS, elements // (MIN_ELEMENTS // 2), columns))


def for_column_blocks(function: Callable[[int, int], None], elements: int, columns: int) -> None:
    """Call ``function(start, stop)`` on blocks of ``range(columns)`` that cover it, in parallel if large.

    ``function`` must touch only its own columns (the blocks run at the same time). The
    first block runs in the calling thread, the others on threads started for this call;
    an exception in any block is raised here once all have finished.

    Parameters
    ----------
    function : callable
        ``function(start, stop)`` does the work for the columns ``start:stop``.
    elements : int
        The number of array elements the pass touches (decides whether threads pay).
    columns : int
        The length of the axis that is split.
    """
    blocks = block_count(elements, columns)
    if blocks == 1:
        function(0, columns)
        return
    bounds = [columns * i // blocks for i in range(blocks + 1)]
    with ThreadPoolExecutor(max_workers=blocks - 1, thread_name_prefix="helpers-columns") as pool:
        futures = [pool.submit(function, bounds[i], bounds[i + 1]) for i in range(1, blocks)]
        try:
            function(bounds[0], bounds[1])
        finally:
            errors = [future.exception() for future in futures]  # waits for every block
    for error in errors:
        if error is not None:
            raise error


# --- whole computations split into blocks of rows -------------------------------------
#
# Why (the course's 2-core machine, benchmarks/run.py --helpers-only and
# benchmarks/blas_spin.py, tables in benchmarks/README.md): a softmax gradient is two matrix
# products, which stream all of X from memory, with an ``exp`` over the K m scores between
# them, which computes. With one BLAS thread (how the course runs) the second core idles
# during the products; done block of samples by block, on two threads, one core computes a
# block's ``exp`` while the other streams another block's rows through a product. At
# m = 100,000, n = 100, K = 10 the public gradient took 0.69 to 0.70 times the two products
# done whole (1.10 to 1.12 before, same runs; AVX-512 CPU), 0.82 to 0.98 with numpy's
# AVX-512 code switched off (1.20 to 1.22 before). With two BLAS threads the blocks would
# have to hold the BLAS at one thread each, and OpenBLAS's worker, once it has helped with
# a product, spins on a core for about a tenth of a second waiting for the next: right
# after a two-thread product the blocks took 1.79 to 1.92 times the products (1.18 to 1.37
# the usual way), 0.2 s later 0.97 to 1.02. So the blocks are used only where the BLAS
# runs one thread.

_blas_lock = threading.Lock()
_blas: Any = None  # threadpoolctl's controller of the loaded BLAS, made on first use


def row_bounds(rows: int, work: int) -> list[int]:
    """Where a computation over ``rows`` rows is cut: block ``i`` is ``bounds[i]:bounds[i + 1]``.

    The cuts depend on the sizes only, never on the number of CPUs, so a sum over the
    blocks gives the same bits on every machine: one block below :data:`MIN_PRODUCT`
    multiply-adds (``work``), else one per ``MIN_PRODUCT`` of work, at most
    :data:`MAX_THREADS`.
    """
    blocks = 1 if work < MIN_PRODUCT else max(1, min(MAX_THREADS, rows, work // MIN_PRODUCT))
    return [rows * i // blocks for i in range(blocks + 1)]


def blas_threads() -> int:
    """The threads the loaded BLAS uses for a product (the most over its libraries; 0 if unknown).

    Read through threadpoolctl, whose controller is made on the first call (it scans the
    loaded libraries: milliseconds) and kept.
    """
    global _blas
    with _blas_lock:
        if _blas is None:
            try:
                from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]
            except ImportError:  # pragma: no cover - pinned in requirements.txt
                _blas = False
            else:
                _blas = ThreadpoolController().select(user_api="blas")
    if not _blas or not _blas.lib_controllers:
        return 0
    return max(int(library.num_threads) for library in _blas.lib_controllers)


def map_row_blocks(function: Callable[[int, int], T], rows: int, work: int) -> list[T] | None:
    """``function(start, stop)`` on each block of :func:`row_bounds`, in parallel; the results in block order.

    Returns ``None``, having done nothing, if the work is too small to split or the BLAS
    runs more than one thread (:func:`blas_threads`; see the comment above), or if a block
    met a floating-point error that numpy's settings in the calling thread would have
    reported (overflow, invalid, division by zero; ``np.errstate`` holds per thread, so
    each block records them instead): the caller then does the whole on its own thread,
    which reports them exactly as it always did. Other exceptions are raised.
    """
    bounds = row_bounds(rows, work)
    if len(bounds) == 2 or blas_threads() != 1:
        return None
    flagged: list[str] = []
    caller = np.geterr()

    def record(action: str) -> Literal["ignore", "call"]:
        return "ignore" if action == "ignore" else "call"

    def block(pair: tuple[int, int]) -> T:
        with np.errstate(call=lambda kind, flag: flagged.append(kind), divide=record(caller["divide"]),
                         over=record(caller["over"]), under=record(caller["under"]),
                         invalid=record(caller["invalid"])):
            return function(*pair)

    pairs = list(itertools.pairwise(bounds))
    threads = min(len(pairs), available_cpus())
    if threads == 1:
        results = [block(pair) for pair in pairs]
    else:
        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="helpers-rows") as pool:
            results = list(pool.map(block, pairs))
    return None if flagged else results
