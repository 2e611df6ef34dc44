"""Does a second thread speed up ``exp`` right after a BLAS product? (1 and 2 BLAS threads)

``.venv/bin/python benchmarks/exp_threads.py``

The softmax gradient's largest cost besides its two products is ``exp`` over the K x m
scores (numpy's float64 ``exp`` is scalar on CPUs without AVX-512), and the helpers split it
over threads (``helpers._parallel``). This measures when that can pay: ``exp`` over 10^6
scores on one thread and split over two, right after a product ``W.T @ X.T`` (m = 100,000,
n = 100, K = 10), which is where the gradient computes it; with one BLAS thread, with two,
and with two and ``OPENBLAS_THREAD_TIMEOUT=4`` (OpenBLAS's idle workers stop spinning after
2^4 cycles instead of 2^28). Each configuration runs in a fresh process; medians of 15.

On the course's 2-core machine (AMD EPYC, numpy 2.4.6's OpenBLAS 0.3.31), seven runs on
2026-12-03, medians in ms, one thread / split over two: with one BLAS thread 5.5-9.7 /
5.4-8.3 (the split was never slower); with two BLAS threads 5.5-9.9 / 6.0-10.9 (the split
was slower in every run, by 0.2 to 1.7 ms); with two BLAS threads that stop spinning at
once, 5.2-9.3 / 5.4-6.0. On this shared virtual machine the same single-thread ``exp``
takes 5 ms in one run and 10 in the next. So with two BLAS threads the second core is
taken: OpenBLAS's worker spins on it after the product, waiting for the next one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np


def measure(repeats: int = 15) -> dict[str, float]:
    rng = np.random.default_rng(0)
    m, n, k = 100_000, 100, 10
    X, W = rng.normal(size=(m, n)), rng.normal(size=(n, k)) * 0.1
    scores = -np.abs(rng.normal(size=(k, m)))

    def split_exp(Z: np.ndarray) -> None:
        half = Z.shape[1] // 2
        with ThreadPoolExecutor(1) as pool:
            future = pool.submit(np.exp, Z[:, half:], out=Z[:, half:])
            np.exp(Z[:, :half], out=Z[:, :half])
            future.result()

    cases = {"one thread": lambda Z: np.exp(Z, out=Z), "two threads": split_exp}
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeats):
        for name, function in cases.items():
            Z = scores.copy()
            W.T @ X.T
            start = time.perf_counter()
            function(Z)
            times[name].append(time.perf_counter() - start)
    return {name: float(np.median(values)) * 1e3 for name, values in times.items()}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(measure()))
        return
    print("| BLAS | exp of 10^6 scores after a product, one thread (ms) | split over two (ms) |")
    print("|---|---|---|")
    for threads, timeout in ((1, None), (2, None), (2, "4")):
        env = dict(os.environ)
        env.update(dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"), str(threads)))
        env.pop("OPENBLAS_THREAD_TIMEOUT", None)
        if timeout is not None:
            env["OPENBLAS_THREAD_TIMEOUT"] = timeout
        result = subprocess.run([sys.executable, __file__, "--child"], env=env, check=True,
                                capture_output=True, text=True)
        times = json.loads(result.stdout)
        label = f"{threads} thread{'s' if threads > 1 else ''}"
        if timeout is not None:
            label += f", OPENBLAS_THREAD_TIMEOUT={timeout}"
        print(f"| {label} | {times['one thread']:.1f} | {times['two threads']:.1f} |")


if __name__ == "__main__":
    main()
