"""The ring data of ``notebooks/10_regularisation.ipynb`` in the input plane: the points,
a model's probability map and its decision boundary :math:`\\theta^T \\varphi(x) = 0`.

The boundary is not drawn with ``Axes.contour``: the zero level is traced by ``contourpy``
(the contouring library matplotlib itself uses) and handed to one ``LineCollection``, so a
live panel only updates that artist (see :mod:`.explorer`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import contourpy
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ... import features, sigmoid
from ..._validate import as_float_array, check_binary_labels, check_iterations, check_matching_rows
from ..style import PALETTE, course_style, new_figure, plane_grid, probability_cmap, scatter_classes

__all__ = ["LIMITS", "plot_boundaries"]

#: Square shown in the 2-D plots of the ring data, in input units.
LIMITS: tuple[float, float] = (-1.4, 1.4)

_NAMES = ("class 0 (outer)", "class 1 (inner)")


def _check_points(X: ArrayLike, y: ArrayLike | None, x_name: str, y_name: str) -> tuple[np.ndarray, np.ndarray]:
    points = as_float_array(X, x_name, ndim=2)
    if points.shape[1] != 2:
        raise ValueError(f"{x_name} must have 2 columns (x1, x2); got an array of shape {points.shape}")
    labels = check_binary_labels(y, y_name)
    check_matching_rows(points, labels, x_name, y_name)
    return points, labels




def _scatter_rings(ax: Axes, X: np.ndarray, y: np.ndarray, *, hollow: bool, suffix: str, size: float) -> list:
    """Class 0 and class 1 points on ``ax`` (filled, or hollow for held-out data); returns the two collections."""
    return scatter_classes(ax, X, y, [f"{name}, {suffix}" for name in _NAMES], size=size, hollow=hollow,
                           edgecolor="white", linewidth=1.1 if hollow else 0.7)


def _zero_level(axis: np.ndarray, scores: np.ndarray) -> list[np.ndarray]:
    """Segments of the curve ``scores = 0`` on the square grid ``axis`` x ``axis``."""
    generator = contourpy.contour_generator(axis, axis, scores, line_type="Separate")
    return cast(list[np.ndarray], generator.lines(0.0))  # line_type "Separate": one array per segment




def plot_boundaries(
    X_train: ArrayLike,
    y_train: ArrayLike,
    fits: Sequence[tuple[int, ArrayLike, str]],
    X_test: ArrayLike | None = None,
    y_test: ArrayLike | None = None,
    title: str = "",
    grid_size: int = 150,
) -> Figure:
    """One panel per fitted model: probability image, boundary θᵀφ(x) = 0 and the points.

    Introduced in ``notebooks/10_regularisation.ipynb``.

    Parameters
    ----------
    X_train : array_like, shape (m, 2)
        Training inputs; they define the standardisation of the polynomial features,
        exactly as :func:`helpers.features.polynomial_design` did for the fit.
    y_train : array_like, shape (m,)
    fits : sequence of (degree, theta, title)
        ``theta`` has shape ((degree + 1)(degree + 2) / 2,).
    X_test, y_test : array_like, optional
        Held-out points, drawn hollow.
    title : str, optional
        Title of the whole figure: the lesson it shows.
    grid_size : int, default 150

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ValueError
        On malformed data, or a ``theta`` whose length does not match its degree.
    """
    points, labels = _check_points(X_train, y_train, "X_train", "y_train")
    if not fits:
        raise ValueError("fits must hold at least one (degree, theta, title); got none")
    held = None if X_test is None else _check_points(X_test, y_test, "X_test", "y_test")
    axis, _, grid = plane_grid((*LIMITS, *LIMITS), check_iterations(grid_size, "grid_size"))
    fig, axes = new_figure(1, len(fits), width=min(5.0 * len(fits) + 0.8, 12.0), height=4.8)
    axes = np.atleast_1d(axes)
    with course_style():
        for ax, (degree, theta, panel_title) in zip(axes, fits, strict=True):
            weights = as_float_array(theta, "theta", ndim=1)
            if weights.shape[0] != features.n_polynomial_features(degree):
                raise ValueError(
                    f"theta for degree {degree} must have {features.n_polynomial_features(degree)} entries; "
                    f"got {weights.shape[0]}"
                )
            _, A_grid = features.polynomial_design(points, degree, grid)
            scores = (A_grid @ weights).reshape(axis.size, axis.size)
            ax.imshow(sigmoid.sigmoid(scores), extent=(*LIMITS, *LIMITS), origin="lower", cmap=probability_cmap(),
                      vmin=0, vmax=1, zorder=0)
            ax.add_collection(LineCollection(_zero_level(axis, scores), colors=PALETTE["black"], linewidths=2.5,
                                             zorder=2))
            _scatter_rings(ax, points, labels, hollow=False, suffix="train", size=46)
            if held is not None:
                _scatter_rings(ax, held[0], held[1], hollow=True, suffix="held out", size=24)
            ax.set_xlim(*LIMITS)
            ax.set_ylim(*LIMITS)
            ax.set_aspect("equal")
            ax.grid(False)
            ax.set_xlabel("x₁ (input units)")
            ax.set_title(panel_title)
        axes[0].set_ylabel("x₂ (input units)")
        axes[-1].plot([], [], color=PALETTE["black"], label="θᵀφ(x) = 0")
        axes[-1].legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=10)
        if title:
            fig.suptitle(title, fontsize=15, fontweight="bold")
    return fig


