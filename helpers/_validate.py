"""Input checks shared by every helper.

Each check raises :class:`ValueError` with a message that says what was expected and
what was given, so that a learner who passes the wrong thing sees at once what to fix.
None of these functions modifies its argument: they return new arrays (or views that
the caller never writes to).
"""

from __future__ import annotations

from collections.abc import Callable
from numbers import Integral, Real

import numpy as np

__all__ = [
    "as_float_array",
    "check_binary_labels",
    "check_class_count",
    "check_class_labels",
    "check_distribution",
    "check_interval",
    "check_iterations",
    "check_lam",
    "check_learning_rate",
    "check_matching_rows",
    "check_number",
    "check_params",
    "check_rng",
    "describe",
    "finite_scores",
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
    """Check binary labels: a 1-D array of 0s and 1s. Returns them as float64.

    One test, "every label is 0 or 1", also catches NaN and infinity (neither is 0 or 1),
    so valid labels cost that test alone; only labels that fail it are examined again,
    in the old order, to say what is wrong (a NaN is reported as such, not as a label 2).
    """
    labels = as_float_array(y, name, ndim=1, finite=False)
    if ((labels == 0) | (labels == 1)).all():
        return labels.astype(np.float64, copy=False)
    labels = as_float_array(labels, name, ndim=1)  # NaN or infinity: say so
    bad = (labels != 0) & (labels != 1)
    index = int(np.argmax(bad))
    found = np.unique(labels[bad])[:5]
    raise ValueError(
        f"{name} must hold binary labels 0 or 1; got {labels[index]:g} at index {index} "
        f"(values outside {{0, 1}}: {', '.join(f'{v:g}' for v in found)})"
    )


def check_class_labels(y: object, k: int, name: str = "y") -> np.ndarray:
    """Check class labels: a 1-D array of integers in ``0..k-1``. Returns an int64 array.

    Labels of an integer dtype need only their smallest and largest value checked (two
    passes, no copy for int64); float labels are checked for NaN, fractions and range.
    """
    raw = np.asarray(y)
    if raw.dtype.kind not in "iuf" or raw.dtype.kind == "b":
        raise ValueError(
            f"{name} must hold integer class labels 0..{k - 1}; got {describe(y)}"
        )
    if raw.dtype.kind in "iu" and raw.ndim == 1 and raw.size and raw.min() >= 0 and raw.max() <= k - 1:
        return raw.astype(np.int64, copy=False)
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


def finite_scores(
    X: np.ndarray,
    weights: np.ndarray,
    product: Callable[[np.ndarray, np.ndarray], np.ndarray] = np.matmul,
    *,
    summary: Callable[[np.ndarray], np.ndarray] | None = None,
    name: str = "X",
) -> tuple[np.ndarray, np.ndarray]:
    """The scores ``product(X, weights)``, with ``X`` shown to be finite on the way.

    ``X`` (m, n) has been checked by ``as_float_array(X, name, ndim=2, finite=False)``:
    shape and dtype, not its values. Checking every one of its m x n entries for NaN and
    infinity takes a pass over all of them (4 ms of a 23.5 ms logistic gradient at
    m = 100,000, n = 100); the scores tell the same for a fraction of the cost. In IEEE
    arithmetic a non-finite entry ``X[i, j]`` makes every score of sample ``i`` non-finite:
    NaN times anything is NaN, infinity times a non-zero weight is infinite, infinity times
    0 is NaN, and a sum with a non-finite term is never finite. So the entries are searched,
    and the first bad one named as :func:`as_float_array` names it, only when a score is
    not finite. Scores can also overflow from finite ``X`` (entries near 1e308): then ``X``
    passes that search and the product is computed again, so that it behaves (warnings
    included) exactly as it did when ``X`` was checked first.

    A BLAS may skip a multiplication by a zero weight: LAPACK's reference BLAS did in
    ``gemv`` and ``gemm`` until 2014 (Reference-LAPACK/lapack issue 179). Where a weight
    is 0 (``weights[j]``, or any entry of the row ``weights[j, :]``), column ``j`` of ``X``
    is therefore checked directly. numpy's bundled OpenBLAS (0.3.31; kernel families
    Prescott, Nehalem, Sandybridge and Haswell, 1 and 2 threads) propagated every NaN and
    infinity tried, zero weights included (``benchmarks/nan_propagation.py``: 2,880 cases
    each, no miss), so this is a safety net for other libraries that costs nothing while no
    weight is exactly 0.

    Parameters
    ----------
    X : numpy.ndarray, shape (m, n)
    weights : numpy.ndarray, shape (n,) or (n, K)
        Finite (checked by the caller).
    product : callable, default ``numpy.matmul``
        ``product(X, weights)``: the scores in whatever layout the caller needs, such as
        ``lambda X, W: W.T @ X.T`` for (K, m).
    summary : callable, optional
        From the scores, an array that the caller needs anyway and that is finite
        exactly when every score of every sample is: the softmax helpers pass each
        sample's largest score (its K scores are all non-finite if one entry of its row
        of ``X`` is, so their maximum is too), which saves a pass over the K x m scores.
        By default the scores themselves.
    name : str, default "X"
        The argument's name, used in error messages.

    Returns
    -------
    scores : numpy.ndarray
        ``product(X, weights)``.
    summary : numpy.ndarray
        ``summary(scores)`` (the scores again without ``summary``).

    Raises
    ------
    ValueError
        If ``X`` holds NaN or infinity: the message of :func:`as_float_array`.
    """
    summarise = summary if summary is not None else (lambda scores: scores)
    # Infinity x 0 (invalid) is X's fault, reported below; an overflow gives a non-finite
    # score too, and the product is then computed again with numpy's warnings.
    with np.errstate(invalid="ignore", over="ignore"):
        scores = product(X, weights)
        summed = summarise(scores)
    unweighted = weights == 0 if weights.ndim == 1 else (weights == 0).any(axis=1)
    if np.isfinite(summed).all() and (not unweighted.any() or np.isfinite(X[:, unweighted]).all()):
        return scores, summed
    as_float_array(X, name, ndim=2)  # raises, naming the first NaN or infinity, if there is one
    scores = product(X, weights)  # X is finite: the scores overflowed; as before, with numpy's warnings
    return scores, summarise(scores)


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


# --- added for notebooks 01 and 03 ---
def check_number(value: object, name: str, limit: float | None = None) -> float:
    """Check a finite real scalar (not a bool); optionally ``|value| <= limit``."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{name} must be a real number; got {describe(value)}")
    number = float(value)
    if not np.isfinite(number):
        raise ValueError(f"{name} must be a finite number; got {number!r}")
    if limit is not None and abs(number) > limit:
        raise ValueError(f"{name} must lie between -{limit:g} and {limit:g}; got {number!r}")
    return number


def check_interval(value: object, name: str) -> tuple[float, float]:
    """Check a pair ``(low, high)`` of finite numbers with ``low < high``."""
    pair = as_float_array(value, name, ndim=1)
    if pair.shape != (2,) or not pair[0] < pair[1]:
        raise ValueError(f"{name} must be a pair (low, high) with low < high; got {describe(value)}")
    return float(pair[0]), float(pair[1])


def check_rng(rng: object) -> np.random.Generator:
    """Check a random generator: a ``numpy.random.Generator``."""
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy.random.Generator (np.random.default_rng(seed)); got {describe(rng)}")
    return rng


# --- added for notebook 04 ---
def check_class_count(k: object) -> int:
    """Check a number of classes: an integer >= 2."""
    if isinstance(k, bool) or not isinstance(k, Integral) or k < 2:
        raise ValueError(f"k must be an integer number of classes >= 2; got {describe(k)}")
    return int(k)
