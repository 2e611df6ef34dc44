"""The course's speed benchmark: sliders, helpers, Newton versus scikit-learn, nbval time.

Run it with ``python3 course.py bench`` (it needs the course's environment). It prints one
Markdown table per part:

1. **Sliders.** Each notebook runs in a fresh kernel with the inline backend, as a learner
   runs it; then every slider of every live panel moves through its whole range, up and
   back down, and each move is timed: callback, figure redraw and PNG sent to the page
   (``tools/sweep.py``). A panel trains every learning rate of its slider and draws
   their backgrounds when it is first shown (``LivePanel.prepare``); the table gives that
   time per panel, and marks each learning-rate and iterations slider "met" or "missed"
   against issue 8's targets (median <= 50 ms, 95th percentile <= 100 ms).
2. **Helpers.** The public ``logistic.gradient`` and ``softmax.gradient`` (input checks
   included, as a learner calls them) and one gradient-descent iteration (cost and gradient
   without checks, as ``helpers.optim`` runs them) against the two matrix products they
   cannot avoid (``X @ w`` and ``X.T @ r``; for softmax the faster of the (m, K) layout
   ``X @ W``, ``X.T @ R`` and the (K, m) layout ``W.T @ X.T``, ``G @ X`` that the helper
   uses), at m = 100,000 samples, n = 100 features, K = 10 classes, timed alternately in
   one run; the ratio is the median over the repeats of call time / product time of the
   same repeat. Measured with 1 and with 2 BLAS threads, each in a fresh process
   (``--helpers-only --threads N`` runs one of them alone). Issue 16's targets: the public
   gradients within 1.2x (logistic) and 1.3x (softmax) of their products. Then the
   softmax's element-wise passes on one thread against split over threads, by size
   (the measurement behind ``helpers._parallel.MIN_ELEMENTS``).
3. **Newton versus scikit-learn** on the exam scores: time to the optimum (Newton stops when
   the cost changes by less than 1e-10) against scikit-learn's default ``LogisticRegression``
   fit on the same data.
4. **nbval.** Wall time of ``pytest notebooks/`` (every notebook under nbval).

The machine is shared by nothing else when this is meant to be read; numbers measured
while other work runs are inflated and say so only by their spread.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpers import data, logistic, optim, softmax  # noqa: E402
from tools.sweep import sweep_notebook  # noqa: E402


def interleaved_times(
    functions: dict[str, object], repeats: int, warm_up: bool = False
) -> dict[str, np.ndarray]:
    """Seconds of each call of each function, calling them in turn so drifts affect all alike."""
    times: dict[str, list[float]] = {name: [] for name in functions}
    for function in functions.values() if warm_up else ():  # untimed: first-touch page faults
        function()
    for _ in range(repeats):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: np.array(values) for name, values in times.items()}


def alternate(functions: dict[str, object], repeats: int) -> dict[str, float]:
    """Median seconds of each function, timing them in turn so drifts affect all alike."""
    return {name: float(np.median(values)) for name, values in interleaved_times(functions, repeats).items()}


#: Issue 16's targets for the public gradients: time / time of their two matrix products.
HELPER_TARGETS = {"logistic": 1.2, "softmax": 1.3}


def helper_speed(repeats: int = 21) -> list[dict]:
    """Public gradients and optimiser iterations against their two products, in this process."""
    rng = np.random.default_rng(0)
    m, n, k = 100_000, 100, 10
    X = np.column_stack([np.ones(m), rng.normal(size=(m, n - 1))])
    y = rng.integers(0, 2, size=m).astype(float)
    labels = rng.integers(0, k, size=m)
    theta = rng.normal(size=n) * 0.1
    W = rng.normal(size=(n, k)) * 0.1
    r, R, R_T = np.ones(m), np.ones((m, k)), np.ones((k, m))
    times = interleaved_times(
        {
            "logistic floor": lambda: (X @ theta, X.T @ r),
            "logistic.gradient": lambda: logistic.gradient(theta, X, y),
            "logistic iteration": lambda: logistic._cost_and_gradient(theta, X, y),
            # The two products in both layouts; the floor is the faster one, whichever the helper uses.
            "softmax floor (m, K)": lambda: (X @ W, X.T @ R),
            "softmax floor (K, m)": lambda: (W.T @ X.T, R_T @ X),
            "softmax.gradient": lambda: softmax.gradient(W, X, labels),
            "softmax iteration": lambda: softmax._cost_and_gradient(W, X, labels),
        },
        repeats,
        warm_up=True,
    )
    softmax_floor = min(("softmax floor (m, K)", "softmax floor (K, m)"), key=lambda name: np.median(times[name]))
    rows = []
    for model, floor_name in (("logistic", "logistic floor"), ("softmax", softmax_floor)):
        floor = times[floor_name]
        for call, what in ((f"{model}.gradient", "public gradient"), (f"{model} iteration", "optimiser iteration")):
            step = times[call]
            rows.append({
                "helper": model, "call": what, "time_ms": float(np.median(step)) * 1e3,
                "floor_ms": float(np.median(floor)) * 1e3, "ratio": float(np.median(step / floor)),
                "floor": floor_name, "target": HELPER_TARGETS[model] if what == "public gradient" else None,
            })
    return rows


def helper_speed_at(threads: int) -> list[dict]:
    """:func:`helper_speed` in a fresh process with ``threads`` BLAS threads."""
    env = dict(os.environ)
    env.update(dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"), str(threads)))
    result = subprocess.run([sys.executable, __file__, "--helpers-only", "--json-stdout"], env=env, cwd=ROOT,
                            check=True, capture_output=True, text=True)
    rows = json.loads(result.stdout)
    for row in rows:
        row["threads"] = threads
    return rows


def helper_table(rows: list[dict]) -> str:
    lines = [
        "| helper | call | BLAS threads | time (ms) | two products (ms) | ratio | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        target = "-" if row["target"] is None else (
            f"<= {row['target']}: {'met' if row['ratio'] <= row['target'] else 'missed'}"
        )
        lines.append(f"| {row['helper']} | {row['call']} | {row.get('threads', '-')} | {row['time_ms']:.1f} | "
                     f"{row['floor_ms']:.1f} | {row['ratio']:.2f} | {target} |")
    return "\n".join(lines)


def split_softmax(repeats: int = 41) -> list[dict] | None:
    """The softmax's passes over K x m scores on one thread and split over threads (``helpers._parallel``).

    ``softmax._exp_normalise`` (shift, ``exp``, sums, scaling) at K = 10 and growing m,
    with the split switched off and forced on, timed alternately on copies of the same
    scores; this is the measurement behind ``helpers._parallel.MIN_ELEMENTS``. None in a
    tree without the split (the "before" of issue 16).
    """
    from helpers import _parallel

    if not hasattr(softmax, "_exp_normalise"):
        return None
    rng = np.random.default_rng(0)
    k, n = 10, 20
    rows = []
    saved = _parallel.MIN_ELEMENTS
    try:
        for m in (3_277, 6_554, 13_108, 26_215, 52_429, 104_858):
            X, W = rng.normal(size=(m, n)), rng.normal(size=(n, k))
            scores = softmax._scores_t(X, W)
            maxima = softmax._class_max(scores)
            times: dict[str, list[float]] = {"one thread": [], "split": []}
            for _ in range(repeats):
                for name, threshold in (("one thread", 1 << 62), ("split", 2)):
                    _parallel.MIN_ELEMENTS = threshold
                    Z = scores.copy()
                    start = time.perf_counter()
                    softmax._exp_normalise(Z, maxima)
                    times[name].append(time.perf_counter() - start)
            _parallel.MIN_ELEMENTS = 2
            rows.append({"elements": k * m, "threads": _parallel.block_count(k * m, m),
                         "one_ms": float(np.median(times["one thread"])) * 1e3,
                         "split_ms": float(np.median(times["split"])) * 1e3})
    finally:
        _parallel.MIN_ELEMENTS = saved
    for row in rows:
        row["used"] = row["elements"] >= saved
    return rows


def split_table(rows: list[dict] | None) -> str:
    if rows is None:
        return "(no split softmax in this tree)"
    lines = [
        "| K m scores | threads | one thread (ms) | split (ms) | split / one | split used by the helpers |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(f"| {row['elements']:,} | {row['threads']} | {row['one_ms']:.2f} | {row['split_ms']:.2f} | "
                     f"{row['split_ms'] / row['one_ms']:.2f} | {'yes' if row['used'] else 'no'} |")
    return "\n".join(lines)


def newton_vs_sklearn(repeats: int = 30) -> dict:
    from sklearn.linear_model import LogisticRegression

    scores, admitted = data.load_exam_scores()
    X = data.add_intercept(scores)
    result = alternate(
        {
            "newton": lambda: optim.fit_logistic_newton(X, admitted, tol=1e-10),
            "sklearn": lambda: LogisticRegression().fit(scores, admitted),
        },
        repeats,
    )
    run = optim.fit_logistic_newton(X, admitted, tol=1e-10)
    return {
        "newton_ms": result["newton"] * 1e3,
        "sklearn_ms": result["sklearn"] * 1e3,
        "ratio": result["sklearn"] / result["newton"],
        "newton_steps": run.n_iter,
        "newton_cost": float(run.costs[-1]),
        "last_change": float(abs(run.costs[-1] - run.costs[-2])),
    }


def slider_table(notebooks: list[Path], limit: int) -> list[dict]:
    rows = []
    for path in notebooks:
        for record in sweep_notebook(path, limit=limit):
            times = np.array(record["times_ms"])
            if not times.size:
                continue
            rows.append({
                "notebook": path.stem, "panel": record["panel"], "slider": record["description"],
                "moves": len(times), "prepared_ms": record.get("prepared_ms"), "median_ms": float(np.median(times)),
                "p95_ms": float(np.percentile(times, 95)), "max_ms": float(times.max()),
                "problems": len(record["problems"]),
            })
    return rows


#: Issue 8's targets for learning-rate and iteration sliders, in the kernel.
TARGET_MEDIAN_MS, TARGET_P95_MS = 50, 100


def verdict(row: dict) -> str:
    """"met" or "missed" for a learning-rate or iterations (epochs) slider; "-" for the others."""
    name = row["slider"].lower()
    if not any(word in name for word in ("learning rate", "iterations", "epochs")):
        return "-"
    return "met" if row["median_ms"] <= TARGET_MEDIAN_MS and row["p95_ms"] <= TARGET_P95_MS else "missed"


def nbval_time() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pytest", "notebooks", "-q", "-p", "no:cacheprovider"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, numpy {np.__version__}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="notebooks to sweep (default: all)")
    parser.add_argument("--limit", type=int, default=25, help="positions per integer slider (default 25)")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--skip-nbval", action="store_true", help="skip the nbval timing")
    parser.add_argument("--helpers-only", action="store_true", help="only the helpers table")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2],
                        help="BLAS thread counts for the helpers table (default 1 2)")
    parser.add_argument("--json-stdout", action="store_true", help=argparse.SUPPRESS)  # helper_speed_at's child
    args = parser.parse_args()
    if args.json_stdout:
        print(json.dumps(helper_speed()))
        return
    if args.helpers_only:
        print(f"Machine: {machine()}; load average before: {os.getloadavg()[0]:.2f}\n")
        print(helper_table([row for threads in args.threads for row in helper_speed_at(threads)]))
        print()
        print(split_table(split_softmax()))
        print(f"\nLoad average after: {os.getloadavg()[0]:.2f}")
        return
    notebooks = [Path(p).resolve() for p in args.notebooks] or sorted((ROOT / "notebooks").glob("*.ipynb"))

    print(f"Machine: {machine()}; load average before: {os.getloadavg()[0]:.2f}\n")
    sliders = slider_table(notebooks, args.limit)
    print("| notebook | panel | slider | moves | median (ms) | p95 (ms) | max (ms) | target | panel prepared in (ms) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in sliders:
        prepared = "-" if row["prepared_ms"] is None else f"{row['prepared_ms']:.0f}"
        print(f"| {row['notebook']} | {row['panel']} | {row['slider']} | {row['moves']} | "
              f"{row['median_ms']:.0f} | {row['p95_ms']:.0f} | {row['max_ms']:.0f} | {verdict(row)} | {prepared} |")
    helpers = [row for threads in args.threads for row in helper_speed_at(threads)]
    print()
    print(helper_table(helpers))
    print()
    print(split_table(split_softmax()))
    newton = newton_vs_sklearn()
    print("\n| Newton (ms) | scikit-learn (ms) | scikit-learn / Newton | Newton steps | cost | last change |")
    print("|---|---|---|---|---|---|")
    print(f"| {newton['newton_ms']:.2f} | {newton['sklearn_ms']:.2f} | {newton['ratio']:.1f} | "
          f"{newton['newton_steps']} | {newton['newton_cost']:.6f} | {newton['last_change']:.1e} |")
    nbval = None if args.skip_nbval else nbval_time()
    if nbval is not None:
        print(f"\nnbval, all notebooks: {nbval:.1f} s")
    print(f"\nLoad average after: {os.getloadavg()[0]:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "sliders": sliders, "helpers": helpers,
                                         "newton": newton, "nbval_s": nbval}, indent=2))


if __name__ == "__main__":
    main()
