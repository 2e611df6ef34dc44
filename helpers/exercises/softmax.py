"""Self-checks of the exercises in ``notebooks/08_softmax.ipynb``.

1. :func:`check_stable_softmax` -- a row-wise softmax that never overflows.
2. :func:`check_softmax_jacobian` and :func:`check_log_softmax_jacobian` -- the 3 x 3
   Jacobians at the scores :data:`JACOBIAN_SCORES`, worked out by hand.
3. :func:`check_softmax_gradient` -- the vectorised gradient of the softmax cross-entropy
   cost, compared with the reference and then put through a central-difference check.

Each check names the likely mistake when the answer matches a typical wrong one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .. import gradcheck
from .. import softmax as sm
from ._core import FAIL_MARK, PASS_MARK, CheckResult, check_function, check_value

__all__ = [
    "GRADIENT_HELPERS",
    "JACOBIAN_SCORES",
    "SOFTMAX_HELPERS",
    "check_log_softmax_jacobian",
    "check_softmax_gradient",
    "check_softmax_jacobian",
    "check_stable_softmax",
]

#: The scores of exercise 2: ``z = (ln 2, 0, 0)``, so that ``p = (1/2, 1/4, 1/4)``.
JACOBIAN_SCORES: np.ndarray = np.array([np.log(2.0), 0.0, 0.0])
_P = np.array([0.5, 0.25, 0.25])

_ROW_MAX_HINT = (
    "did you forget to subtract the row max? Subtract each row's own maximum, "
    "Z - Z.max(axis=-1, keepdims=True), before np.exp: every exponent is then <= 0, so nothing "
    "overflows, and the largest term is exactly 1, so the sum is never 0. (keepdims=True keeps "
    "the maximum lined up with its own row.)"
)


def _say(passed: bool, message: str) -> CheckResult:
    result = CheckResult(passed, f"{PASS_MARK if passed else FAIL_MARK} {message}")
    print(result.message)
    return result


def _not_written(name: str, what: str = "the `...` with your code") -> CheckResult:
    return _say(False, f"{name} is not implemented yet: replace {what} and run this cell again.")


def _is_stub(fn: Callable[..., Any], args: Sequence[Any]) -> bool:
    """True if ``fn`` is still the notebook's stub (returns None or raises NotImplementedError)."""
    try:
        return fn(*[np.array(a, copy=True) if isinstance(a, np.ndarray) else a for a in args]) is None
    except NotImplementedError:
        return True
    except Exception:  # any other error is reported by check_function with its input
        return False


# ---------------------------------------------------------------------------------------
# exercise 1: stable softmax
# ---------------------------------------------------------------------------------------
def _softmax_cases() -> list[tuple[np.ndarray]]:
    rng = np.random.default_rng(4)
    return [
        (np.array([1.0, 2.0, 3.0]),),
        (3.0 * rng.standard_normal((3, 3)),),
        (np.array([1000.0, 999.0, 998.0]),),  # exp(1000) overflows
        (np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -999.0], [0.5, -0.5, 2.0]]),),
    ]


def _naive_softmax(Z: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        e = np.exp(Z)
        return e / e.sum(axis=-1, keepdims=True)


def _wrong_axis_softmax(Z: np.ndarray) -> np.ndarray:
    e = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def _column_max_softmax(Z: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        e = np.exp(Z - Z.max(axis=0, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)


def _unnormalised_softmax(Z: np.ndarray) -> np.ndarray:
    return np.exp(Z - Z.max(axis=-1, keepdims=True))


#: What exercise 1 must not call: the course's softmax, in every form that returns it.
SOFTMAX_HELPERS: tuple[Callable[..., Any], ...] = (
    sm.softmax, sm.log_softmax, sm.predict_proba, sm._softmax, sm._log_softmax,
)


def check_stable_softmax(fn: Callable[[np.ndarray], np.ndarray]) -> CheckResult:
    """Check a row-wise softmax of scores of shape (K,) or (m, K), including scores near 1000.

    Introduced in ``notebooks/08_softmax.ipynb``. Fails, naming the mistake, if the
    function warns (overflow, division of 0 by 0), returns NaN, normalises over the wrong axis,
    subtracts column maxima instead of row maxima, or forgets to divide by the sum. Refuses a
    function that calls the course's softmax (:data:`SOFTMAX_HELPERS`).

    Parameters
    ----------
    fn : callable
        ``fn(Z) -> P`` with ``P`` of the shape of ``Z``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    cases = _softmax_cases()
    if _is_stub(fn, cases[0]):
        return _not_written("my_softmax")
    mistakes = [
        (_naive_softmax, _ROW_MAX_HINT),
        (
            _wrong_axis_softmax,
            "you normalised over the wrong axis: each row (the K scores of one sample) must sum "
            "to 1, so sum with axis=-1 (or axis=1) and keepdims=True, not axis=0.",
        ),
        (
            _column_max_softmax,
            "you subtracted the maximum of each column (axis=0). Softmax is unchanged only when the "
            "same number is subtracted from a whole row: use Z.max(axis=-1, keepdims=True).",
        ),
        (
            _unnormalised_softmax,
            "you did not divide by the sum: after np.exp, divide each row by its own total so that "
            "it sums to 1.",
        ),
    ]
    warning_hint = _ROW_MAX_HINT[0].upper() + _ROW_MAX_HINT[1:]
    return check_function(
        fn, sm.softmax, cases, mistakes, name="my_softmax", rtol=1e-9, atol=1e-12, warning_hint=warning_hint,
        forbidden=SOFTMAX_HELPERS,
    )


# ---------------------------------------------------------------------------------------
# exercise 2: the Jacobians for K = 3, by hand
# ---------------------------------------------------------------------------------------
def check_softmax_jacobian(J: object) -> CheckResult:
    r"""Check the 3 x 3 Jacobian :math:`\partial p_i / \partial z_j` at :data:`JACOBIAN_SCORES`.

    Introduced in ``notebooks/08_softmax.ipynb``.

    Parameters
    ----------
    J : array_like, shape (3, 3)
        Row ``i``, column ``j``: the derivative of ``p_i`` with respect to ``z_j``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    if J is None or J is Ellipsis:
        return _not_written("J_softmax", "None with your 3 x 3 array")
    p = _P
    expected = np.diag(p) - np.outer(p, p)
    mistakes = [
        (-np.outer(p, p), "the diagonal misses the δ_ij p_i term: ∂p_i/∂z_i = p_i - p_i², not -p_i²."),
        (
            np.diag(p - p * p),
            "the off-diagonal entries are not 0: raising z_j takes probability from every other "
            "class, ∂p_i/∂z_j = -p_i p_j for i ≠ j.",
        ),
        (np.outer(p, p) - np.diag(p), "the sign is flipped: it is diag(p) - p pᵀ."),
        (np.diag(p), "the -p_i p_j term is missing: it comes from differentiating the denominator."),
        (
            np.outer(p, 1 - p),
            "δ_ij is 1 only when i = j: the entries off the diagonal are -p_i p_j, not p_i (1 - p_j).",
        ),
        (
            np.eye(3) - np.outer(np.ones(3), p),
            "that is the Jacobian of log p (exercise 2b). For p itself, multiply row i by p_i.",
        ),
    ]
    return check_value(J, expected, mistakes, name="J_softmax")


def check_log_softmax_jacobian(J: object) -> CheckResult:
    r"""Check the 3 x 3 Jacobian :math:`\partial \log p_i / \partial z_j` at :data:`JACOBIAN_SCORES`.

    Introduced in ``notebooks/08_softmax.ipynb``.

    Parameters
    ----------
    J : array_like, shape (3, 3)
        Row ``i``, column ``j``: the derivative of ``log p_i`` with respect to ``z_j``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    if J is None or J is Ellipsis:
        return _not_written("J_log_softmax", "None with your 3 x 3 array")
    p = _P
    ones = np.ones(3)
    expected = np.eye(3) - np.outer(ones, p)
    mistakes = [
        (
            np.eye(3) - np.outer(p, ones),
            "the matrix is transposed: row i is the gradient of log p_i, and its entry j subtracts "
            "p_j, the probability of the column's class (every row is the same except for the 1).",
        ),
        (-np.outer(ones, p), "the δ_ij is missing: log p_i = z_i - log Σ_k e^{z_k}, and ∂z_i/∂z_j = δ_ij."),
        (np.outer(ones, p) - np.eye(3), "the sign is flipped: it is δ_ij - p_j."),
        (
            np.diag(p) - np.outer(p, p),
            "that is the Jacobian of p (exercise 2a). For log p, divide row i by p_i.",
        ),
    ]
    return check_value(J, expected, mistakes, name="J_log_softmax")


# ---------------------------------------------------------------------------------------
# exercise 3: the vectorised gradient
# ---------------------------------------------------------------------------------------
class _Case:
    """The arguments (W, X, y, lam) of one test input, shown briefly in messages.

    ``check_function`` prints a failing input with ``numpy.array2string``, which cannot format a
    tuple of arrays of different shapes; one object with a ``repr`` can be printed.
    """

    def __init__(self, label: str, W: np.ndarray, X: np.ndarray, y: np.ndarray, lam: float) -> None:
        self.label = label
        self.args = (W, X, y, lam)

    def copies(self) -> tuple[Any, ...]:
        return tuple(np.array(a, copy=True) if isinstance(a, np.ndarray) else a for a in self.args)

    def __repr__(self) -> str:
        W, X, y, lam = self.args
        return f"{self.label}: W of shape {W.shape}, X of shape {X.shape}, y = {y.tolist()}, lam = {lam}"


def _gradient_cases() -> list[_Case]:
    rng = np.random.default_rng(7)
    m, n, k = 9, 4, 3
    X = np.column_stack([np.ones(m), rng.standard_normal((m, n - 1))])
    y = np.array([0, 1, 2, 2, 1, 0, 2, 1, 1])
    W = rng.standard_normal((n, k))
    shifted = W.copy()
    shifted[0] += 1000.0  # every score ~ 1000: exp overflows unless the row max is subtracted
    return [
        _Case("random weights, lam = 0", W, X, y, 0.0),
        _Case("random weights, lam = 0.5", W, X, y, 0.5),
        _Case("intercepts + 1000 (scores near 1000)", shifted, X, y, 0.1),
    ]


def _on_case(fn: Callable[..., Any]) -> Callable[[_Case], Any]:
    def call(case: _Case) -> Any:
        return fn(*case.copies())

    return call


def _parts(W: np.ndarray, X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    P = sm.softmax(X @ W)
    return P, sm.one_hot(y, W.shape[1]), X.shape[0]


def _penalty(W: np.ndarray) -> np.ndarray:
    masked = W.copy()
    masked[0] = 0.0
    return masked


def _gradient_mistakes() -> list[tuple[Callable[..., np.ndarray], str]]:
    def no_mean_a(W, X, y, lam):
        P, Y, m = _parts(W, X, y)
        return X.T @ (P - Y) + lam / m * _penalty(W)

    def no_mean_b(W, X, y, lam):
        P, Y, _ = _parts(W, X, y)
        return X.T @ (P - Y) + lam * _penalty(W)

    def flipped_a(W, X, y, lam):
        P, Y, m = _parts(W, X, y)
        return X.T @ (Y - P) / m + lam / m * _penalty(W)

    def flipped_b(W, X, y, lam):
        P, Y, m = _parts(W, X, y)
        return X.T @ (Y - P) / m - lam / m * _penalty(W)

    def no_one_hot(W, X, y, lam):
        P, _, m = _parts(W, X, y)
        return X.T @ (P - y[:, None]) / m + lam / m * _penalty(W)

    def intercept_penalised(W, X, y, lam):
        P, Y, m = _parts(W, X, y)
        return X.T @ (P - Y) / m + lam / m * W

    def no_penalty(W, X, y, lam):
        P, Y, m = _parts(W, X, y)
        return X.T @ (P - Y) / m

    def half_penalty(W, X, y, lam):
        P, Y, m = _parts(W, X, y)
        return X.T @ (P - Y) / m + lam / (2 * m) * _penalty(W)

    m_hint = "you forgot the 1/m: the cost is a mean over the m samples, so its gradient is Xᵀ(P - Y) / m."
    sign_hint = (
        "the sign is flipped: the gradient of the cost is Xᵀ(P - Y) / m (predicted minus observed); "
        "Y - P points uphill on the cost."
    )
    return [
        (no_mean_a, m_hint),
        (no_mean_b, m_hint),
        (flipped_a, sign_hint),
        (flipped_b, sign_hint),
        (
            no_one_hot,
            "you forgot the one-hot: Y is the (m, K) matrix with a single 1 per row, in the column of "
            "the label (helpers.softmax.one_hot); P - y[:, None] subtracts the label's number from every column.",
        ),
        (
            intercept_penalised,
            "you penalised the intercepts: row 0 of W is not regularised, so its penalty gradient is 0.",
        ),
        (no_penalty, "the L2 term is missing: lam / (2m) Σ W[1:]² adds (lam / m) W[1:] to the gradient."),
        (half_penalty, "the penalty's gradient is (lam / m) W[1:]: the 2 of the square cancels the 1/2."),
    ]


#: What exercise 3 must not call: every course function that returns the softmax gradient
#: (the softmax itself and ``one_hot`` are allowed).
GRADIENT_HELPERS: tuple[Callable[..., Any], ...] = (
    sm.gradient, sm.cost_and_gradient, sm.minibatch_objective, sm._cost_and_gradient, sm._stacked_gradients,
)


def check_softmax_gradient(
    fn: Callable[[np.ndarray, np.ndarray, np.ndarray, float], np.ndarray],
) -> CheckResult:
    r"""Check a vectorised gradient :math:`X^T (P - Y)/m + (\lambda/m) W` (row 0 unpenalised).

    Introduced in ``notebooks/08_softmax.ipynb``. The function is compared with
    :func:`helpers.softmax.gradient` on three inputs (one with scores near 1000); if it agrees,
    it is also compared with central differences of :func:`helpers.softmax.cost`
    (:func:`helpers.gradcheck.check_gradient`), which must give a relative error below 1e-7.
    Refuses a function that calls the course's gradient (:data:`GRADIENT_HELPERS`).

    Parameters
    ----------
    fn : callable
        ``fn(W, X, y, lam) -> gradient`` with ``W`` (n, K), ``X`` (m, n), ``y`` (m,) ints.

    Returns
    -------
    CheckResult
        Also printed.
    """
    cases = _gradient_cases()
    if _is_stub(fn, cases[0].args):
        return _not_written("my_gradient")
    result = check_function(
        _on_case(fn),
        _on_case(sm.gradient),
        [(case,) for case in cases],
        [(_on_case(wrong), hint) for wrong, hint in _gradient_mistakes()],
        name="my_gradient",
        rtol=1e-6,
        atol=1e-10,
        warning_hint=(
            "Your softmax overflowed at large scores: subtract the row max first, or call helpers.softmax.softmax."
        ),
        forbidden=GRADIENT_HELPERS,
    )
    if not result:
        return result
    W, X, y, lam = cases[1].args
    error = gradcheck.check_gradient(
        lambda V: sm.cost(V, X, y, lam), lambda V: np.asarray(fn(V, X, y, lam), dtype=float), W
    )
    if error < 1e-7:
        # A verdict, not the error itself: its digits are rounding noise that differs by machine.
        return _say(True, "my_gradient also passes the gradient check: relative error < 1e-7.")
    return _say(False, f"my_gradient fails the gradient check: relative error {error:.1e} (should be < 1e-7).")
