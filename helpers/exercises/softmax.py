"""Self-checks of the exercises in ``notebooks/08_softmax.ipynb`` and ``09_softmax_training.ipynb``.

1. :func:`check_stable_softmax` -- a row-wise softmax that never overflows.
2. :func:`check_softmax_jacobian` and :func:`check_log_softmax_jacobian` -- the 3 x 3
   Jacobians at the scores :data:`JACOBIAN_SCORES`, worked out by hand.
3. :func:`check_softmax_gradient` -- the vectorised gradient of the softmax cross-entropy
   cost, compared with the reference and then put through a central-difference check.

Also the checks of the theory sections (natural parameters, temperature, the softmax Hessian)
and, for notebook 09, :func:`check_one_vs_rest` and :func:`check_ovr_predict` -- one-vs-rest
built from the binary model, ``optim.fit_logistic_newton``, and its argmax prediction.

Each check names the likely mistake when the answer matches a typical wrong one, and refuses
a function that calls the course function it asks for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .. import data, gradcheck, one_vs_rest
from .. import softmax as sm
from ..sigmoid import _sigmoid
from ._core import FAIL_MARK, PASS_MARK, CheckResult, check_function, check_value, forbidding

__all__ = [
    "GRADIENT_HELPERS",
    "JACOBIAN_SCORES",
    "SOFTMAX_HELPERS",
    "check_log_softmax_jacobian",
    "check_natural_parameters",
    "check_one_vs_rest",
    "check_ovr_predict",
    "check_score_hessian",
    "check_softmax_gradient",
    "check_softmax_hessian",
    "check_softmax_jacobian",
    "check_softmax_temperature",
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


# ---------------------------------------------------------------------------------------
# notebook 08: the natural parameters of the categorical distribution
# ---------------------------------------------------------------------------------------
def _distribution_cases() -> list[tuple[np.ndarray]]:
    rng = np.random.default_rng(8)
    return [
        (np.array([0.5, 0.25, 0.25]),),
        (np.array([0.1, 0.2, 0.3, 0.4]),),
        (sm.softmax(2.0 * rng.standard_normal((4, 5))),),
    ]


def check_natural_parameters(fn: Callable[[np.ndarray], np.ndarray]) -> CheckResult:
    r"""Check :math:`\eta_k = \ln(p_k / p_{K-1})` for distributions of shape (K,) or (m, K).

    Introduced in ``notebooks/08_softmax.ipynb``. The function runs with
    :func:`helpers.softmax.natural_parameters` switched off (calling it is not an answer).

    Parameters
    ----------
    fn : callable
        ``fn(p) -> eta`` of the shape of ``p``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    cases = _distribution_cases()
    if _is_stub(fn, cases[0]):
        return _not_written("my_natural_parameters")

    def log_p(p):
        return np.log(p)

    def first_reference(p):
        return np.log(p) - np.log(p[..., :1])

    def inverted(p):
        return np.log(p[..., -1:]) - np.log(p)

    def no_log(p):
        return p / p[..., -1:]

    def centred(p):
        return np.log(p) - np.log(p).mean(axis=-1, keepdims=True)

    def first_row_reference(p):
        return np.log(p) - np.log(p[-1])

    mistakes = [
        (log_p, "you returned ln p_k without the reference: divide by the last class's probability, "
                "η_k = ln(p_k / p_{K-1}), so that η_{K-1} = 0."),
        (first_reference, "the reference class is the last one (K - 1), not class 0: η_k = ln(p_k / p_{K-1})."),
        (inverted, "the ratio is upside down: η_k = ln(p_k / p_{K-1}), not ln(p_{K-1} / p_k)."),
        (no_log, "the natural parameter is the *log* of the ratio p_k / p_{K-1}."),
        (centred, "subtracting the mean of the logs is another valid choice (the symmetric one), but this "
                  "exercise fixes the reference class K - 1 at η = 0: subtract ln p_{K-1}."),
        (first_row_reference, "for a 2-D p, take the last entry of each row, p[..., -1:] (keepdims), not the "
                              "last row."),
    ]
    return check_function(
        fn, sm.natural_parameters, cases, mistakes, name="my_natural_parameters", rtol=1e-9, atol=1e-12,
        forbidden=[sm.natural_parameters],
    )


# ---------------------------------------------------------------------------------------
# notebook 08: softmax with a temperature
# ---------------------------------------------------------------------------------------
def _temperature_cases() -> list[tuple[np.ndarray, float]]:
    rng = np.random.default_rng(9)
    return [
        (np.array([2.0, 1.0, 0.1, -1.0]), 1.0),
        (np.array([2.0, 1.0, 0.1, -1.0]), 0.25),
        (3.0 * rng.standard_normal((3, 4)), 5.0),
        (np.array([[10.0, 9.0, 0.0], [-3.0, 2.0, 2.5]]), 0.01),  # z / T near 1000: exp overflows naively
    ]


_TEMPERATURE_HINT = (
    "Your softmax overflowed at a small temperature: z / T is near 1000 there. Subtract each row's maximum "
    "before np.exp (it cancels, as in section 2), then divide by T."
)


def check_softmax_temperature(fn: Callable[[np.ndarray, float], np.ndarray]) -> CheckResult:
    r"""Check :math:`\operatorname{softmax}(z / T)` for scores (K,) or (m, K), small temperatures included.

    Introduced in ``notebooks/08_softmax.ipynb``. The function runs with
    :func:`helpers.softmax.softmax` and :func:`helpers.softmax.log_softmax` switched off.

    Parameters
    ----------
    fn : callable
        ``fn(Z, T) -> P`` of the shape of ``Z``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    cases = _temperature_cases()
    if _is_stub(fn, cases[0]):
        return _not_written("my_softmax_t")

    def times_t(Z, T):
        return sm.softmax(Z * T)

    def no_t(Z, T):
        return sm.softmax(Z)

    def naive(Z, T):
        with np.errstate(all="ignore"):
            e = np.exp(Z / T)
            return e / e.sum(axis=-1, keepdims=True)

    def powered(Z, T):
        return sm.softmax(Z) ** (1 / T)

    def wrong_axis(Z, T):
        e = np.exp((Z - Z.max(axis=-1, keepdims=True)) / T)
        return e / e.sum(axis=0, keepdims=True)

    mistakes = [
        (times_t, "divide the scores by T, do not multiply: a small T must sharpen the distribution."),
        (no_t, "the temperature is missing: use the scores z / T."),
        (naive, _TEMPERATURE_HINT),
        (powered, "raising the probabilities to the power 1/T is the same as softmax(z / T) only after "
                  "renormalising each row to sum 1."),
        (wrong_axis, "normalise each row (axis=-1, keepdims=True): the K scores of one sample sum to 1."),
    ]
    return check_function(
        fn, lambda Z, T: sm.softmax(Z, temperature=T), cases, mistakes, name="my_softmax_t",
        rtol=1e-9, atol=1e-12, warning_hint=_TEMPERATURE_HINT, forbidden=[sm.softmax, sm.log_softmax],
    )


# ---------------------------------------------------------------------------------------
# notebook 09: the softmax Hessian by hand, one sample and then the batch
# ---------------------------------------------------------------------------------------
_VEC_HINT = (
    "the Kronecker factors are in the wrong order: with vec(W) stacking the columns of W (class after class), "
    "sample i contributes np.kron(diag(p_i) - p_i p_iᵀ, x_i x_iᵀ) (class block outside, feature block inside); "
    "np.kron(x_i x_iᵀ, ...) is the Hessian for W.reshape(-1), which stacks the rows."
)


def check_score_hessian(fn: Callable[[np.ndarray], np.ndarray]) -> CheckResult:
    r"""Check one sample's Hessian in the scores, :math:`\operatorname{diag}(p) - p p^\top`, shape (K, K).

    Introduced in ``notebooks/09_softmax_training.ipynb``. The function runs with
    :func:`helpers.softmax.score_hessian` switched off.

    Parameters
    ----------
    fn : callable
        ``fn(z) -> H`` with ``z`` of shape (K,) and ``H`` of shape (K, K).

    Returns
    -------
    CheckResult
        Also printed.
    """
    rng = np.random.default_rng(10)
    cases = [(np.array([np.log(2.0), 0.0, 0.0]),), (rng.standard_normal(4),), (np.array([1000.0, 999.0, -5.0]),)]
    if _is_stub(fn, cases[0]):
        return _not_written("my_score_hessian")

    def p_of(z):
        return sm.softmax(z)

    mistakes = [
        (lambda z: np.diag(p_of(z)), "the -p pᵀ term is missing: differentiating p_k = e^{z_k} / Σ_j e^{z_j} "
                                     "through the denominator gives -p_k p_j for every pair."),
        (lambda z: -np.outer(p_of(z), p_of(z)), "the diagonal misses + p_k: the Hessian is diag(p) - p pᵀ."),
        (lambda z: np.outer(p_of(z), p_of(z)) - np.diag(p_of(z)), "the sign is flipped: diag(p) - p pᵀ is "
                                                                  "positive semi-definite (the loss is convex)."),
        (lambda z: np.diag(p_of(z) * (1 - p_of(z))), "the off-diagonal entries are not 0: they are -p_k p_j."),
    ]
    return check_function(
        fn, sm.score_hessian, cases, mistakes, name="my_score_hessian", rtol=1e-9, atol=1e-12,
        warning_hint="Your softmax overflowed at scores near 1000: use helpers.softmax.softmax for p.",
        forbidden=[sm.score_hessian],
    )


class _HessianCase:
    """The arguments (W, X) of one test input of the batch Hessian, shown briefly in messages (as :class:`_Case`)."""

    def __init__(self, label: str, W: np.ndarray, X: np.ndarray) -> None:
        self.label = label
        self.args = (W, X)

    def copies(self) -> tuple[np.ndarray, np.ndarray]:
        return self.args[0].copy(), self.args[1].copy()

    def __repr__(self) -> str:
        W, X = self.args
        return f"{self.label}: W of shape {W.shape}, X of shape {X.shape}"


def _hessian_cases() -> list[_HessianCase]:
    rng = np.random.default_rng(11)
    X = np.column_stack([np.ones(7), rng.standard_normal((7, 2))])
    W = rng.standard_normal((3, 3))
    X4 = np.column_stack([np.ones(6), rng.standard_normal((6, 1))])
    W4 = rng.standard_normal((2, 4))
    return [
        _HessianCase("n = 3 features, K = 3 classes", W, X),
        _HessianCase("n = 2, K = 4 (the blocks are n x n)", W4, X4),
        _HessianCase("W = 0 (every p = 1/K)", np.zeros((3, 3)), X),
    ]


def _batch_hessian(S_of: Callable[[np.ndarray], np.ndarray], order: str = "class", mean: bool = True):
    def hessian(W, X):
        P = sm.softmax(X @ W)
        blocks = [
            np.kron(S_of(p), np.outer(x, x)) if order == "class" else np.kron(np.outer(x, x), S_of(p))
            for p, x in zip(P, X, strict=True)
        ]
        total = np.sum(blocks, axis=0)
        return total / X.shape[0] if mean else total

    return hessian


def check_softmax_hessian(fn: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> CheckResult:
    r"""Check the batch Hessian :math:`\frac1m\sum_i (\operatorname{diag} p_i - p_i p_i^\top) \otimes x_i x_i^\top`.

    Introduced in ``notebooks/09_softmax_training.ipynb``: the Hessian of the unpenalised cost
    in :math:`\operatorname{vec}(W)` = ``W.T.reshape(-1)`` (the columns of ``W`` stacked), shape
    (n K, n K). The function runs with :func:`helpers.softmax.hessian` and
    :func:`helpers.softmax.score_hessian` switched off. When it agrees with the reference it is
    also compared with central differences of :func:`helpers.softmax.gradient`
    (:func:`helpers.gradcheck.finite_difference_hessian`).

    Parameters
    ----------
    fn : callable
        ``fn(W, X) -> H`` with ``W`` (n, K), ``X`` (m, n) and ``H`` (n K, n K).

    Returns
    -------
    CheckResult
        Also printed.
    """
    cases = _hessian_cases()
    if _is_stub(fn, cases[0].args):
        return _not_written("my_softmax_hessian")

    def S(p):
        return np.diag(p) - np.outer(p, p)

    mistakes = [
        (_batch_hessian(lambda p: np.diag(p)), "the -p_i p_iᵀ term is missing: each sample contributes "
                                              "diag(p_i) - p_i p_iᵀ (the Jacobian of the softmax), not diag(p_i)."),
        (_batch_hessian(S, order="feature"), _VEC_HINT),
        (_batch_hessian(S, mean=False), "you forgot the 1/m: the cost is a mean over the m samples, so its "
                                       "Hessian is (1/m) Σ_i (diag p_i - p_i p_iᵀ) ⊗ x_i x_iᵀ."),
        (_batch_hessian(lambda p: np.outer(p, p) - np.diag(p)), "the sign is flipped: the Hessian of a convex "
                                                               "cost is positive semi-definite."),
        (_batch_hessian(lambda p: np.diag(p), mean=False), "two things: the -p_i p_iᵀ term and the 1/m are missing."),
    ]
    y_dummy = {case.label: np.zeros(case.args[1].shape[0], dtype=np.int64) for case in cases}
    forbidden: list[Callable[..., Any]] = [sm.hessian, sm.score_hessian]

    def guarded(W: np.ndarray, X: np.ndarray) -> Any:
        # the direct call of the finite-difference comparison below, with the helpers off too
        with forbidding(fn, forbidden):
            return fn(W, X)

    def on_case(function: Callable[..., Any]) -> Callable[[_HessianCase], Any]:
        return lambda case: function(*case.copies())

    result = check_function(
        on_case(fn),
        lambda case: sm.hessian(case.args[0], case.args[1], y_dummy[case.label]),
        [(case,) for case in cases],
        [(on_case(wrong), hint) for wrong, hint in mistakes],
        name="my_softmax_hessian", rtol=1e-8, atol=1e-12, forbidden=forbidden,
    )
    if not result:
        return result
    W, X = cases[0].args
    n, K = W.shape
    labels = y_dummy[cases[0].label]
    numeric = gradcheck.finite_difference_hessian(
        lambda v: sm.gradient(v.reshape(K, n).T, X, labels).T.reshape(-1), W.T.reshape(-1)
    )
    error = gradcheck.relative_error(np.asarray(guarded(W.copy(), X.copy()), dtype=float), numeric)
    if error < 1e-7:
        return _say(True, "my_softmax_hessian also agrees with central differences of the gradient: "
                          "relative error < 1e-7.")
    return _say(False, f"my_softmax_hessian differs from central differences of the gradient: relative error "
                       f"{error:.1e} (should be < 1e-7).")


# ---------------------------------------------------------------------------------------
# notebook 09: one-vs-rest from the binary model
# ---------------------------------------------------------------------------------------
class _Labelled:
    """The arguments of one test input with a short description (see :class:`_Case`)."""

    def __init__(self, label: str, *args: Any) -> None:
        self.label = label
        self.args = args

    def copies(self) -> tuple[Any, ...]:
        return tuple(np.array(a, copy=True) if isinstance(a, np.ndarray) else a for a in self.args)

    def __repr__(self) -> str:
        return self.label


def _ovr_cases() -> list[_Labelled]:
    plane, plane_labels = data.make_three_class_data(np.random.default_rng(4))
    rng = np.random.default_rng(9)
    features = rng.standard_normal((40, 2))
    labels = rng.integers(0, 4, size=40)
    return [
        _Labelled("the three classes of section 5 (180 points in the plane), K = 3, lam = 0",
                  plane, plane_labels, 3, 0.0),
        _Labelled("40 random points, K = 4, lam = 1", features, labels, 4, 1.0),
    ]


def _ovr_reference(features: np.ndarray, y: np.ndarray, k: int, lam: float = 0.0) -> np.ndarray:
    return one_vs_rest.fit(data.add_intercept(features), y, k, lam=lam)


def _ovr_mistakes() -> list[tuple[Callable[..., Any], str]]:
    def inverted(features, y, k, lam=0.0):
        return -_ovr_reference(features, y, k, lam)  # "the rest" = 1, class k = 0: every θ_k negated

    def transposed(features, y, k, lam=0.0):
        return _ovr_reference(features, y, k, lam).T

    def no_intercept(features, y, k, lam=0.0):
        return one_vs_rest.fit(features, y, k, lam=lam)

    def no_penalty(features, y, k, lam=0.0):
        return _ovr_reference(features, y, k, 0.0)

    return [
        (inverted, "every column is the negative of the right one: you labelled class k 0 and the rest 1. "
                   "The binary model of class k needs labels (y == k), 1 for class k."),
        (transposed, "the result has shape (K, n + 1); lay the K models out as columns, shape (n + 1, K) "
                     "(np.column_stack, not np.array of the list), like a softmax W."),
        (no_intercept, "the models have no intercept: add the column of ones first, X = data.add_intercept(features), "
                       "so that Theta has n + 1 rows, row 0 the intercepts."),
        (no_penalty, "lam is not passed on: call optim.fit_logistic_newton(X, labels, lam=lam)."),
    ]


def _on(fn: Callable[..., Any]) -> Callable[[_Labelled], Any]:
    def call(case: _Labelled) -> Any:
        return fn(*case.copies())

    return call


def check_one_vs_rest(fn: Callable[..., np.ndarray]) -> CheckResult:
    """Check ``fn(features, y, K, lam) -> Theta``, one-vs-rest from K binary logistic fits.

    Introduced in ``notebooks/09_softmax_training.ipynb``. ``features`` has no column of ones;
    ``Theta`` has shape (n + 1, K), column ``k`` the model of class ``k`` against the rest. The
    check compares with :func:`helpers.one_vs_rest.fit` on two inputs and refuses a function
    that calls it; it names the K-class labels passed to the binary fit, inverted labels, a
    transposed result, a missing intercept and a penalty that is not passed on.

    Parameters
    ----------
    fn : callable
        ``fn(features, y, K, lam)`` with ``features`` (m, n), ``y`` (m,) ints in ``0..K-1``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    cases = _ovr_cases()
    if _is_stub(fn, cases[0].args):
        return _not_written("my_one_vs_rest")
    with forbidding(fn, [one_vs_rest.fit]):  # the learner's own error, not a refusal, is named here
        try:
            fn(*cases[0].copies())
        except ValueError as error:
            if "binary labels" in str(error):
                return _say(
                    False,
                    "my_one_vs_rest is not right yet. Likely mistake: you passed the K-class labels y to the binary "
                    "fit, which takes 0/1 labels. Relabel for each class k: (y == k).astype(float), 1 for class k, "
                    "0 for the rest.",
                )
        except Exception:  # reported, with its input, by check_function below
            pass
    return check_function(
        _on(fn), _on(_ovr_reference), [(case,) for case in cases],
        [(_on(wrong), hint) for wrong, hint in _ovr_mistakes()],
        name="my_one_vs_rest", rtol=1e-5, atol=1e-6, forbidden=[one_vs_rest.fit],
    )


def _ovr_predict_cases() -> list[_Labelled]:
    rng = np.random.default_rng(11)
    return [
        _Labelled("Theta (3, 3), 12 points in the plane", rng.standard_normal((3, 3)), rng.standard_normal((12, 2))),
        _Labelled("Theta (5, 4), 7 points with 4 features", rng.standard_normal((5, 4)), rng.standard_normal((7, 4))),
    ]


def _ovr_predict_reference(Theta: np.ndarray, features: np.ndarray) -> np.ndarray:
    return one_vs_rest.predict(Theta, data.add_intercept(features))


def check_ovr_predict(fn: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> CheckResult:
    """Check ``fn(Theta, features) -> labels``, the class whose binary model is most confident.

    Introduced in ``notebooks/09_softmax_training.ipynb``. The argmax may be taken over the
    scores or over their sigmoids (the same classes). Refuses a call to
    :func:`helpers.one_vs_rest.predict`.

    Parameters
    ----------
    fn : callable
        ``fn(Theta, features)`` with ``Theta`` (n + 1, K) and ``features`` (m, n), no column of ones.

    Returns
    -------
    CheckResult
        Also printed.
    """
    cases = _ovr_predict_cases()
    if _is_stub(fn, cases[0].args):
        return _not_written("my_ovr_predict")

    def scores(Theta: np.ndarray, features: np.ndarray) -> np.ndarray:
        return data.add_intercept(features) @ Theta

    mistakes: list[tuple[Callable[..., Any], str]] = [
        (lambda T, f: np.argmax(scores(T, f), axis=0),
         "np.argmax over axis 0 picks, for each class, a sample; take it over the classes, axis=1."),
        (lambda T, f: np.max(scores(T, f), axis=1),
         "np.max gives the largest score; the prediction is its position, np.argmax(..., axis=1)."),
        (lambda T, f: np.max(_sigmoid(scores(T, f)), axis=1),
         "np.max gives the largest probability; the prediction is its position, np.argmax(..., axis=1)."),
        (scores, "you returned the K scores of each sample; the prediction is the index of the largest."),
        (lambda T, f: _sigmoid(scores(T, f)),
         "you returned the K probabilities of each sample; the prediction is the index of the largest."),
    ]
    return check_function(
        _on(fn), _on(_ovr_predict_reference), [(case,) for case in cases],
        [(_on(wrong), hint) for wrong, hint in mistakes],
        name="my_ovr_predict", rtol=0.0, atol=0.0, forbidden=[one_vs_rest.predict],
    )
