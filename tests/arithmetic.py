"""Another arithmetic path for a kernel: what another learner's computer would compute.

The same float64 program prints different last digits on different machines. numpy picks
SIMD code for ``exp``, ``log``, ``tanh`` and sums at run time from the CPU's features
(float64 ``exp`` and ``log`` have AVX-512 code, used only where AVX-512 exists); the BLAS
library picks its kernels from the CPU too, and its thread count changes the order of
summation in a matrix product. A notebook that prints a number at the level of rounding
noise (a gradient check's relative error of 4.0e-11, say) therefore passes nbval on the
machine that executed it and fails on the next one.

:func:`other_arithmetic_env` describes a kernel environment that computes differently
from the one the notebooks are executed and tested in (``course.py`` runs everything with
one BLAS thread and numpy's best SIMD code): every optional SIMD target numpy would use on
this CPU is switched off (``NPY_DISABLE_CPU_FEATURES``), OpenBLAS runs two threads instead
of one and, on x86-64, another family of BLAS kernels (``OPENBLAS_CORETYPE``).
``tests/test_slider_sweep.py`` executes every notebook in such a kernel and requires its
text outputs to equal the committed ones.

How it was shown to catch the problem (issue 15), on an AMD EPYC with AVX2 and no AVX-512
(numpy 2.4.6, Python 3.11): notebook 03 as committed before the fix printed ``y = 0, MSE:
relative error of the analytic derivative = 4.0e-11`` (it was executed on a machine with
AVX-512); executed in the kernel described here it printed ``3.9e-11``, and the test
failed on that cell. On a machine with AVX-512 the switches send numpy's float64 ``exp``
and ``log`` from their AVX-512 code to the baseline code every other CPU runs, so the
same run meets the same ``3.9e-11``. ``tests/test_arithmetic.py`` checks that the path
really is another one: on this AVX2 machine the switches change the last bits of
``np.tanh`` and of every matrix product.
"""

from __future__ import annotations

import os
import platform

import numpy as np


def _numpy_cpu_tables() -> tuple[list[str], dict[str, bool]]:
    try:  # numpy >= 2
        from numpy._core import _multiarray_umath as umath
    except ImportError:  # numpy 1.26
        from numpy.core import _multiarray_umath as umath  # type: ignore[no-redef]
    return list(umath.__cpu_dispatch__), dict(umath.__cpu_features__)


def optional_simd_features() -> list[str]:
    """numpy's optional (dispatchable) SIMD targets that this CPU supports.

    Returns
    -------
    list of str
        For example ``['X86_V3']`` on an AVX2 machine with numpy 2.4, or
        ``['AVX512F', 'AVX512_SKX', ...]`` with AVX-512; empty where numpy has nothing to
        switch off. Only these may be named in ``NPY_DISABLE_CPU_FEATURES`` (naming a
        feature the CPU lacks, or one in numpy's baseline, makes numpy complain).
    """
    dispatch, available = _numpy_cpu_tables()
    return [name for name in dispatch if available.get(name)]


def _blas_architecture() -> str | None:
    """The OpenBLAS kernel family numpy uses here (``'Haswell'``, ``'SkylakeX'``...), or None."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    for info in threadpool_info():
        if info.get("internal_api") == "openblas":
            return info.get("architecture")
    return None


def other_arithmetic_env() -> dict[str, str]:
    """Environment variables that make a fresh kernel compute along another path.

    Returns
    -------
    dict of str to str
        ``NPY_DISABLE_CPU_FEATURES`` (only when numpy has optional targets on this CPU),
        ``OPENBLAS_NUM_THREADS``/``OMP_NUM_THREADS``/``MKL_NUM_THREADS`` = 2 (``course.py``
        runs with 1) and, with OpenBLAS on x86-64, ``OPENBLAS_CORETYPE`` set to an older
        kernel family than the one detected (``Prescott``, SSE3, runs on every x86-64 CPU).
    """
    env = dict.fromkeys(("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"), "2")
    features = optional_simd_features()
    if features:
        env["NPY_DISABLE_CPU_FEATURES"] = " ".join(features)
    architecture = _blas_architecture()
    if architecture is not None and platform.machine().lower() in ("x86_64", "amd64"):
        env["OPENBLAS_CORETYPE"] = "Nehalem" if architecture.lower() == "prescott" else "Prescott"
    return env


def kernel_env() -> dict[str, str]:
    """This process's environment with :func:`other_arithmetic_env` applied (for a kernel)."""
    return {**os.environ, **other_arithmetic_env()}


def describe() -> str:
    """One line for test messages: which path the kernel took."""
    settings = ", ".join(f"{k}={v}" for k, v in sorted(other_arithmetic_env().items()))
    return f"numpy {np.__version__}, {settings}"
