"""Gradient descent on the exam scores for every learning rate of a slider, trained once.

Part of ``notebooks/04_gradient_descent.ipynb``: :class:`DescentRuns` trains the
slider's rates together through :func:`helpers.optim.logistic_descent`, and
:func:`plot_rate_thresholds` shows where each rate ends against the step-size thresholds.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import LogLocator, NullLocator
from numpy.typing import ArrayLike

from ... import optim
from ..._validate import (
    as_float_array,
    check_binary_labels,
    check_iterations,
    check_learning_rate,
    check_matching_rows,
    describe,
)
from ..runs import RateRuns
from ..style import PALETTE, course_style
from .curves import _axes

__all__ = ["DescentRuns", "plot_rate_thresholds"]

_MAX_LEARNING_RATE = 1e3  # beyond this the demo means nothing; it also keeps every run finite


def _check_rate(learning_rate: object) -> float:
    rate = check_learning_rate(learning_rate)
    if rate > _MAX_LEARNING_RATE:
        raise ValueError(f"learning_rate must be at most {_MAX_LEARNING_RATE:g} in this demo; got {rate!r}")
    return rate


class DescentRuns:
    """Gradient-descent trajectories on one design matrix, one per learning rate, computed once.

    Introduced in ``notebooks/04_gradient_descent.ipynb``. The slider's rates are
    trained together at construction by :func:`helpers.optim.logistic_descent` (one
    stacked step for all of them: 17 rates x 5,000 iterations on the exam scores cost
    about what one rate costs), and found again by exact lookup (a live panel passes
    exactly these floats, see :func:`helpers.figures.live.learning_rates`); any other rate
    is trained on first use, through :mod:`helpers.optim` too, and cached.

    Parameters
    ----------
    X : array_like, shape (m, n)
        Design matrix with the intercept column.
    y : array_like, shape (m,)
        Labels 0 or 1.
    learning_rates : array_like, shape (L,)
        The slider's rates (:func:`helpers.figures.live.learning_rates`), each in (0, 1000].
    max_iter : int
        Iterations per run (the iterations slider's maximum).

    Raises
    ------
    ValueError
        On bad data, rates outside (0, 1000] or a non-positive ``max_iter``.
    """

    def __init__(self, X: ArrayLike, y: ArrayLike, learning_rates: ArrayLike, max_iter: int) -> None:
        design = as_float_array(X, "X", ndim=2).astype(np.float64)
        labels = check_binary_labels(y)
        check_matching_rows(design, labels)
        rates = as_float_array(learning_rates, "learning_rates", ndim=1).astype(np.float64)
        for rate in rates:
            _check_rate(float(rate))
        self.X, self.y = design, labels
        self.max_iter = check_iterations(max_iter, "max_iter")
        self.learning_rates = rates
        self._runs = RateRuns(
            lambda chosen: optim.logistic_descent(design, labels, chosen, self.max_iter), rates, self.max_iter
        )
        if rates.size:
            self._runs(float(rates[0]))  # trains every slider rate now, together

    def get(self, learning_rate: float) -> optim.Trajectory:
        """The trajectory for ``learning_rate``: one of ``learning_rates``, or trained now and cached.

        Introduced in ``notebooks/04_gradient_descent.ipynb``.

        Raises
        ------
        ValueError
            If ``learning_rate`` is not in (0, 1000].
        """
        return self._runs(_check_rate(learning_rate))


def plot_rate_thresholds(
    runs: DescentRuns,
    minimum: float,
    global_rate: float,
    local_rate: float,
    title: str = "Below 2/L every step lowers the cost",
    ax: Axes | None = None,
) -> Axes:
    r"""Where each learning rate ends, against the two step-size thresholds of Section 7.

    Introduced in ``notebooks/05_convexity_newton.ipynb``. One point per rate of
    ``runs``: the distance :math:`J - J^*` after ``runs.max_iter`` iterations (log scale;
    below ``1e-12`` drawn at ``1e-12``), filled if the cost fell at every step and open if
    it ever rose. Two vertical lines: ``global_rate`` = :math:`2/L` (below it every step
    lowers the cost, from any start) and ``local_rate`` = :math:`2/\lambda_{\max}(H(\theta^*))`
    (the largest rate that is stable close to the minimum).

    Parameters
    ----------
    runs : DescentRuns
    minimum : float
        The minimum cost :math:`J^*`.
    global_rate, local_rate : float
        The two thresholds, positive.
    title : str
        The lesson of the panel.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If ``runs`` is not a :class:`DescentRuns` or a threshold is not a positive number.
    """
    if not isinstance(runs, DescentRuns):
        raise ValueError(f"runs must be a DescentRuns; got {describe(runs)}")
    for name, rate in (("global_rate", global_rate), ("local_rate", local_rate)):
        if not (isinstance(rate, (int, float, np.floating)) and np.isfinite(rate) and rate > 0):
            raise ValueError(f"{name} must be a positive number; got {rate!r}")
    floor = 1e-12
    rates = runs.learning_rates
    final = np.array([runs.get(float(r)).costs[-1] for r in rates])
    gap = np.where(np.isfinite(final), np.maximum(final - float(minimum), floor), np.nan)
    monotone = np.array([bool(np.all(np.diff(runs.get(float(r)).costs) <= 1e-15)) for r in rates])
    ax = _axes(ax, width=7.0, height=4.8)
    with course_style():
        ax.plot(rates, gap, color=PALETTE["grey"], linewidth=1.5, zorder=1)
        ax.plot(rates[monotone], gap[monotone], "o", color=PALETTE["blue"], markersize=10,
                label="the cost fell at every step", zorder=3)
        ax.plot(rates[~monotone], gap[~monotone], "o", markerfacecolor="white", markeredgewidth=2,
                color=PALETTE["vermillion"], markersize=10, label="the cost rose at some step", zorder=3)
        ax.axvline(global_rate, color=PALETTE["green"], linestyle="--", linewidth=2.5,
                   label=f"2/L = {global_rate:.3g}: safe from any start")
        ax.axvline(local_rate, color=PALETTE["purple"], linestyle=":", linewidth=3,
                   label=f"2/λmax(H*) = {local_rate:.3g}: stable near θ*")
        low, high = np.nanmin(gap), np.nanmax(gap)
        long_range = high / low > 1e6
        # room below the lowest point for the legend
        ax.set(xscale="log", yscale="log", ylim=(low / (1e4 if long_range else 100), high * 3),
               xlabel="learning rate α (log scale)",
               ylabel=f"J − J* after {runs.max_iter:,} steps\n(nats, log scale)")
        if long_range:  # one labelled tick every third decade
            ax.yaxis.set_major_locator(LogLocator(base=1000.0))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.legend(loc="lower left", fontsize=11)
        ax.set_title(title)
    return ax


