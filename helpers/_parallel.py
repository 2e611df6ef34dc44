"""Element-wise passes over large arrays, split into blocks of columns done on several threads.

Why the course keeps this (measured on the course's 2-core machine, an AMD EPYC without
AVX-512, numpy 2.4.6, one BLAS thread): numpy's float64 ``exp`` has vectorised code for
AVX-512 only; elsewhere it calls the C library's ``exp`` one number at a time, 5 to 9 ns
each (it varies from run to run on this shared machine). A softmax gradient at m = 100,000
samples and K = 10 classes takes 10^6 of them, about 9 ms in the gradient, a quarter of its
two matrix products (31 to 38 ms), and more than the rest of the softmax together (maximum,
shift, sums and scaling, 2.5 ms). numpy releases the GIL inside its loops, so the passes
can run on two threads, each over half of the samples: the softmax of those 10^6 scores
(shift, ``exp``, sums, scaling) takes 7.3 to 7.8 ms instead of 11.9 to 13.1, and the public
gradient goes from 1.38-1.42 to 1.22-1.28 times its two products (six runs of
``benchmarks/run.py --helpers-only``, which also prints the threshold measurement below).
The course runs with one BLAS thread (for the same digits everywhere), so the second core
is otherwise idle while the softmax runs. With two BLAS threads the second thread gains
nothing (``benchmarks/exp_threads.py``: an ``exp`` split over two threads was 0.2 to 1.7 ms
slower than on one, in seven runs; the gradient's ratio stayed within its run-to-run
spread): OpenBLAS's worker keeps spinning on the other core after a product, waiting for
the next.

Splitting columns changes no number: each block does exactly the operations the whole array
would get, in the same order (the reductions run across rows, one column at a time), so the
results are bit for bit those of one thread, on any number of threads.

Threads are started per call (no pool survives between calls: nothing runs on import, and a
process forked after a call inherits no idle worker it would wait for): 0.3 ms a call. On
smaller arrays the threads do not pay: at K m = 131,080 a softmax takes 1.4 to 1.6 ms on
one thread or two, at 262,150 2.8 to 3.1 ms on one and 2.2 to 2.7 ms on two. Below
:data:`MIN_ELEMENTS` the work is done in the calling thread.
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
# Why (measured on the course's 2-core machine, benchmarks/run.py --helpers-only and
# benchmarks/blas_spin.py): a softmax gradient is two matrix products, which stream all of
# X from memory, with an ``exp`` over the K m scores between them, which computes. With one
# BLAS thread (how the course runs) the second core idles during the products; done block
# of samples by block, on two threads, one core computes a block's ``exp`` while the other
# streams another block's rows through a product, and the gradient takes 0.85 to 0.88 times
# the two products done whole (was 1.22 to 1.27). With two BLAS threads the blocks would
# have to hold the BLAS at one thread each, and OpenBLAS's worker, once it has helped with a
# product, spins on a core for about a tenth of a second waiting for the next: right after
# a two-thread product the blocks took 2.1 times the products (1.5 to 1.7 the usual way).
# So the blocks are used only where the BLAS runs one thread.

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
