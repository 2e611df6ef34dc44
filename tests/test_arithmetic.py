"""The other arithmetic path of ``tests/arithmetic.py`` really computes differently.

``tests/test_slider_sweep.py`` runs every notebook along that path and compares its text
with the committed outputs; if the path changed nothing, that comparison could never
fail. Here a fresh interpreter computes a few float64 results with this machine's usual
settings (one BLAS thread, as ``course.py`` runs) and again along the other path, and at
least one of them must differ in its bits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from arithmetic import describe, optional_simd_features, other_arithmetic_env

PROBE = r"""
import hashlib, json
import numpy as np
rng = np.random.default_rng(7)
x = rng.normal(size=100_003) * 10
A = rng.normal(size=(300, 200))
v = rng.normal(size=200)
results = {
    "exp": np.exp(x), "log": np.log(np.abs(x) + 1), "tanh": np.tanh(x),
    "sum": np.array([x.sum()]), "A @ v": A @ v, "A.T @ A": A.T @ A,
}
print(json.dumps({k: hashlib.sha256(r.tobytes()).hexdigest() for k, r in results.items()}))
"""

USUAL = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def probe(overrides: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("NPY_DISABLE_CPU_FEATURES", "OPENBLAS_CORETYPE")}
    env.update(overrides)
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    assert not out.stderr.strip(), f"the probe warned: {out.stderr}"
    return json.loads(out.stdout)


def test_the_other_path_changes_some_float64_results():
    changes = other_arithmetic_env()
    if "OPENBLAS_CORETYPE" not in changes:
        # macOS on Apple silicon (numpy uses Accelerate there) or a BLAS other than OpenBLAS:
        # the sweep still runs with numpy's optional SIMD code off, but no switch here is
        # known to change a float64 result on every such machine.
        pytest.skip(f"no BLAS kernel family to switch on this machine ({describe()})")
    usual, other = probe(USUAL), probe(changes)
    assert usual == probe(USUAL), "the same settings gave different bits twice: the probe is not deterministic"
    differing = sorted(k for k in usual if usual[k] != other[k])
    assert differing, f"the other path ({describe()}) computed every probe bit for bit as usual"


def test_only_features_this_cpu_has_are_switched_off():
    features = optional_simd_features()
    named = other_arithmetic_env().get("NPY_DISABLE_CPU_FEATURES", "").split()
    assert named == features
    # numpy complains on stderr (or refuses to import) if a named feature is not available.
    assert probe(other_arithmetic_env())

