"""Shared figure style: lecture-hall fonts, colour-blind-safe colours, figure factory.

Nothing here changes matplotlib's global settings. The style is applied only inside
:func:`course_style` (a ``matplotlib.rc_context``), and :func:`new_figure` builds its
figure inside that context. Figures are plain ``matplotlib.figure.Figure`` objects, not
pyplot figures: a notebook shows one with ``display(fig)`` (or by ending a cell with
``fig``), exactly once, and pyplot keeps no hidden reference to it.

Introduced in ``notebooks/01_sigmoid.ipynb``; used by every notebook.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

__all__ = [
    "CLASS_COLORS",
    "CLASS_MARKERS",
    "PALETTE",
    "STYLE",
    "course_style",
    "divergence_message",
    "new_figure",
    "show_divergence",
    "style_axes",
]

#: The Okabe-Ito palette, distinguishable with every common form of colour blindness.
PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "yellow": "#F0E442",
    "black": "#000000",
    "grey": "#7F7F7F",
}

#: Colours for classes 0, 1, 2, ... (class 0 blue, class 1 orange: the binary pair).
CLASS_COLORS: tuple[str, ...] = (
    PALETTE["blue"],
    PALETTE["orange"],
    PALETTE["green"],
    PALETTE["vermillion"],
    PALETTE["purple"],
    PALETTE["sky"],
    PALETTE["yellow"],
    PALETTE["black"],
    PALETTE["grey"],
    "#8C510A",
)

#: Markers for classes 0, 1, 2, ...: shape tells the classes apart even in grey print.
CLASS_MARKERS: tuple[str, ...] = ("o", "^", "s", "D", "v", "P", "X", "*", "h", "p")

#: Settings applied by :func:`course_style`: large type for projectors, thick lines.
STYLE: dict[str, object] = {
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.size": 14,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.labelsize": 14,
    "xtick.labelsize": 12,
    "ytick.labelsize": 12,
    "legend.fontsize": 12,
    "legend.framealpha": 0.9,
    "lines.linewidth": 2.5,
    "lines.markersize": 7,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=list(CLASS_COLORS[:6])),
    "image.cmap": "cividis",
    "figure.figsize": (9.0, 4.8),
}


@contextmanager
def course_style() -> Iterator[None]:
    """Context manager applying :data:`STYLE` temporarily (``matplotlib.rc_context``).

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Examples
    --------
    >>> with course_style():
    ...     fig, ax = new_figure()
    """
    with mpl.rc_context(STYLE):
        yield


def new_figure(
    nrows: int = 1,
    ncols: int = 1,
    *,
    width: float | None = None,
    height: float | None = None,
    **subplots_kw: object,
) -> tuple[Figure, Axes | np.ndarray]:
    """Create a course-styled figure and its axes (object-oriented API, no pyplot).

    Introduced in ``notebooks/01_sigmoid.ipynb``.

    Parameters
    ----------
    nrows, ncols : int
        Grid of axes.
    width, height : float, optional
        Size in inches; by default 4.8 in high and 4.6 in per column (at most 13 in wide).
    **subplots_kw
        Passed to ``Figure.subplots`` (``sharex``, ``subplot_kw`` ...).

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : Axes or numpy.ndarray of Axes
        As ``Figure.subplots`` returns them.
    """
    if width is None:
        width = min(4.6 * ncols + 0.6, 13.0)
    if height is None:
        height = 4.8 if nrows == 1 else 3.6 * nrows
    with course_style():
        fig = Figure(figsize=(width, height), layout="constrained")
        axes = fig.subplots(nrows, ncols, **subplots_kw)
        for ax in np.atleast_1d(axes).ravel():
            style_axes(ax)
    return fig, axes


def style_axes(ax: Axes) -> None:
    """Fix tick-label size and grid on ``ax`` so they hold outside :func:`course_style`.

    Introduced in ``notebooks/01_sigmoid.ipynb``. matplotlib creates some ticks only when
    the figure is drawn, reading the *global* settings at that moment; storing the
    sizes on the axis keeps every tick label large. :func:`new_figure` calls this for
    its axes; call it for axes you add yourself (a colour bar, an inset).
    """
    ax.tick_params(labelsize=STYLE["xtick.labelsize"])
    ax.grid(True, alpha=STYLE["grid.alpha"])


def divergence_message(diverged_at: int | None, iteration: int) -> str:
    """The warning shown on a figure when gradient descent has diverged.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``.

    Parameters
    ----------
    diverged_at : int or None
        ``Trajectory.diverged_at``: the first iteration whose cost rose above the start.
    iteration : int
        The iteration the figure shows.

    Returns
    -------
    str
        Empty if the run has not diverged by ``iteration``.
    """
    if diverged_at is None or iteration < diverged_at:
        return ""
    return (
        f"Diverged at iteration {diverged_at}:\n"
        "the cost rose above its start.\n"
        "This learning rate is too large\n"
        "for a steady descent."
    )


def show_divergence(ax: Axes, diverged_at: int | None, iteration: int, text: Text | None = None) -> Text:
    """Write (or clear) the divergence warning in the middle of ``ax``; reuse ``text`` if given.

    Introduced in ``notebooks/02_likelihood_cross_entropy.ipynb``. Returns the text artist,
    so a live figure can keep it and update it on every slider move.
    """
    message = divergence_message(diverged_at, iteration)
    if text is None:
        text = ax.text(
            0.5,
            0.5,
            "",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=12,
            linespacing=1.3,
            color=PALETTE["vermillion"],
            fontweight="bold",
            bbox={"facecolor": "white", "edgecolor": PALETTE["vermillion"], "alpha": 0.92},
            zorder=10,
        )
    text.set_text(message)
    text.set_visible(bool(message))
    return text
