"""The likelihood and loss figures of ``notebooks/03_likelihood_cross_entropy.ipynb``.

* :func:`plot_coin_likelihood`: a likelihood and its logarithm peak at the same place;
* :func:`plot_loss_curves`: the two halves of the binary cross-entropy, ``-ln h`` and ``-ln(1-h)``;
* :func:`plot_kl_decomposition`: cross-entropy = entropy of the labels + KL divergence;
* :func:`plot_convergence`: distance to the minimum cost per iteration, for several optimisers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, NullLocator
from numpy.typing import ArrayLike

from ..._validate import as_float_array, check_distribution, check_iterations, describe
from ...losses import cross_entropy, entropy
from ..style import CLASS_COLORS, CLASS_MARKERS, PALETTE, course_style, new_figure

__all__ = ["plot_coin_likelihood", "plot_convergence", "plot_kl_decomposition", "plot_loss_curves"]


def _axes(ax: Axes | None, width: float = 7.0, height: float = 4.8) -> Axes:
    if ax is not None:
        if not isinstance(ax, Axes):
            raise ValueError(f"ax must be a matplotlib Axes or None; got {describe(ax)}")
        return ax
    _, new_ax = new_figure(width=width, height=height)
    return new_ax


def plot_coin_likelihood(heads: int, tosses: int) -> Figure:
    r"""Likelihood :math:`p^k (1-p)^{n-k}` of a coin's bias and its logarithm, side by side.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``. Both curves peak at the
    maximum-likelihood estimate :math:`\hat p = k / n`, because the logarithm is increasing.

    Parameters
    ----------
    heads : int
        Number of heads ``k``, ``0 < k < n`` (so that the peak is inside (0, 1)).
    tosses : int
        Number of tosses ``n``.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        If the counts are not integers with ``0 < heads < tosses``.
    """
    n = check_iterations(tosses, "tosses")
    k = check_iterations(heads, "heads")
    if k >= n:
        raise ValueError(f"heads must be smaller than tosses; got heads={k}, tosses={n}")
    p = np.linspace(0.005, 0.995, 400)
    log_like = k * np.log(p) + (n - k) * np.log1p(-p)
    best = k / n
    fig, (left, right) = new_figure(1, 2, width=11.0, height=4.2)
    with course_style():
        left.plot(p, np.exp(log_like), color=PALETTE["blue"])
        right.plot(p, log_like, color=PALETTE["blue"])
        for ax in (left, right):
            ax.axvline(best, color=PALETTE["vermillion"], linestyle="--", label=f"p̂ = k/n = {best:g}")
            ax.set_xlabel("probability of heads p")
            ax.legend(loc="upper left")
        left.set_ylabel("likelihood L(p)")
        left.ticklabel_format(axis="y", style="sci", scilimits=(-3, 3))
        right.set_ylabel("log-likelihood ln L(p) (nats)")
        right.set_ylim(log_like.max() - 25, log_like.max() + 2)
        left.set_title(f"{k} heads in {n} tosses")
        right.set_title("its logarithm")
        fig.suptitle("The logarithm moves the values, not the peak", fontweight="bold")
    return fig


def plot_loss_curves(marks: Sequence[float] = (0.01, 0.99), ax: Axes | None = None) -> Axes:
    r"""The loss of one sample against the predicted probability: :math:`-\ln h` and :math:`-\ln(1-h)`.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``.

    Parameters
    ----------
    marks : sequence of float
        Probabilities ``h`` in (0, 1) at which the loss for ``y = 1`` is marked and labelled.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If a mark is not strictly between 0 and 1.
    """
    points = as_float_array(marks, "marks", ndim=1)
    if ((points <= 0) | (points >= 1)).any():
        raise ValueError(f"marks must be probabilities strictly between 0 and 1; got {points.tolist()}")
    ax = _axes(ax, width=8.0, height=4.8)
    h = np.linspace(0.002, 0.998, 500)
    with course_style():
        ax.plot(h, -np.log(h), color=CLASS_COLORS[1], label="y = 1:  loss = −ln h")
        ax.plot(h, -np.log1p(-h), color=CLASS_COLORS[0], linestyle="--", label="y = 0:  loss = −ln(1 − h)")
        for value in points:
            loss = -math.log(value)
            ax.plot([value], [loss], marker=CLASS_MARKERS[1], color=CLASS_COLORS[1], markeredgecolor="black",
                    markersize=10, linestyle="none")
            ax.annotate(f"h = {value:g}, y = 1\nloss = {loss:.3g} nats", (value, loss),
                        xytext=(value + (0.06 if value < 0.5 else -0.06), loss + 0.9),
                        ha="left" if value < 0.5 else "right", fontsize=12,
                        arrowprops={"arrowstyle": "->", "color": PALETTE["black"]})
        ax.set(xlim=(0, 1), ylim=(0, 6.5), xlabel="predicted probability h = P(y = 1 | x)",
               ylabel="loss of one sample (nats)")
        ax.legend(loc="upper center")
        ax.set_title("Confident mistakes cost the most")
    return ax


def plot_kl_decomposition(p: ArrayLike, q: ArrayLike, ax: Axes | None = None) -> Axes:
    r"""Cross-entropy :math:`H(p, q_t)` as :math:`q_t` moves from ``q`` to ``p``, split into :math:`H(p) + KL`.

    Introduced in ``notebooks/03_likelihood_cross_entropy.ipynb``. Here
    :math:`q_t = (1-t)\,q + t\,p`. The entropy :math:`H(p)` does not depend on the model,
    so the cross-entropy and the KL divergence fall together and bottom out together at
    :math:`q = p`.

    Parameters
    ----------
    p, q : array_like, shape (K,)
        The label distribution and a model's prediction.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If ``p`` or ``q`` is not a 1-D distribution, or the shapes differ.
    """
    labels = check_distribution(p, "p")
    model = check_distribution(q, "q")
    if labels.ndim != 1 or labels.shape != model.shape:
        raise ValueError(f"p and q must be 1-D distributions of equal length; got shapes {labels.shape}, {model.shape}")
    ax = _axes(ax, width=8.0, height=4.8)
    t = np.linspace(0.0, 1.0, 201)
    mixtures = (1 - t)[:, None] * model + t[:, None] * labels
    mixtures /= mixtures.sum(axis=1, keepdims=True)  # exact sums of 1, whatever the rounding
    total = cross_entropy(np.broadcast_to(labels, mixtures.shape), mixtures)
    floor = entropy(labels)
    with course_style():
        ax.fill_between(t, 0, floor, color=PALETTE["sky"], alpha=0.5,
                        label=f"entropy H(p) = {floor:.3f} (fixed by the labels)")
        ax.fill_between(t, floor, total, color=PALETTE["orange"], alpha=0.5,
                        label="KL(p ‖ q) (what training can remove)")
        ax.plot(t, total, color=PALETTE["black"], label="cross-entropy H(p, q)")
        ax.set(xlim=(0, 1), ylim=(0, 1.1 * float(np.max(total))),
               xlabel="t   (prediction q moved from the start q₀ (t = 0) to the labels p (t = 1))",
               ylabel="nats")
        ax.legend(loc="upper right")
        ax.set_title("Minimising cross-entropy minimises KL")
    return ax



def plot_convergence(costs: Mapping[str, ArrayLike], minimum: float, ax: Axes | None = None) -> Axes:
    """Distance to the minimum cost, :math:`J_t - J^*`, per iteration on a log scale, one line per run.

    Introduced in ``notebooks/05_convexity_newton.ipynb``. Linear convergence
    (gradient descent) is a straight line on this scale; quadratic convergence (Newton)
    a curve that plunges. Differences below ``1e-15`` (rounding) are drawn at ``1e-15``.

    Parameters
    ----------
    costs : mapping of str to array_like of shape (k + 1,)
        Label -> costs per iterate (``Trajectory.costs``).
    minimum : float
        The minimum cost :math:`J^*`.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If ``costs`` is empty or holds non-finite values.
    """
    if not costs:
        raise ValueError("costs must name at least one run; got none")
    floor = 1e-15
    ax = _axes(ax, width=9.0, height=4.8)
    with course_style():
        for index, (label, run) in enumerate(costs.items()):
            values = as_float_array(run, f"costs[{label!r}]", ndim=1)
            gap = np.maximum(values - float(minimum), floor)
            ax.plot(np.arange(values.size), gap, color=CLASS_COLORS[index % len(CLASS_COLORS)],
                    marker=CLASS_MARKERS[index % len(CLASS_MARKERS)], markevery=0.08, label=label)
        ax.set(xscale="symlog", yscale="log", ylim=(floor / 2, 2), xlim=(0, None),
               xlabel="iteration (log scale after 1)", ylabel="J − J*  (nats, log scale)")
        # One labelled tick every third decade and no minor ticks: readable, and quick to draw.
        ax.yaxis.set_major_locator(LogLocator(base=1000.0))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.xaxis.set_minor_locator(NullLocator())
        ax.legend(loc="lower left")
        ax.set_title("Newton: a handful of steps. Gradient descent: hundreds or more")
    return ax


