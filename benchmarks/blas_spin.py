"""Why the softmax gradient splits its samples into blocks only where the BLAS runs one thread.

``.venv/bin/python benchmarks/blas_spin.py``

With one BLAS thread, ``helpers.softmax`` computes a large gradient in blocks of samples on
two threads (``helpers._parallel.map_row_blocks``): one core computes a block's ``exp`` while
the other streams another block's rows of ``X`` through a product. With two BLAS threads the
blocks would have to hold the BLAS at one thread each (``threadpoolctl``), and this measures
what that would give, at m = 100,000, n = 100, K = 10, in a process started with two BLAS
threads:

- "usual": ``softmax.gradient`` as it runs there (products on two BLAS threads, the
  softmax's passes split over threads between them);
- "blocks": the same call inside ``threadpool_limits(1)``, which makes it take the blocks.

Each call alternates with the two products on two BLAS threads (the floor of the
``benchmarks/run.py`` table), either right after them or after a 0.2 s pause. OpenBLAS's
worker thread spins for about 2^28 cycles (a tenth of a second here) after helping with a
product, waiting for the next, so right after a product it holds the second core. Medians of
15 per case; the ratio is the median over the repeats of call time / floor time.
"""

from __future__ import annotations

import os
import sys
import time

import numpy as np
from threadpoolctl import threadpool_limits

from helpers import softmax


def measure(repeats: int = 15) -> list[tuple[str, float, float, float, float]]:
    rng = np.random.default_rng(0)
    m, n, k = 100_000, 100, 10
    X = np.column_stack([np.ones(m), rng.normal(size=(m, n - 1))])
    W = rng.normal(size=(n, k)) * 0.1
    labels = rng.integers(0, k, size=m)
    R = np.ones((k, m))

    def floor() -> None:
        W.T @ X.T
        R @ X

    def usual() -> None:
        softmax.gradient(W, X, labels)

    def blocks() -> None:
        with threadpool_limits(limits=1, user_api="blas"):
            softmax.gradient(W, X, labels)

    rows = []
    for name, call in (("usual", usual), ("blocks", blocks)):
        for pause in (0.0, 0.2):
            call()
            floors, calls = [], []
            for _ in range(repeats):
                start = time.perf_counter()
                floor()
                floors.append(time.perf_counter() - start)
                time.sleep(pause)
                start = time.perf_counter()
                call()
                calls.append(time.perf_counter() - start)
                time.sleep(pause)
            f, c = np.array(floors), np.array(calls)
            rows.append((name, pause, float(np.median(f)) * 1e3, float(np.median(c)) * 1e3, float(np.median(c / f))))
    return rows


def main() -> None:
    if os.environ.get("OPENBLAS_NUM_THREADS") != "2":
        env = dict(os.environ)
        env.update(dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"), "2"))
        os.execve(sys.executable, [sys.executable, __file__], env)
    print("| gradient | after the two-thread products | floor (ms) | gradient (ms) | ratio |")
    print("|---|---|---|---|---|")
    for name, pause, floor_ms, call_ms, ratio in measure():
        when = "at once" if pause == 0 else f"{pause:g} s later"
        print(f"| {name} | {when} | {floor_ms:.1f} | {call_ms:.1f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
