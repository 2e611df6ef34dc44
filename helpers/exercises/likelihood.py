"""Self-checks of the exercises of the likelihood topic: ``notebooks/03_likelihood_cross_entropy.ipynb``,
``notebooks/04_gradient_descent.ipynb`` and ``notebooks/05_convexity_newton.ipynb``.

Each check runs the learner's answer on a few inputs (including the awkward ones: scores of
±40 and ±800, where a naive formula takes ``log(0)``), compares it with the course's
reference, and names the typical mistake when it recognises one. A check whose exercise
asks for something the course already has refuses an answer that calls the course's
function (:func:`helpers.exercises.forbidding`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from .. import data, logistic, losses, optim
from ..sigmoid import _sigmoid
from ._core import FAIL_MARK, CheckResult, check_function, check_value

__all__ = [
    "check_cost_from_logits",
    "check_gradient",
    "check_gradient_descent",
    "check_hessian",
    "check_largest_learning_rate",
    "check_newton",
    "largest_stable_learning_rate",
]


def _fail(message: str) -> CheckResult:
    result = CheckResult(False, f"{FAIL_MARK} {message}")
    print(result.message)
    return result


def _not_written(name: str) -> CheckResult:
    return _fail(f"{name} is not written yet: replace the stub with your code, run its cell, "
                 "then run this check again.")


def _pending(learner: Callable[..., Any], case: tuple[Any, ...]) -> bool:
    """Whether the learner's function is still the stub (returns None or raises NotImplementedError)."""
    try:
        return learner(*case) is None
    except NotImplementedError:
        return True
    except Exception:  # a real bug: let check_function report it with its input
        return False


def _is_helper(learner: Callable[..., Any], helpers: Sequence[Callable[..., Any]], name: str) -> CheckResult | None:
    """Fail when the answer *is* a course function (``my_gradient = logistic.gradient``), else None."""
    for helper in helpers:
        if learner is helper:
            return _fail(f"{name} is {helper.__module__}.{helper.__qualname__} itself, the function this exercise "
                         "asks you to write: write it yourself from the formula.")
    return None


def _softplus(z: np.ndarray) -> np.ndarray:
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


# ---------------------------------------------------------------------------------------
# exercise 1: the cost from the scores
# ---------------------------------------------------------------------------------------
_LOGIT_CASES = [
    (np.array([1.0, 0.0, 1.0, 0.0]), np.array([0.5, -1.2, 2.0, 0.3])),
    (np.array([1.0, 0.0]), np.array([0.0, 0.0])),
    (np.array([1.0, 1.0, 0.0, 0.0, 1.0]), np.array([3.0, -2.5, -0.7, 1.9, 0.1])),
    (np.array([1.0, 0.0, 1.0, 0.0]), np.array([40.0, -40.0, -40.0, 40.0])),
    (np.array([1.0, 0.0, 1.0, 0.0]), np.array([-700.0, 700.0, 700.0, -700.0])),
    (np.array([1.0, 0.0, 1.0, 0.0]), np.array([-800.0, 800.0, 800.0, -800.0])),  # exp(800) overflows
]

_LOGIT_MISTAKES: list[tuple[Callable[..., Any], str]] = [
    (lambda y, z: float(np.sum(_softplus(z) - y * z)),
     "you added up the losses; the cost is their mean (divide by the number of samples m)."),
    (lambda y, z: float(-np.mean(_softplus(z) - y * z)),
     "the sign is flipped: that is the mean log-likelihood; the cost is its negative."),
    (lambda y, z: float(np.mean(_softplus(z) - (1 - y) * z)),
     "y and 1 − y are swapped: the loss of one sample is ln(1 + e^z) − y·z."),
    (lambda y, z: float(np.mean(-y * z + np.log1p(np.exp(-np.abs(z))))),
     "the max(z, 0) term is missing: ln(1 + e^z) = max(z, 0) + ln(1 + e^(−|z|))."),
]

_LOGIT_WARNING = (
    "For large |z| the naive formula breaks: exp(z) overflows above z ≈ 709, and σ(z) rounds to exactly "
    "0 or 1 (already at |z| ≈ 37), so log(σ(z)) or log(1 − σ(z)) is log(0) = −∞. Work with z itself: "
    "the loss of one sample is ln(1 + e^z) − y·z, and ln(1 + e^z) = max(z, 0) + log1p(exp(−|z|))."
)


def check_cost_from_logits(cost_from_logits: Callable[[np.ndarray, np.ndarray], float]) -> CheckResult:
    """Check ``cost_from_logits(y, z)``: the mean binary cross-entropy computed stably from scores ``z``.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``.

    Parameters
    ----------
    cost_from_logits : callable
        ``(y of shape (m,), z of shape (m,)) -> float``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    name = "cost_from_logits"
    if (refused := _is_helper(cost_from_logits, _COST_HELPERS, name)) is not None:
        return refused
    if _pending(cost_from_logits, _LOGIT_CASES[0]):
        return _not_written(name)
    return check_function(cost_from_logits, losses.binary_cross_entropy_with_logits, _LOGIT_CASES, _LOGIT_MISTAKES,
                          name=name, rtol=1e-9, atol=1e-12, warning_hint=_LOGIT_WARNING, forbidden=_COST_HELPERS)


# The course's functions that compute the cross-entropy cost: Exercise 1 of notebook 03 asks for it.
_COST_HELPERS = (losses.binary_cross_entropy_with_logits, losses.binary_cross_entropy, logistic.cost,
                 logistic.cost_and_gradient)


# ---------------------------------------------------------------------------------------
# exercises 2 and 3: the gradient and the Hessian
# ---------------------------------------------------------------------------------------
def _cases_theta_X_y() -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    scores, admitted = data.load_exam_scores()
    standardised = data.add_intercept(data.standardize(scores)[0])
    rng = np.random.default_rng(202)
    X_small = np.column_stack([np.ones(7), rng.normal(size=(7, 3))])
    y_small = np.array([1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0])
    return [
        (np.zeros(3), standardised, admitted),
        (np.array([0.5, 2.0, -1.0]), standardised, admitted),
        (np.array([-24.0, 0.2, 0.2]), data.add_intercept(scores), admitted),
        (rng.normal(size=4), X_small, y_small),
    ]


def _gradient_mistakes() -> list[tuple[Callable[..., Any], str]]:
    def h(theta: np.ndarray, X: np.ndarray) -> np.ndarray:
        return _sigmoid(X @ theta)

    return [
        (lambda t, X, y: X.T @ (h(t, X) - y),
         "you forgot to divide by m: the cost is a mean, so its gradient is Xᵀ(h − y) / m."),
        (lambda t, X, y: X.T @ (y - h(t, X)) / X.shape[0],
         "the sign is flipped: Xᵀ(y − h)/m is the gradient of the mean log-likelihood (the uphill direction "
         "for ascent); the cost's gradient is Xᵀ(h − y)/m."),
        (lambda t, X, y: X.T @ (X @ t - y) / X.shape[0],
         "you used the scores z = Xθ instead of the probabilities h = σ(Xθ): that is the gradient of linear "
         "regression's squared error."),
        (lambda t, X, y: X.T @ ((h(t, X) - y) * h(t, X) * (1 - h(t, X))) / X.shape[0],
         "there is an extra factor σ'(z) = h(1 − h): with cross-entropy it cancels against the 1/(h(1 − h)) from "
         "the derivative of the logs (that factor belongs to the squared-error cost of notebook 03)."),
    ]


def check_gradient(gradient: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]) -> CheckResult:
    """Check ``gradient(theta, X, y)``: the gradient of the mean cross-entropy, shape (n,).

    Introduced in ``notebooks/04_gradient_descent.ipynb``.

    Parameters
    ----------
    gradient : callable
        ``(theta of shape (n,), X of shape (m, n), y of shape (m,)) -> array of shape (n,)``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    name = "gradient"
    cases = _cases_theta_X_y()
    if (refused := _is_helper(gradient, _GRADIENT_HELPERS, name)) is not None:
        return refused
    if _pending(gradient, cases[0]):
        return _not_written(name)
    return check_function(gradient, logistic.gradient, cases, _gradient_mistakes(), name=name, rtol=1e-7,
                          atol=1e-10, warning_hint="compute h with helpers.sigmoid.sigmoid, which never overflows.",
                          forbidden=_GRADIENT_HELPERS)


# The course's functions that compute the gradient of the cross-entropy (Exercise 1 of notebook 04).
_GRADIENT_HELPERS = (logistic.gradient, logistic.cost_and_gradient)


def _hessian_reference(theta: np.ndarray, X: np.ndarray) -> np.ndarray:
    return logistic.hessian(theta, X, np.zeros(X.shape[0]))


def _hessian_mistakes() -> list[tuple[Callable[..., Any], str]]:
    def s(theta: np.ndarray, X: np.ndarray) -> np.ndarray:
        z = X @ theta
        return _sigmoid(z) * _sigmoid(-z)

    return [
        (lambda t, X: (X.T * s(t, X)) @ X,
         "you forgot to divide by m: H = Xᵀ S X / m."),
        (lambda t, X: -(X.T * s(t, X)) @ X / X.shape[0],
         "the sign is flipped: the Hessian of the cost is Xᵀ S X / m, positive semi-definite (the cost is convex)."),
        (lambda t, X: X.T @ X / X.shape[0],
         "the weights are missing: each sample counts with s_i = h_i (1 − h_i), H = Xᵀ S X / m."),
        (lambda t, X: (X.T * _sigmoid(X @ t)) @ X / X.shape[0],
         "the weights are σ'(z_i) = h_i (1 − h_i), not h_i."),
        (lambda t, X: (X.T * s(t, X) ** 2) @ X / X.shape[0],
         "S appears once in Xᵀ S X: scaling both copies of X by s squares the weights (scale one copy, or both "
         "by √s)."),
    ]


def check_hessian(hessian: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> CheckResult:
    """Check ``hessian(theta, X)``: the Hessian ``Xᵀ S X / m`` of the mean cross-entropy, shape (n, n).

    Introduced in ``notebooks/05_convexity_newton.ipynb``.

    Parameters
    ----------
    hessian : callable
        ``(theta of shape (n,), X of shape (m, n)) -> array of shape (n, n)``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    name = "hessian"
    cases = [(theta, X) for theta, X, _ in _cases_theta_X_y()]
    if (refused := _is_helper(hessian, (logistic.hessian,), name)) is not None:
        return refused
    if _pending(hessian, cases[0]):
        return _not_written(name)
    return check_function(hessian, _hessian_reference, cases, _hessian_mistakes(), name=name, rtol=1e-7,
                          atol=1e-12, warning_hint="compute h with helpers.sigmoid.sigmoid, which never overflows.",
                          forbidden=(logistic.hessian,))


# ---------------------------------------------------------------------------------------
# exercise 4: the largest learning rate on min-max scaled scores
# ---------------------------------------------------------------------------------------
def _largest_curvature_at_minimum(X: np.ndarray, admitted: np.ndarray) -> tuple[float, float]:
    best = optim.fit_logistic_newton(X, admitted).params
    eigenvalues = np.linalg.eigvalsh(logistic.hessian(best, X, admitted))
    return float(eigenvalues[-1]), float(eigenvalues[0])


@lru_cache(maxsize=1)
def _curvatures() -> dict[str, float]:
    """The curvatures behind Exercise 4's answer and its likely mistakes."""
    scores, admitted = data.load_exam_scores()
    scaled = data.add_intercept(data.min_max_scale(scores)[0])
    lam_max, lam_min = _largest_curvature_at_minimum(scaled, admitted)
    return {
        "max": lam_max,
        "min": lam_min,
        "global": logistic.gradient_lipschitz_constant(scaled),
        "standardised": _largest_curvature_at_minimum(
            data.add_intercept(data.standardize(scores)[0]), admitted)[0],
        "raw": _largest_curvature_at_minimum(data.add_intercept(scores), admitted)[0],
    }


def largest_stable_learning_rate() -> float:
    r"""The largest learning rate for which gradient descent converges on the min-max scaled exam scores.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``. Near the minimum the
    cost is almost quadratic with Hessian :math:`H^*`; gradient descent multiplies the
    error along each eigenvector by :math:`1 - \alpha\lambda`, which shrinks for every
    eigenvalue exactly when :math:`\alpha < 2/\lambda_{\max}(H^*)`.

    Returns
    -------
    float
        :math:`2 / \lambda_{\max}(H^*)` on the scores scaled to [0, 1], about 22.7.
    """
    return 2.0 / _curvatures()["max"]


def check_largest_learning_rate(answer: float | None) -> CheckResult:
    """Check the learner's largest convergent learning rate on the min-max scaled scores (within 2 %).

    Introduced in ``notebooks/05_convexity_newton.ipynb``.

    Parameters
    ----------
    answer : float or None
        The learner's number; ``None`` means not answered yet.

    Returns
    -------
    CheckResult
        Also printed.
    """
    name = "your learning rate"
    if answer is None:
        return _fail("no answer yet: set my_learning_rate to a number, then run this check again.")
    curvature = _curvatures()
    expected = 2.0 / curvature["max"]
    mistakes: list[tuple[Any, str]] = [
        (2.0 / curvature["global"], "that is 2/L, the rate that is safe from any start (the Hessian at θ = 0, where "
                                    "every weight h(1 − h) = 1/4 is at its largest). What decides convergence is "
                                    "the curvature near the minimum, which is smaller."),
        (1.0 / curvature["max"], "off by a factor of 2: on a quadratic with curvature λ, gradient descent converges "
                                 "for α < 2/λ, not 1/λ."),
        (2.0 / curvature["min"], "that uses the smallest eigenvalue: the steepest direction (largest eigenvalue) is "
                                 "the one that overshoots first."),
        (2.0 / curvature["standardised"], "that is the limit for the standardised scores of Section 6; this exercise "
                                          "scales each score to [0, 1] with data.min_max_scale."),
        (2.0 / curvature["raw"], "that is the limit for the raw scores in points; this exercise scales each score "
                                 "to [0, 1] with data.min_max_scale."),
    ]
    number = isinstance(answer, (int, float, np.floating)) and not isinstance(answer, bool)
    if number and answer > 0 and not any(np.isclose(answer, w, rtol=0.02) for w, _ in mistakes):
        ratio = float(answer) / expected
        if ratio > 5 or ratio < 0.2:
            hint = (f"that is off by a factor of about {max(ratio, 1 / ratio):.0f}: check that you used the "
                    "min-max scaled scores and the Hessian at the minimum.")
        elif ratio > 1:
            hint = ("too large: at that rate the cost keeps going up and down instead of settling (try it with "
                    "optim.fit_logistic_gd and look at the last costs). The limit is a little lower.")
        else:
            hint = ("too small: gradient descent still converges a little above it. Keep raising α while the "
                    "cost after a few thousand iterations still reaches the minimum.")
        if not np.isclose(ratio, 1, rtol=0.02):
            mistakes.append((answer, hint))
    return check_value(answer, expected, mistakes, name=name, rtol=0.02)


# ---------------------------------------------------------------------------------------
# notebook 04, exercise 2: your own gradient-descent loop
# ---------------------------------------------------------------------------------------
# The course's descent loops and gradients: the exercise asks for the loop and the gradient
# (the learner may use sigmoid.sigmoid and the cost, logistic.cost or their own).
_DESCENT_HELPERS = (optim.gradient_descent, optim.fit_logistic_gd, optim.logistic_descent, optim.Descent,
                    optim.minibatch_gradient_descent, logistic.gradient, logistic.cost_and_gradient)


def _descent_cases() -> list[tuple[np.ndarray, np.ndarray, float, int]]:
    scores, admitted = data.load_exam_scores()
    standardised = data.add_intercept(data.standardize(scores)[0])
    rng = np.random.default_rng(404)
    X_small = np.column_stack([np.ones(8), rng.normal(size=(8, 2))])
    y_small = np.array([1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0])
    return [
        (standardised, admitted, 1.0, 25),
        (X_small, y_small, 0.5, 12),
        (data.add_intercept(scores), admitted, 1e-4, 6),
    ]


def _cost(theta: np.ndarray, X: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean(_softplus(X @ theta) - y * (X @ theta)))


def _descent_loop(step: Callable[[np.ndarray, np.ndarray, np.ndarray, float], np.ndarray],
                  record: str = "both") -> Callable[..., tuple[np.ndarray, np.ndarray]]:
    """A descent loop with a (possibly wrong) step, recording the costs before, after or at both ends."""

    def loop(X: np.ndarray, y: np.ndarray, alpha: float, n_iter: int) -> tuple[np.ndarray, np.ndarray]:
        theta = np.zeros(X.shape[1])
        costs = [_cost(theta, X, y)] if record in ("both", "after") else []
        for _ in range(n_iter):
            if record == "before":
                costs.append(_cost(theta, X, y))
            theta = step(theta, X, y, alpha)
            if record in ("both", "after"):
                costs.append(_cost(theta, X, y))
        if record == "after":
            costs = costs[1:]
        return theta, np.array(costs)

    return loop


def _per_sample_step(theta: np.ndarray, X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    theta = theta.copy()
    for i in range(X.shape[0]):  # the mistake being recognised: one sample at a time
        theta -= alpha * (_sigmoid(X[i] @ theta) - y[i]) * X[i] / X.shape[0]
    return theta


def _grad(theta: np.ndarray, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    return X.T @ (_sigmoid(X @ theta) - y) / X.shape[0]


# The textbook loop, written out here (the check forbids optim's loops while it runs);
# tests/test_exercises_likelihood.py shows it equals optim.fit_logistic_gd.
_descent_reference = _descent_loop(lambda t, X, y, a: t - a * _grad(t, X, y))


def _descent_mistakes() -> list[tuple[Callable[..., Any], str]]:
    grad = _grad
    return [
        (_descent_loop(lambda t, X, y, a: t - a * X.T @ (_sigmoid(X @ t) - y)),
         "you forgot to divide by m: the gradient of the mean cost is Xᵀ(h − y)/m (without it every step is m "
         "times too long)."),
        (_descent_loop(lambda t, X, y, a: t + a * grad(t, X, y)),
         "the step adds the gradient: that climbs the cost. Descent subtracts it, θ ← θ − α∇J(θ)."),
        (_descent_loop(lambda t, X, y, a: t - a * grad(t, X, y), record="after"),
         "the cost history is off by one: it starts after the first step. Record J(θ) before the loop too, "
         "so that costs[0] is the cost at θ = 0 (ln 2) and there are n_iter + 1 values."),
        (_descent_loop(lambda t, X, y, a: t - a * grad(t, X, y), record="before"),
         "the cost history is off by one: it records the cost before each step and misses the cost after the "
         "last one. There should be n_iter + 1 values, from J(0) to the cost of the θ you return."),
        (_descent_loop(_per_sample_step),
         "θ is updated one sample at a time inside each iteration, so later samples see a θ the earlier ones "
         "already moved. Batch gradient descent computes the whole gradient Xᵀ(h − y)/m at the current θ, "
         "then takes one step (and needs no loop over samples)."),
        (_descent_loop(lambda t, X, y, a: t - a * X.T @ (X @ t - y) / X.shape[0]),
         "you used the scores z = Xθ instead of the probabilities h = σ(Xθ): that is linear regression's "
         "gradient."),
    ]


def _joined(fn: Callable[..., Any]) -> Callable[..., np.ndarray]:
    """``fn``'s answer ``(theta, costs)`` as one flat array, so that one comparison covers both."""

    def joined(X: np.ndarray, y: np.ndarray, alpha: float, n_iter: int) -> np.ndarray:
        answer = fn(X, y, alpha, n_iter)
        if not (isinstance(answer, tuple) and len(answer) == 2):
            raise ValueError(f"expected a pair (theta, costs); got {type(answer).__name__}")
        theta, costs = (np.asarray(part, dtype=float).ravel() for part in answer)
        if theta.shape != (X.shape[1],):
            raise ValueError(f"expected theta of shape ({X.shape[1]},); got shape {theta.shape}")
        return np.concatenate([theta, costs])

    return joined


def check_gradient_descent(
        gradient_descent: Callable[[np.ndarray, np.ndarray, float, int], tuple[np.ndarray, np.ndarray]],
) -> CheckResult:
    """Check ``gradient_descent(X, y, alpha, n_iter) -> (theta, costs)``: batch gradient descent from θ = 0.

    Introduced in ``notebooks/04_gradient_descent.ipynb``. The answer must agree with
    :func:`helpers.optim.fit_logistic_gd` (``theta`` is its ``params``, ``costs`` its ``costs``:
    ``n_iter + 1`` values, from the cost at θ = 0 to the cost of the last θ) without calling the
    course's descent loops or its gradient.

    Parameters
    ----------
    gradient_descent : callable
        ``(X of shape (m, n), y of shape (m,), alpha, n_iter) ->
        (theta of shape (n,), costs of shape (n_iter + 1,))``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    name = "gradient_descent"
    cases = _descent_cases()
    if (refused := _is_helper(gradient_descent, _DESCENT_HELPERS, name)) is not None:
        return refused
    if _pending(gradient_descent, cases[-1]):
        return _not_written(name)
    mistakes = [(_joined(wrong), hint) for wrong, hint in _descent_mistakes()]
    return check_function(_joined(gradient_descent), _joined(_descent_reference), cases, mistakes, name=name,
                          rtol=1e-7, atol=1e-10,
                          warning_hint="compute h with helpers.sigmoid.sigmoid and the cost from the scores "
                                       "(logistic.cost or your stable cost from notebook 03).",
                          forbidden=_DESCENT_HELPERS)


# ---------------------------------------------------------------------------------------
# notebook 05, exercise 2: Newton's method (IRLS) from the Hessian
# ---------------------------------------------------------------------------------------
_NEWTON_HELPERS = (optim.newton, optim.fit_logistic_newton, logistic.hessian)


def _newton_cases() -> list[tuple[np.ndarray, np.ndarray, int]]:
    scores, admitted = data.load_exam_scores()
    standardised = data.add_intercept(data.standardize(scores)[0])
    rng = np.random.default_rng(505)
    X_small = np.column_stack([np.ones(9), rng.normal(size=(9, 2))])
    y_small = np.array([1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0])
    return [
        (standardised, admitted, 1),
        (standardised, admitted, 2),
        (data.add_intercept(scores), admitted, 1),
        (X_small, y_small, 2),
    ]


def _newton_loop(direction: Callable[[np.ndarray, np.ndarray, np.ndarray, np.ndarray], np.ndarray],
                 sign: float = -1.0, extra_steps: int = 0) -> Callable[..., np.ndarray]:
    """``n_steps`` Newton steps from θ = 0 with a (possibly wrong) direction; ``direction(θ, θ0, X, y)``."""

    def loop(X: np.ndarray, y: np.ndarray, n_steps: int) -> np.ndarray:
        theta = start = np.zeros(X.shape[1])
        for _ in range(n_steps + extra_steps):
            theta = theta + sign * direction(theta, start, X, y)
        return theta

    return loop


def _weights(theta: np.ndarray, X: np.ndarray) -> np.ndarray:
    z = X @ theta
    return _sigmoid(z) * _sigmoid(-z)


def _hess(theta: np.ndarray, X: np.ndarray) -> np.ndarray:
    return (X.T * _weights(theta, X)) @ X / X.shape[0]


_newton_reference = _newton_loop(lambda t, t0, X, y: np.linalg.solve(_hess(t, X), _grad(t, X, y)))


def _newton_mistakes() -> list[tuple[Callable[..., Any], str]]:
    return [
        (_newton_loop(lambda t, t0, X, y: np.linalg.solve(_hess(t, X), _grad(t, X, y)), sign=1.0),
         "the step is added: θ + H⁻¹∇J moves to the maximum of the quadratic model's mirror image. Newton's step "
         "is θ ← θ − H⁻¹∇J(θ)."),
        (_newton_loop(lambda t, t0, X, y: np.linalg.solve(X.shape[0] * _hess(t, X), _grad(t, X, y))),
         "the Hessian lacks the 1/m that the gradient has (or the gradient has a 1/m the Hessian lacks): each "
         "step is then m times too short. Use H = XᵀSX/m with ∇J = Xᵀ(h − y)/m."),
        (_newton_loop(lambda t, t0, X, y: np.linalg.solve(_hess(t, X), X.shape[0] * _grad(t, X, y))),
         "the gradient lacks the 1/m that the Hessian has: each step is then m times too long. Use "
         "∇J = Xᵀ(h − y)/m with H = XᵀSX/m."),
        (_newton_loop(lambda t, t0, X, y: np.linalg.solve(_hess(t0, X), _grad(t, X, y))),
         "the Hessian is computed once, at θ = 0, and reused: recompute H = XᵀSX/m at the current θ in every "
         "step (the weights s = h(1 − h) change as θ moves; that is the 'reweighted' in IRLS)."),
        (_newton_loop(lambda t, t0, X, y: np.linalg.solve(_hess(t, X), _grad(t, X, y)), extra_steps=1),
         "one step too many: the loop should run n_steps times (range(n_steps))."),
        (_newton_loop(lambda t, t0, X, y: _grad(t, X, y)),
         "that is a gradient-descent step with α = 1: Newton's step solves H d = ∇J for d and subtracts d."),
    ]


def check_newton(newton: Callable[[np.ndarray, np.ndarray, int], np.ndarray]) -> CheckResult:
    """Check ``newton(X, y, n_steps)``: θ after ``n_steps`` full Newton steps from θ = 0, shape (n,).

    Introduced in ``notebooks/05_convexity_newton.ipynb``. Each step is
    ``θ ← θ − H(θ)⁻¹ ∇J(θ)`` with no step-halving; ``np.linalg.solve`` or ``np.linalg.inv``
    both pass. The answer must not call the course's Newton method or its Hessian.

    Parameters
    ----------
    newton : callable
        ``(X of shape (m, n), y of shape (m,), n_steps) -> theta of shape (n,)``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    name = "newton"
    cases = _newton_cases()
    if (refused := _is_helper(newton, _NEWTON_HELPERS, name)) is not None:
        return refused
    if _pending(newton, cases[0]):
        return _not_written(name)
    return check_function(newton, _newton_reference, cases, _newton_mistakes(), name=name, rtol=1e-7, atol=1e-10,
                          warning_hint="compute h with helpers.sigmoid.sigmoid, which never overflows.",
                          forbidden=_NEWTON_HELPERS)
