"""Shared fixtures for the unit tests."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture
def rng() -> np.random.Generator:
    """A fresh seeded generator per test, so every test is reproducible on its own."""
    return np.random.default_rng(20261122)


def random_problem(rng: np.random.Generator, m: int = 40, n: int = 4, k: int | None = None):
    """Design matrix with an intercept column, and binary (k None) or k-class labels."""
    X = np.column_stack([np.ones(m), rng.normal(size=(m, n - 1))])
    y = rng.integers(0, 2 if k is None else k, size=m)
    return X, (y.astype(float) if k is None else y)


def is_live_cell(source: str) -> bool:
    """Whether a notebook code cell shows a live panel: ``figure.live()`` (or a hand-built panel)."""
    return any(mark in source for mark in (".live(", "LivePanel(", "interactive(", "interact("))
