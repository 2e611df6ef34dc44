"""The live digits panel of notebook 04: training curves, weight images, mistakes, confusion matrix.

Introduced in ``notebooks/08_softmax.ipynb``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.colors import PowerNorm
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.path import Path
from matplotlib.textpath import TextPath
from matplotlib.transforms import Affine2D

from ..._validate import check_iterations, describe
from ...metrics import confusion_matrix
from ...softmax import _softmax
from ..live import freeze_layout, learning_rates
from ..style import CLASS_COLORS, PALETTE, course_style, nearest_image, new_figure, show_divergence
from .pictures import DIVERGING, INK, fixed_cost_axis, tile_anchors, tile_images
from .runs import DIGITS_DEFAULTS, DIGITS_LEARNING_RATE_EXPONENTS, DigitsSoftmax, TrainingPanel

__all__ = ["DigitsExplorer"]


class GlyphLabels:
    """Short labels at fixed places (counts, "3→8"), drawn as one collection of glyph outlines.

    Matplotlib lays out and rasterises every ``Text`` on its own, about half a millisecond
    apiece here, so the up to 100 counts of a confusion matrix would dominate each slider
    move. One ``PathCollection`` holding the outlines of all the labels draws in about 2 ms.
    The outline of each distinct string is made once and kept.

    Attributes
    ----------
    collection : matplotlib.collections.PathCollection
        The artist (a live panel repaints it).
    texts : list of str
        The labels shown, one per position ("" for none).
    """

    def __init__(self, ax: Axes, positions: np.ndarray, fontsize: float, fontweight: str = "normal") -> None:
        self._font = FontProperties(size=fontsize, weight=fontweight)
        self._outlines: dict[str, Path] = {}
        self.texts = [""] * len(positions)
        figure = ax.figure
        assert figure is not None  # matplotlib 3.8's types allow an axes without a figure
        points = Affine2D().scale(1 / 72) + figure.dpi_scale_trans  # outline units are points
        self.collection = PathCollection(
            [self._outline(text) for text in self.texts], offsets=positions, offset_transform=ax.transData,
            transform=points, edgecolors="none", zorder=3,
        )
        ax.add_collection(self.collection, autolim=False)

    def _outline(self, text: str) -> Path:
        if text not in self._outlines:
            if not text:  # TextPath cannot hold an empty string
                self._outlines[text] = Path(np.zeros((0, 2)))
            else:
                glyphs = TextPath((0, 0), text, prop=self._font)
                centre = (glyphs.vertices.min(axis=0) + glyphs.vertices.max(axis=0)) / 2
                self._outlines[text] = Path(glyphs.vertices - centre, glyphs.codes)  # centred on its position
        return self._outlines[text]

    def set(self, texts: Sequence[str], colours: Sequence[str] | str) -> None:
        """Show ``texts`` (one per position) in ``colours`` (one per position, or one for all)."""
        self.texts = list(texts)
        self.collection.set_paths([self._outline(text) for text in self.texts])
        self.collection.set_facecolor(colours)


class DigitsExplorer(TrainingPanel):
    """Training curves and what the model learned, for one learning rate and iteration count.

    Introduced in ``notebooks/09_softmax_training.ipynb``. Left: training and held-out cost
    (log scale) and accuracy against the iteration, up to the chosen one. Middle: the weights
    of each class as an 8x8 image (red: ink there raises the class's score; blue: lowers it)
    and the held-out digits the model gets wrong most confidently. Right: the held-out
    confusion matrix. Every update changes existing artists only, and the axes never change,
    so a live panel repaints just :attr:`dynamic_artists`. ``.live()`` shows it with the
    notebook's sliders (``DIGITS_LEARNING_RATE_EXPONENTS``, ``DIGITS_DEFAULTS``, up to the
    model's ``max_iter``).

    Parameters
    ----------
    model : DigitsSoftmax
        Data and cached runs (share one between the static and the live explorer).
    n_mistakes : int, default 10
        Mistakes shown (at most 10, two rows of five).
    limit_rates : sequence of float, optional
        Learning rates whose whole runs (trained now) set the fixed range of the cost axis.
        By default the slider's largest (``10 ** DIGITS_LEARNING_RATE_EXPONENTS[1]``): on the
        digits the largest step overshoots most at the start and, the training digits being
        separable, drives the training cost lowest by the end, so every other run fits too.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
    dynamic_artists : list of matplotlib.artist.Artist
        Everything :meth:`draw` changes.
    """

    exponents = DIGITS_LEARNING_RATE_EXPONENTS
    defaults = DIGITS_DEFAULTS

    def __init__(self, model: DigitsSoftmax, n_mistakes: int = 10, limit_rates: Sequence[float] | None = None) -> None:
        if not isinstance(model, DigitsSoftmax):
            raise ValueError(f"model must be a DigitsSoftmax; got {describe(model)}")
        self.model = model
        self.max_iter = model.max_iter
        self._shown = (float(self.defaults["learning_rate"]), int(self.defaults["iterations"]))  # draw keeps it
        self.n_mistakes = check_iterations(n_mistakes, "n_mistakes")
        if self.n_mistakes > 10:
            raise ValueError(f"n_mistakes must be at most 10; got {self.n_mistakes}")
        rates = learning_rates(*DIGITS_LEARNING_RATE_EXPONENTS)[-1:] if limit_rates is None else limit_rates
        extremes = [model.run(alpha) for alpha in rates]
        k = model.k
        fig, axes = new_figure(2, 4, width=12.0, height=5.0, gridspec_kw={"width_ratios": [1.1, 1.15, 1.15, 1.1]})
        grid = cast(np.ndarray, axes)
        spec = grid[0, 0].get_subplotspec().get_gridspec()
        for ax in (*grid[:, 1], *grid[:, 2], *grid[:, 3]):
            ax.remove()
        self.fig = fig
        steps = np.arange(model.max_iter + 1)
        with course_style():
            ax_cost, ax_acc = grid[0, 0], grid[1, 0]
            ax_w = fig.add_subplot(spec[0, 1:3])
            ax_err = fig.add_subplot(spec[1, 1:3])
            ax_cm = fig.add_subplot(spec[:, 3])
            self.ax_cost, self.ax_acc, self.ax_w, self.ax_err, self.ax_cm = ax_cost, ax_acc, ax_w, ax_err, ax_cm
            fig.suptitle("Softmax regression on digits: each class learns a template of ink", fontsize=16,
                         fontweight="bold")
            blue, orange = CLASS_COLORS[0], CLASS_COLORS[1]
            (self.cost_train,) = ax_cost.plot(steps[:1], [1.0], color=blue, label="training")
            (self.cost_test,) = ax_cost.plot(steps[:1], [1.0], color=orange, linestyle="--", label="held-out")
            (self.acc_train,) = ax_acc.plot(steps[:1], [1.0], color=blue, label="training")
            (self.acc_test,) = ax_acc.plot(steps[:1], [1.0], color=orange, linestyle="--", label="held-out")
            ax_cost.set(xlim=(0, model.max_iter), ylabel="cost J (nats)")
            fixed_cost_axis(ax_cost, [c for r in extremes for c in (r.train_cost, r.test_cost)], np.log(model.k), 1.5)
            ax_cost.tick_params(labelbottom=False)
            ax_acc.set(xlim=(0, model.max_iter), ylim=(80, 100), xlabel="iteration", ylabel="accuracy (%)")
            # Low on the right no accuracy curve goes (after 100 steps every run is above 88 %),
            # so the legend belongs to the background and is never painted over.
            ax_acc.legend(loc="lower right", fontsize=10)
            self.cost_title = ax_cost.set_title("", fontsize=13, y=1.0)
            self.acc_title = ax_acc.set_title("", fontsize=13, y=1.0)
            self.divergence = show_divergence(ax_cost, None, 0)
            self.divergence.set_fontsize(10)

            # Gaps between the tiles are masked (NaN from tile_images), painted transparent: the digit above
            # each tile belongs to the background and stays visible when the image is repainted.
            self.weight_image = nearest_image(
                ax_w, np.ma.masked_invalid(tile_images(np.zeros((k, 8, 8)), 2, 5, gap=1, top=2)),
                cmap=DIVERGING.with_extremes(bad="none"), vmin=-1, vmax=1,
            )
            for (x, y), digit in zip(tile_anchors(2, 5, 8, 8, 1, 2), range(k), strict=True):
                ax_w.text(x, y, str(digit), ha="center", va="center", fontsize=11, fontweight="bold")
            self.weight_title = ax_w.set_title("", fontsize=13, y=1.0)

            self.error_image = nearest_image(
                ax_err, np.ma.masked_invalid(tile_images(np.zeros((0, 8, 8)), 2, 5, gap=1, top=2)), cmap=INK,
                vmin=0, vmax=16,
            )
            self.error_labels = GlyphLabels(ax_err, tile_anchors(2, 5, 8, 8, 1, 2)[: self.n_mistakes], 11, "bold")
            ax_err.set_title("most confident mistakes (true → predicted)", fontsize=13, y=1.0)
            for ax in (ax_w, ax_err):
                ax.set_axis_off()

            self.cm_image = nearest_image(ax_cm, np.zeros((k, k)), cmap="Blues", norm=PowerNorm(0.5, vmin=0, vmax=1))
            rows, cols = np.divmod(np.arange(k * k), k)
            self.cm_counts = GlyphLabels(ax_cm, np.column_stack([cols, rows]), 10)
            ax_cm.set(xticks=range(k), yticks=range(k), xlabel="predicted digit", ylabel="true digit")
            ax_cm.tick_params(labelsize=11, length=0)
            ax_cm.grid(False)
            self.cm_title = ax_cm.set_title("", fontsize=13, y=1.0)
            # Placeholders as long as the real titles, so the frozen layout leaves room for them.
            self.cost_title.set_text("α = 0.0178: held-out cost 0.000")
            self.acc_title.set_text("held-out accuracy 00.0 %")
            self.weight_title.set_text("weights after 000 steps (red +, blue −; ±0.00)")
            self.cm_title.set_text("held-out: 000/000 wrong")
        freeze_layout(fig)
        self.dynamic_artists = [
            self.cost_train, self.cost_test, self.acc_train, self.acc_test, self.cost_title, self.acc_title,
            self.divergence, self.weight_image, self.weight_title, self.error_image, self.error_labels.collection,
            self.cm_image, self.cm_counts.collection, self.cm_title,
        ]

    def work_ahead(self) -> bool:
        """Train the slider's other rates as far as the iterations shown, a little at a time, nearest first.

        The live panel calls this while the kernel is idle (``LivePanel``'s ``work_ahead``);
        see :meth:`DigitsSoftmax.train_ahead`. Returns whether anything is left to train.
        """
        rates = learning_rates(*self.exponents)
        alpha, iterations = self._shown
        nearest_first = sorted(rates, key=lambda rate: abs(np.log(rate / alpha)))
        return self.model.train_ahead(nearest_first, iterations)

    def draw(self, learning_rate: float, iterations: int) -> Figure:
        """Show the model after ``iterations`` steps at ``learning_rate``; return the figure.

        Raises
        ------
        ValueError
            If ``learning_rate`` is not positive or ``iterations`` is not in ``1..max_iter``.
        """
        alpha, t = self.checked(learning_rate, iterations)
        run = self.model.run(alpha, t)
        self._shown = (alpha, t)
        t = min(t, run.trajectory.n_iter)
        steps = np.arange(t + 1)
        self.cost_train.set_data(steps, run.train_cost[: t + 1])
        self.cost_test.set_data(steps, run.test_cost[: t + 1])
        self.acc_train.set_data(steps, 100 * run.train_accuracy[: t + 1])
        self.acc_test.set_data(steps, 100 * run.test_accuracy[: t + 1])
        self.cost_title.set_text(f"α = {alpha:.3g}: held-out cost {run.test_cost[t]:.3f}")
        self.acc_title.set_text(f"held-out accuracy {100 * run.test_accuracy[t]:.1f} %")
        show_divergence(self.ax_cost, run.trajectory, t, self.divergence)

        W = run.trajectory.path[t]
        pixels = W[1:].T.reshape(self.model.k, 8, 8)
        # Saturate the top 2 % of |weights| so that one extreme pixel does not wash the others out.
        scale = max(float(np.percentile(np.abs(pixels), 98)), 1e-12)
        self.weight_image.set_data(np.ma.masked_invalid(tile_images(pixels, 2, 5, gap=1, top=2)))
        self.weight_image.set_clim(-scale, scale)
        self.weight_title.set_text(f"weights after {t} step{'s' if t != 1 else ''} (red +, blue −; ±{scale:.2g})")

        P = _softmax(self.model.X_test @ W)
        predicted = P.argmax(axis=1)
        wrong = np.flatnonzero(predicted != self.model.y_test)
        confidence = P[wrong, predicted[wrong]]
        worst = wrong[np.argsort(-confidence, kind="stable")[: self.n_mistakes]]
        self.error_image.set_data(
            np.ma.masked_invalid(tile_images(self.model.images_test[worst].reshape(-1, 8, 8), 2, 5, gap=1, top=2))
        )
        self.error_labels.set(
            [f"{self.model.y_test[i]}→{predicted[i]}" for i in worst] + [""] * (self.n_mistakes - worst.size),
            PALETTE["vermillion"],
        )

        counts = confusion_matrix(self.model.y_test, predicted, self.model.k)
        self.cm_image.set_data(counts)
        self.cm_image.set_clim(0, max(int(counts.max()), 1))
        ink = np.where(np.eye(self.model.k, dtype=bool), PALETTE["black"], PALETTE["vermillion"])
        ink[counts > 0.45 * counts.max()] = "white"  # on the dark cells
        self.cm_counts.set([str(c) if c else "" for c in counts.ravel()], list(ink.ravel()))
        self.cm_title.set_text(f"held-out: {wrong.size}/{predicted.size} wrong")
        return self.fig
