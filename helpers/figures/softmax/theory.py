"""The figures of the softmax theory sections: the categorical GLM link, temperature, the Hessian's spectrum.

Introduced in ``notebooks/08_softmax.ipynb`` (:func:`plot_categorical_link`,
:func:`plot_temperature`) and ``notebooks/09_softmax_training.ipynb``
(:func:`plot_hessian_spectrum`). The maths is in :mod:`helpers.softmax` and :mod:`helpers.losses`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ... import losses
from ... import softmax as sm
from ..._validate import as_float_array, check_lam
from ..style import CLASS_COLORS, CLASS_MARKERS, PALETTE, course_style, log_axis, new_figure
from .static import _axes_or_new

__all__ = ["plot_categorical_link", "plot_hessian_spectrum", "plot_temperature"]


def plot_categorical_link(p: ArrayLike, axes: Sequence[Axes] | None = None) -> Figure:
    r"""A categorical distribution, its natural parameters :math:`\eta_k = \ln(p_k/p_{K-1})`, and the way back.

    Introduced in ``notebooks/08_softmax.ipynb``. Left: the probabilities as bars, with
    :math:`\operatorname{softmax}(\eta)` marked on top of them (the inverse link recovers them);
    right: the natural parameters, the reference class's at 0.

    Parameters
    ----------
    p : array_like, shape (K,)
        One distribution with every entry > 0, K between 2 and 10.
    axes : sequence of 2 Axes, optional
        Where to draw; a new 11 x 4.4 in figure by default.

    Returns
    -------
    matplotlib.figure.Figure
    """
    eta = sm.natural_parameters(as_float_array(p, "p", ndim=1))
    K = eta.shape[0]
    if len(CLASS_COLORS) < K:
        raise ValueError(f"p must hold between 2 and {len(CLASS_COLORS)} probabilities; got {K}")
    probs = sm.softmax(eta)
    fig, (ax_p, ax_eta) = _axes_or_new(axes, 2, 11.0, 4.4)
    classes = np.arange(K)
    colours = list(CLASS_COLORS[:K])
    with course_style():
        bars = ax_p.bar(classes, np.asarray(p, dtype=float), color=colours)
        bars[-1].set_hatch("//")
        ax_p.plot(classes, probs, "o", color=PALETTE["black"], markersize=9, label="softmax(η): back to p")
        ax_p.set(xticks=classes, xlabel="class k", ylabel="probability $p_k$", ylim=(0, 1.05 * probs.max() + 0.1))
        ax_p.set_title("the distribution p")
        ax_p.legend(loc="upper right", fontsize=12)
        bars_eta = ax_eta.bar(classes, eta, color=colours)
        bars_eta[-1].set_hatch("//")
        ax_eta.axhline(0, color=PALETTE["black"], linewidth=1)
        ax_eta.annotate(
            f"reference class {K - 1}: η = 0", (K - 1, 0.0), xytext=(0.97, 0.6), textcoords="axes fraction",
            ha="right", fontsize=12, arrowprops={"arrowstyle": "->"},
        )
        ax_eta.set(xticks=classes, xlabel="class k", ylabel="$\\eta_k = \\ln(p_k / p_{K-1})$ (nats)")
        ax_eta.set_title("natural parameters: log-ratios")
    return fig


def plot_temperature(
    scores: ArrayLike, temperatures: ArrayLike | None = None, axes: Sequence[Axes] | None = None
) -> Figure:
    r"""The softmax of fixed scores against the temperature, and its entropy.

    Introduced in ``notebooks/08_softmax.ipynb``. Left: each :math:`p_k = \operatorname{softmax}(z/T)_k`
    against :math:`T` on a log axis; right: the entropy of the output, from 0 (one-hot, the
    argmax) to :math:`\ln K` (uniform). ``T = 1`` is marked.

    Parameters
    ----------
    scores : array_like, shape (K,)
        The scores of one sample, K between 2 and 10.
    temperatures : array_like, shape (N,), optional
        Positive temperatures in increasing order; by default 200 values from 10⁻² to 10².
    axes : sequence of 2 Axes, optional
        Where to draw; a new 12 x 4.6 in figure by default.

    Returns
    -------
    matplotlib.figure.Figure
    """
    z = as_float_array(scores, "scores", ndim=1)
    K = z.shape[0]
    if not 2 <= K <= len(CLASS_COLORS):
        raise ValueError(f"scores must hold between 2 and {len(CLASS_COLORS)} scores; got {K}")
    T = np.logspace(-2, 2, 200) if temperatures is None else as_float_array(temperatures, "temperatures", ndim=1)
    if np.any(T <= 0) or np.any(np.diff(T) <= 0):
        raise ValueError("temperatures must be positive and increasing")
    P = np.array([sm.softmax(z, temperature=float(t)) for t in T])  # (N, K): one softmax per temperature
    H = np.asarray(losses.entropy(P))
    fig, (ax_p, ax_h) = _axes_or_new(axes, 2, 12.0, 4.6)
    with course_style():
        for k in range(K):
            ax_p.plot(T, P[:, k], color=CLASS_COLORS[k], label=f"class {k} (z = {z[k]:g})")
        ax_p.axvline(1.0, color=PALETTE["grey"], linestyle=":", linewidth=1.5)
        ax_p.set(xlabel="temperature T (log scale)", ylabel="probability $p_k$", ylim=(-0.03, 1.03))
        ax_p.set_title("cold: the argmax; hot: uniform")
        ax_p.legend(loc="center right", fontsize=11)
        log_axis(ax_p.xaxis)
        ax_h.plot(T, H, color=PALETTE["blue"], label="entropy of softmax(z / T)")
        ax_h.axhline(np.log(K), color=PALETTE["vermillion"], linestyle="--", label=f"ln K = ln {K} (uniform)")
        ax_h.axvline(1.0, color=PALETTE["grey"], linestyle=":", linewidth=1.5, label="T = 1 (plain softmax)")
        ax_h.set(xlabel="temperature T (log scale)", ylabel="entropy (nats)", ylim=(-0.05, 1.1 * np.log(K)))
        ax_h.set_title("entropy grows with T")
        ax_h.legend(loc="upper left", fontsize=11)
        log_axis(ax_h.xaxis)
    return fig


def plot_hessian_spectrum(
    W: ArrayLike, X: ArrayLike, y: ArrayLike, lam: float = 1.0, ax: Axes | None = None
) -> Figure:
    r"""The eigenvalues of the softmax Hessian: without a penalty, with ``lam``, and with a reference class.

    Introduced in ``notebooks/09_softmax_training.ipynb``. Sorted eigenvalues of
    :func:`helpers.softmax.hessian` on a log axis; an eigenvalue below :math:`10^{-10}` times the
    largest is zero up to rounding and is drawn on the band at the bottom. Without a penalty
    there are n of them (the shifts :math:`\mathbf 1_K \otimes c`), with ``lam > 0`` one (the
    common intercept), with a reference class (the last column of ``W`` fixed at 0) none.

    Parameters
    ----------
    W : array_like, shape (n, K)
    X : array_like, shape (m, n)
    y : array_like of int, shape (m,)
    lam : float, default 1.0
        The penalty of the second spectrum (> 0).
    ax : Axes, optional
        Where to draw; a new 9 x 5 in figure by default.

    Returns
    -------
    matplotlib.figure.Figure
    """
    strength = check_lam(lam)
    if strength == 0:
        raise ValueError("lam must be > 0 for the penalised spectrum; got 0.0")
    H = sm.hessian(W, X, y)
    n, K = np.shape(W)
    spectra = {
        "λ = 0, all K columns": np.linalg.eigvalsh(H),
        f"λ = {strength:g}, all K columns": np.linalg.eigvalsh(sm.hessian(W, X, y, strength)),
        f"λ = 0, reference class (column {K - 1} = 0)": np.linalg.eigvalsh(H[: n * (K - 1), : n * (K - 1)]),
    }
    top = max(float(values.max()) for values in spectra.values())
    zero = 1e-10 * top
    floor = 1e-3 * zero
    if ax is None:
        fig, ax = new_figure(width=9.0, height=5.0)
    else:
        fig = cast(Figure, ax.figure)
    with course_style():
        ax.axhspan(floor / 3, zero, color=PALETTE["grey"], alpha=0.2)
        ax.text(0.5, zero / 30, "zero up to rounding", fontsize=12, color=PALETTE["black"], va="center")
        colours = (PALETTE["vermillion"], PALETTE["blue"], PALETTE["green"])
        for (label, values), colour, marker in zip(spectra.items(), colours, CLASS_MARKERS, strict=False):
            shown = np.where(values < zero, floor, values)
            flat = int(np.sum(values < zero))
            ax.plot(np.arange(1, values.size + 1), shown, marker, color=colour, linestyle="-", markersize=8,
                    label=f"{label}: {flat} zero")
        ax.set_yscale("log")
        ax.set_ylim(floor / 3, 3 * top)
        ax.set(xlabel="eigenvalue number (sorted)", ylabel="eigenvalue of the Hessian")
        ax.set_title("flat along the shifts: λ leaves one, a reference class none")
        ax.legend(loc="lower right", fontsize=11)
    return fig
