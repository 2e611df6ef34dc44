"""Input checks shared by every helper.

Each check raises :class:`ValueError` with a message that says what was expected and
what was given, so that a learner who passes the wrong thing sees at once what to fix.
None of these functions modifies its argument: they return new arrays (or views that
the caller never writes to).
"""

from __future__ import annotations

from numbers import Integral, Real

import numpy as np

__all__ = [
    "as_float_array",
    "check_binary_labels",
    "check_class_labels",
    "check_distribution",
    "check_iterations",
    "check_lam",
    "check_learning_rate",
    "check_matching_rows",
    "check_params",
    "describe",
]


def describe(value: object) -> str:
    """Return a short description of ``value`` for error messages (type, shape, dtype)."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of length {len(value)}"
    return f"{value!r} (type {type(value).__name__})"


def _first_bad_index(mask: np.ndarray) -> tuple[int, ...] | int:
    index = tuple(int(i) for i in np.argwhere(mask)[0])
    return index[0] if len(index) == 1 else index


def as_float_array(
    value: object,
    name: str,
    *,
    ndim: int | tuple[int, ...] | None = None,
    allow_empty: bool = False,
    finite: bool = True,
) -> np.ndarray:
    """Convert ``value`` to a float array and check its dimensions and values.

    float32 and float64 arrays keep their dtype; integers and booleans become float64.

    Parameters
    ----------
    value : array_like
        What the caller passed.
    name : str
        The argument's name, used in error messages.
    ndim : int or tuple of int, optional
        Allowed numbers of dimensions.
    allow_empty : bool, default False
        Whether an array with no elements is acceptable.
    finite : bool, default True
        Whether NaN and infinity are rejected.

    Returns
    -------
    numpy.ndarray
        A float32 or float64 array.

    Raises
    ------
    ValueError
        If the value is not numeric, has the wrong number of dimensions, is empty, or
        holds NaN or infinity.
    """
    if isinstance(value, (str, bytes)):
        raise ValueError(f"{name} must be a numeric array; got {describe(value)}")
    try:
        array = np.asarray(value)
    except (ValueError, TypeError) as exc:  # ragged lists and the like
        raise ValueError(f"{name} must be a numeric array; got {describe(value)} ({exc})") from None
    if array.dtype in (np.float32, np.float64):
        pass
    elif array.dtype.kind in "biuf":
        array = array.astype(np.float64)
    else:
        raise ValueError(
            f"{name} must hold real numbers; got {describe(value)} with dtype {array.dtype}"
        )
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if array.ndim not in allowed:
            wanted = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(
                f"{name} must be a {wanted} array; got a {array.ndim}-D array of shape {array.shape}"
            )
    if not allow_empty and array.size == 0:
        raise ValueError(f"{name} must not be empty; got an array of shape {array.shape}")
    if finite:
        bad = ~np.isfinite(array)
        if bad.any():
            where = _first_bad_index(bad) if array.ndim else ()
            kind = "NaN" if np.isnan(array[bad]).any() else "infinity"
            at = f" at index {where}" if array.ndim else ""
            raise ValueError(
                f"{name} must contain only finite numbers; found {int(bad.sum())} non-finite "
                f"value(s), the first {kind}{at}"
            )
    return array


def check_matching_rows(X: np.ndarray, y: np.ndarray, x_name: str = "X", y_name: str = "y") -> None:
    """Check that ``X`` (m, n) and ``y`` (m,) describe the same number of samples."""
    if X.shape[0] != y.shape[0]:
        raise ValueError(
            f"{x_name} and {y_name} must have the same number of samples (rows); "
            f"{x_name} has shape {X.shape} but {y_name} has shape {y.shape}"
        )


def check_params(params: object, X: np.ndarray, name: str, ndim: int) -> np.ndarray:
    """Check parameters against a design matrix ``X`` of shape (m, n).

    ``ndim=1`` checks a weight vector ``theta`` of shape (n,); ``ndim=2`` checks a weight
    matrix ``W`` of shape (n, K).
    """
    array = as_float_array(params, name, ndim=ndim)
    if array.shape[0] != X.shape[1]:
        expected = f"({X.shape[1]},)" if ndim == 1 else f"({X.shape[1]}, K)"
        raise ValueError(
            f"{name} must have shape {expected} to match X, which has {X.shape[1]} columns; "
            f"got {name} of shape {array.shape}"
        )
    return array


def check_binary_labels(y: object, name: str = "y") -> np.ndarray:
    """Check binary labels: a 1-D array of 0s and 1s. Returns them as float64."""
    labels = as_float_array(y, name, ndim=1)
    bad = (labels != 0) & (labels != 1)
    if bad.any():
        index = int(np.argmax(bad))
        found = np.unique(labels[bad])[:5]
        raise ValueError(
            f"{name} must hold binary labels 0 or 1; got {labels[index]:g} at index {index} "
            f"(values outside {{0, 1}}: {', '.join(f'{v:g}' for v in found)})"
        )
    return labels.astype(np.float64, copy=False)


def check_class_labels(y: object, k: int, name: str = "y") -> np.ndarray:
    """Check class labels: a 1-D array of integers in ``0..k-1``. Returns an int64 array."""
    raw = np.asarray(y)
    if raw.dtype.kind not in "iuf" or raw.dtype.kind == "b":
        raise ValueError(
            f"{name} must hold integer class labels 0..{k - 1}; got {describe(y)}"
        )
    labels = as_float_array(raw, name, ndim=1)
    not_integer = labels != np.round(labels)
    if not_integer.any():
        index = int(np.argmax(not_integer))
        raise ValueError(
            f"{name} must hold integer class labels 0..{k - 1}; got {labels[index]:g} at index {index}"
        )
    outside = (labels < 0) | (labels > k - 1)
    if outside.any():
        index = int(np.argmax(outside))
        raise ValueError(
            f"{name} must hold class labels in 0..{k - 1} (K = {k} classes); "
            f"got {labels[index]:g} at index {index}"
        )
    return labels.astype(np.int64)


def check_distribution(p: object, name: str, *, atol: float = 1e-6) -> np.ndarray:
    """Check probability distributions along the last axis: entries >= 0 that sum to 1."""
    array = as_float_array(p, name, ndim=(1, 2))
    if (array < 0).any():
        index = _first_bad_index(array < 0)
        raise ValueError(
            f"{name} must hold probabilities >= 0; got {array[index]:g} at index {index}"
        )
    sums = array.sum(axis=-1)
    bad = np.abs(sums - 1) > atol
    if np.any(bad):
        where = "" if array.ndim == 1 else f" in row {int(np.argmax(bad))}"
        total = float(np.atleast_1d(sums)[np.argmax(np.atleast_1d(bad))])
        raise ValueError(
            f"{name} must sum to 1 along its last axis; the sum{where} is {total:.6g}"
        )
    return array


def check_learning_rate(learning_rate: object) -> float:
    """Check a learning rate: a finite real number > 0."""
    if isinstance(learning_rate, bool) or not isinstance(learning_rate, Real):
        raise ValueError(
            f"learning_rate must be a positive real number; got {describe(learning_rate)}"
        )
    value = float(learning_rate)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"learning_rate must be a positive, finite number; got {value!r}")
    return value


def check_iterations(n_iter: object, name: str = "n_iter") -> int:
    """Check an iteration count: an integer >= 1."""
    if isinstance(n_iter, bool) or not isinstance(n_iter, Integral):
        raise ValueError(f"{name} must be a positive integer; got {describe(n_iter)}")
    if n_iter < 1:
        raise ValueError(f"{name} must be a positive integer (at least 1); got {int(n_iter)}")
    return int(n_iter)


def check_lam(lam: object) -> float:
    """Check an L2 regularisation strength: a finite real number >= 0."""
    if isinstance(lam, bool) or not isinstance(lam, Real):
        raise ValueError(f"lam must be a real number >= 0; got {describe(lam)}")
    value = float(lam)
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"lam must be a finite number >= 0; got {value!r}")
    return value
