"""Self-checks of the exercises in ``notebooks/06_cross_entropy_vs_mse.ipynb`` and ``07_learning_slowdown.ipynb``.

Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. The reference answers are in
``solutions/ce_vs_mse.py``; these checks only compare and name the likely mistake, and the
checks of functions refuse one that calls the course's own (``helpers.squared_error``).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from .. import losses, squared_error
from ..sigmoid import _sigmoid
from ._core import CheckResult, _report, check_function, check_value, forbidding

__all__ = [
    "check_ce_grad_negative_sample",
    "check_cost_for_scaled_gradient",
    "check_gradient_ratio",
    "check_mse_curvature_z",
    "check_mse_grad_z",
    "check_peak_z",
]

# Every case pairs scores z with targets y of the same shape (``_core._short`` cannot print
# a case that mixes an array and a scalar). Scores stay within +-40: beyond about 708 even
# the stable sigmoid's exp(-|z|) underflows, which ``_core._run`` reports as a warning.
_Z = np.array([-40.0, -10.0, -2.0, -0.5, 0.0, 0.7, 3.0, 12.0])
_CASES = [
    (_Z, np.ones_like(_Z)),
    (_Z, np.zeros_like(_Z)),
    (np.array([-1.3, 0.4, 2.2]), np.array([1.0, 0.0, 1.0])),
]
_WARNED = "Your function should not warn on these moderate scores: check for a division by zero."

#: The confident mistake of exercise 1 in ``notebooks/07_learning_slowdown.ipynb``: a negative
#: sample (``y = 0``) with score ``z = 6``.
NEGATIVE_SAMPLE_Z = 6.0


def _h(z: np.ndarray) -> np.ndarray:
    return _sigmoid(np.asarray(z, dtype=np.float64))


def _mse_grad(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    h = _h(z)
    return (h - y) * h * _h(-z)


def _mse_curvature(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    h, g = _h(z), _h(-z)
    s = h * g
    return s * (s + (h - y) * (g - h))


def _not_answered(name: str) -> CheckResult:
    return _report(False, f"{name} is not answered yet: replace None with your answer.")


def _not_written(fn: Callable[..., object], name: str) -> CheckResult | None:
    """The "not yet" verdict if ``fn`` still raises NotImplementedError, else None."""
    try:
        fn(*(np.array(a, copy=True) for a in _CASES[-1]))
    except NotImplementedError:
        return _report(
            False, f"{name} is not written yet: replace the line `raise NotImplementedError` with your code."
        )
    except Exception:  # any other error is reported, with its input, by check_function
        return None
    return None


def check_mse_grad_z(mse_grad_z: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> CheckResult:
    """Check ``mse_grad_z(z, y)``, the derivative of ``(σ(z) - y)² / 2`` with respect to ``z``.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb`` (exercise 1).
    """
    mistakes = [
        (lambda z, y: _h(z) - y,
         "that is the cross-entropy derivative h - y. The chain rule also multiplies by "
         "dh/dz = h (1 - h): you left out the factor h (1 - h)."),
        (lambda z, y: (y - _h(z)) * _h(z) * _h(-z),
         "the sign is flipped: d/dh of (h - y)²/2 is (h - y), not (y - h)."),
        (lambda z, y: 2 * (_h(z) - y) * _h(z) * _h(-z),
         "a factor 2 too much: the ½ in (h - y)²/2 cancels the 2 that the square brings down."),
        (lambda z, y: (_h(z) - y) * _h(z),
         "the sigmoid's derivative is h (1 - h), not h: you dropped the factor (1 - h)."),
        (lambda z, y: (_h(z) - y) * _h(-z),
         "the sigmoid's derivative is h (1 - h): you dropped the factor h."),
    ]
    pending = _not_written(mse_grad_z, "mse_grad_z")
    if pending is not None:
        return pending
    return check_function(
        mse_grad_z, _mse_grad, _CASES, mistakes, name="mse_grad_z", warning_hint=_WARNED,
        forbidden=[squared_error.mse_grad_z],
    )


def check_peak_z(z_star: float | None) -> CheckResult:
    """Check the score where ``|∂ℓ₃/∂z|`` is largest for ``ℓ₃ = |h - y|³ / 3`` and ``y = 1``: ``-ln 3``.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb`` (exercise 2). For ``y = 1``,
    ``|∂ℓ₃/∂z| = (1 - h)² · h (1 - h) = h (1 - h)³``, largest at ``h = 1/4``, so
    ``z* = ln((1/4) / (3/4)) = -ln 3``. (Section 1 of the notebook does the same for the
    squared error and finds ``-ln 2``.)
    """
    if z_star is None:
        return _not_answered("z_star")
    mistakes = [
        (-math.log(2), "-ln 2 is the squared error's peak (section 1), and also what you get for ℓ₃ if you "
                       "drop the sigmoid's factor: |∂ℓ₃/∂z| = (1 - h)² · h (1 - h) = h (1 - h)³, not h (1 - h)²."),
        (1 / 4, "1/4 is the probability h at the peak; the question asks for the score z = ln(h / (1 - h))."),
        (math.log(3), "wrong sign: +ln 3 is the peak for target y = 0. For y = 1 the steepest point is on the "
                      "wrong side, z < 0."),
        (math.log(1 / 4), "you took ln h; the score is the log-odds ln(h / (1 - h)) = ln((1/4) / (3/4))."),
        (0.0, "z = 0 is where σ'(z) = h (1 - h) peaks, but the slope of ℓ₃ also carries the factor (1 - h)², "
              "which moves the peak to the left."),
        (27 / 256, "27/256 is the height of the peak (the largest |∂ℓ₃/∂z|), not its position."),
        (3 / 4, "h = 3/4 is the peak's probability for target y = 0; for y = 1 it is h = 1/4, and the "
                "question asks for the score z, not h."),
    ]
    return check_value(z_star, -math.log(3), mistakes, name="z_star")


def check_ce_grad_negative_sample(value: float | None) -> CheckResult:
    """Check ``∂CE/∂z`` at ``z = 6`` for target ``y = 0``: ``σ(6) ≈ 0.99753``.

    Introduced in ``notebooks/07_learning_slowdown.ipynb`` (exercise 1a).
    """
    if value is None:
        return _not_answered("ce_grad")
    h = float(_h(np.array(NEGATIVE_SAMPLE_Z)))
    h_06 = float(_h(np.array(-10.0)))
    mistakes = [
        (-h, "wrong sign: the derivative is h - y, and here y = 0, so it is h > 0 (the step lowers z)."),
        (h - 1, "that is h - 1, the derivative for a positive sample; this sample has label y = 0, so h - y = h."),
        (1 - h, "that is 1 - h; with label y = 0 the derivative h - y is h itself."),
        (h * h * (1 - h), "that is the squared-error derivative (h - y) h (1 - h); the question asks for "
                          "the cross-entropy's."),
        (h_06 - 1, "that is notebook 06's value at z = -10 for y = 1; here z = 6 and y = 0."),
    ]
    return check_value(value, h, mistakes, name="ce_grad")


def check_gradient_ratio(value: float | None) -> CheckResult:
    """Check how many times larger ``|∂CE/∂z|`` is than ``|∂MSE/∂z|`` at ``z = 6``, ``y = 0``.

    Introduced in ``notebooks/07_learning_slowdown.ipynb`` (exercise 1b). The ratio is
    ``1 / (h (1 - h))`` with ``h = σ(6)``, that is ``2 + e⁶ + e⁻⁶``, about 405.4.
    """
    if value is None:
        return _not_answered("ratio")
    h = float(_h(np.array(NEGATIVE_SAMPLE_Z)))
    expected = 1 / (h * (1 - h))
    h_06 = float(_h(np.array(-10.0)))
    mistakes = [
        (h * (1 - h), "the ratio is upside down: CE over MSE is 1 / (h (1 - h)), a large number."),
        (4.0, "1/σ'(0) = 4 uses the sigmoid's slope at z = 0, its maximum; at z = 6 the slope "
              "σ'(6) = h (1 - h) is far smaller."),
        (-expected, "a ratio of magnitudes is positive."),
        (1 / (h_06 * (1 - h_06)), "that is notebook 06's ratio at z = -10; evaluate 1 / (h (1 - h)) at z = 6."),
        (1 / (1 - h), "you divided by (1 - h) only: the squared-error slope carries the whole factor "
                      "h (1 - h), so the ratio is 1 / (h (1 - h))."),
    ]
    return check_value(value, expected, mistakes, name="ratio", rtol=1e-3)


def check_mse_curvature_z(mse_curvature_z: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> CheckResult:
    """Check ``mse_curvature_z(z, y)``, the second derivative of ``(σ(z) - y)² / 2`` in ``z``.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb`` (exercise 3).
    """

    def s(z: np.ndarray) -> np.ndarray:
        return _h(z) * _h(-z)

    mistakes = [
        (lambda z, y: s(z) ** 2,
         "you kept only h'(z)² = [h (1 - h)]². The product rule also differentiates the factor h (1 - h): "
         "add (h - y)(1 - 2h) h (1 - h)."),
        (lambda z, y: (_h(z) - y) * (1 - 2 * _h(z)) * s(z),
         "you kept only the term from differentiating h (1 - h); the product rule also gives "
         "h'(z) · h'(z) = [h (1 - h)]²."),
        (lambda z, y: s(z) * (s(z) - (_h(z) - y) * (1 - 2 * _h(z))),
         "sign error: d/dz [h (1 - h)] = h (1 - h)(1 - 2h), with a plus."),
        (lambda z, y: s(z),
         "h (1 - h) is the cross-entropy's second derivative, not the squared error's."),
    ]
    pending = _not_written(mse_curvature_z, "mse_curvature_z")
    if pending is not None:
        return pending
    return check_function(
        mse_curvature_z, _mse_curvature, _CASES, mistakes, name="mse_curvature_z", rtol=1e-6, atol=1e-12,
        warning_hint=_WARNED, forbidden=[squared_error.mse_curvature_z],
    )


# ---------------------------------------------------------------------------------------
# notebook 06, "Which cost gives ∂C/∂z = a − y?": the cost for ∂C/∂z = k (a − y)
# ---------------------------------------------------------------------------------------
_A = np.array([0.02, 0.2, 0.5, 0.7, 0.97])
_SCALED_CASES: list[tuple[np.ndarray, np.ndarray, float]] = [
    (_A, np.ones_like(_A), 3.0),
    (_A, np.zeros_like(_A), 3.0),
    (np.array([0.1, 0.6, 0.9]), np.array([1.0, 0.0, 1.0]), 0.5),
]


def _scaled_cross_entropy(a: np.ndarray, y: np.ndarray, k: float) -> np.ndarray:
    return -k * (y * np.log(a) + (1 - y) * np.log(1 - a))


def check_cost_for_scaled_gradient(fn: Callable[[np.ndarray, np.ndarray, float], np.ndarray]) -> CheckResult:
    r"""Check the per-sample cost with :math:`\partial C/\partial z = k(a - y)`, 0 when :math:`a = y`.

    Introduced in ``notebooks/06_cross_entropy_vs_mse.ipynb``. The answer is
    :math:`-k[y\ln a + (1-y)\ln(1-a)]`. The function runs with the course's cross-entropy
    helpers switched off (:func:`helpers.losses.binary_cross_entropy`,
    :func:`helpers.losses.binary_cross_entropy_with_logits`, :func:`helpers.squared_error.ce_loss_z`).
    When it agrees, its derivative in ``z`` (through ``a = σ(z)``) is also compared with
    :math:`k(a - y)` by central differences.

    Parameters
    ----------
    fn : callable
        ``fn(a, y, k) -> C`` element-wise, with ``a`` in (0, 1), ``y`` 0/1 of the same shape, ``k > 0``.

    Returns
    -------
    CheckResult
        Also printed.
    """
    try:
        a, y, k = _SCALED_CASES[-1]
        fn(a.copy(), y.copy(), k)
    except NotImplementedError:
        return _report(
            False, "my_cost is not written yet: replace the line `raise NotImplementedError` with your code."
        )
    except Exception:  # reported, with its input, by check_function
        pass
    mistakes = [
        (lambda a, y, k: _scaled_cross_entropy(a, y, 1.0), "the factor k is missing: if C gives a - y, then k C "
                                                           "gives k (a - y), because differentiation is linear."),
        (lambda a, y, k: _scaled_cross_entropy(a, y, 1 / k), "you divided by k: the cost must grow with k, "
                                                              "C = -k [y ln a + (1 - y) ln(1 - a)]."),
        (lambda a, y, k: -_scaled_cross_entropy(a, y, k), "the sign is flipped: ln a < 0, so the cost needs the "
                                                           "minus sign in front to be >= 0."),
        (lambda a, y, k: k * (a - y) ** 2 / 2, "that is the squared error: its ∂C/∂z is k (a - y) a (1 - a), with "
                                                "the extra σ'(z). Integrate ∂C/∂a = k (a - y) / (a (1 - a)) instead."),
        (lambda a, y, k: _scaled_cross_entropy(a, y, k * k), "k appears once, as a factor: C = -k [y ln a + ...]."),
        (lambda a, y, k: -k * y * np.log(a), "the (1 - y) ln(1 - a) term is missing: it is what makes the cost "
                                             "grow when y = 0 and a -> 1."),
    ]
    forbidden = [losses.binary_cross_entropy, losses.binary_cross_entropy_with_logits, squared_error.ce_loss_z]
    result = check_function(fn, _scaled_cross_entropy, _SCALED_CASES, mistakes, name="my_cost",
                            rtol=1e-9, atol=1e-12, warning_hint=_WARNED, forbidden=forbidden)
    if not result:
        return result
    z = np.linspace(-4.0, 4.0, 9)
    y = np.array([1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0])
    step = 1e-5
    with forbidding(fn, forbidden):
        slope = (np.asarray(fn(_h(z + step), y, 3.0)) - np.asarray(fn(_h(z - step), y, 3.0))) / (2 * step)
    if np.allclose(slope, 3.0 * (_h(z) - y), rtol=1e-6, atol=1e-8):
        return _report(True, "my_cost has ∂C/∂z = k (a - y) by central differences in z (k = 3, nine scores).")
    return _report(False, "my_cost does not have ∂C/∂z = k (a - y) by central differences in z.")
