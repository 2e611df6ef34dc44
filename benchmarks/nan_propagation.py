"""Does every NaN and infinity in ``X`` reach the scores, as the helpers' input checks assume?

    .venv/bin/python benchmarks/nan_propagation.py            # every OpenBLAS kernel family, 1 and 2 threads
    .venv/bin/python benchmarks/nan_propagation.py --here     # this process's BLAS only

``helpers._validate.finite_scores`` checks the scores ``X @ theta`` (logistic) or each
sample's largest score of ``X @ W`` (softmax) instead of every entry of ``X``. That is
sound when the BLAS library computes every product it is asked for: then a non-finite
``X[i, j]`` makes every score of sample ``i`` non-finite (NaN x anything = NaN, inf x 0 =
NaN, inf x w = +-inf, and a sum with a non-finite term is never finite). A library that
skips multiplications by zero would break it where a weight is 0; ``finite_scores``
checks those columns of ``X`` directly. This script tries the library numpy uses: NaN,
+inf and -inf at the corners and the middle of ``X``, in C and Fortran order, float64 and
float32, small and large shapes, weights all 0, 0 in the bad entry's column (or row of
``W``), random and all 1; products ``X @ theta``, ``W.T @ X.T``, ``X @ W``. It reports a
miss when a score (logistic) or any of the bad sample's K scores (softmax) is finite.
On x86-64 with OpenBLAS it runs itself once per kernel family (``OPENBLAS_CORETYPE``) this
CPU can run, with 1 and with 2 threads. No timing: a check of an assumption.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import warnings

import numpy as np

CORETYPES = ["Prescott", "Nehalem", "Sandybridge", "Haswell", "Zen", "SkylakeX", "Cooperlake", "SapphireRapids"]


def blas_name() -> str:
    try:
        from threadpoolctl import threadpool_info
    except ImportError:  # pragma: no cover
        return "unknown BLAS"
    for info in threadpool_info():
        if info.get("user_api") == "blas":
            name = f"{info.get('internal_api')} {info.get('version')} {info.get('architecture')}"
            return f"{name}, {info.get('num_threads')} threads"
    return "unknown BLAS"


def check_here() -> tuple[int, int]:
    """(cases, misses) for this process's BLAS."""
    rng = np.random.default_rng(0)
    cases = misses = 0
    for m, n, k in [(7, 3, 2), (64, 5, 3), (1000, 17, 4), (20000, 100, 10), (3, 300, 2)]:
        for dtype in (np.float64, np.float32):
            for order in "CF":
                base = rng.normal(size=(m, n)).astype(dtype)
                for bad in (np.nan, np.inf, -np.inf):
                    for i, j in [(0, 0), (m - 1, n - 1), (m // 2, n // 2), (m // 3, n - 1)]:
                        X = base.copy()
                        X[i, j] = bad
                        X = np.asarray(X, order=order)
                        column_j = np.arange(n) == j
                        thetas = [
                            np.zeros(n), np.where(column_j, 0.0, rng.normal(size=n)), rng.normal(size=n), np.ones(n),
                        ]
                        Ws = [
                            np.zeros((n, k)),
                            np.where(column_j[:, None], 0.0, rng.normal(size=(n, k))),
                            rng.normal(size=(n, k)),
                            np.column_stack([np.zeros(n), rng.normal(size=(n, k - 1))]),
                        ]
                        for theta in thetas:
                            cases += 1
                            if np.isfinite((X @ theta.astype(dtype))[i]):
                                misses += 1
                                print(f"miss: X @ theta, shape {(m, n)}, {dtype.__name__}, {order}, {bad} at {(i, j)}")
                        for W in Ws:
                            W = W.astype(dtype)
                            for label, scores in (("W.T @ X.T", (W.T @ X.T)[:, i]), ("X @ W", (X @ W)[i])):
                                cases += 1
                                if np.isfinite(scores).any():
                                    misses += 1
                                    where = f"shape {(m, n, k)}, {dtype.__name__}, {order}, {bad} at {(i, j)}"
                                    print(f"miss: {label}, {where}")
    return cases, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--here", action="store_true", help="only this process's BLAS, as configured")
    args = parser.parse_args()
    if args.here:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # inf x 0 in matmul: the point of the exercise
            cases, misses = check_here()
        print(f"{blas_name()}: {cases} cases, {misses} misses")
        raise SystemExit(1 if misses else 0)
    families = CORETYPES if platform.machine().lower() in ("x86_64", "amd64") else [None]
    seen = set()
    failed = False
    for family in families:
        for threads in (1, 2):
            env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
            if family is not None:
                env["OPENBLAS_CORETYPE"] = family
            result = subprocess.run([sys.executable, __file__, "--here"], env=env, capture_output=True, text=True)
            line = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr.strip()
            failed |= result.returncode != 0
            if line not in seen:  # a family this CPU cannot run falls back to one already listed
                seen.add(line)
                print(line)
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
