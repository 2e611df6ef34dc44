"""The live threshold panel of ``notebooks/11_evaluation.ipynb``.

:class:`ThresholdExplorer`: one slider, the threshold t on the predicted probability of
class 1, against four views of the same held-out predictions: the scores of each class with
the cut, the confusion matrix with the rates it gives, and the operating point on the ROC
and precision-recall curves. The curves are drawn once; a move updates a line, a shaded
span, two markers and a few texts, which the live panel repaints over a kept background.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from numpy.typing import ArrayLike

from ... import metrics
from ..._validate import as_float_array, check_binary_labels, check_matching_rows, check_number
from ...sigmoid import sigmoid
from ..live import LiveFigure, freeze_layout, slider_style
from ..style import CLASS_COLORS, PALETTE, course_style, new_figure, spines, style_axes, tint

__all__ = ["ThresholdExplorer"]

#: The slider's range and step (probabilities).
THRESHOLD_RANGE = (0.01, 0.99, 0.01)


def _check_threshold(value: object) -> float:
    t = check_number(value, "threshold")
    if not 0 < t < 1:
        raise ValueError(f"threshold must lie strictly between 0 and 1; got {t!r}")
    return t


class ThresholdExplorer(LiveFigure):
    """Live figure: move the threshold, watch the errors trade against each other.

    Introduced in ``notebooks/11_evaluation.ipynb``. Top left: histograms of the held-out
    scores :math:`z = \\theta^T x` of each class and the cut :math:`z \\ge \\ln\\frac{t}{1-t}`
    (the same rule as :math:`\\sigma(z) \\ge t`), the side called positive shaded. Top right:
    the confusion matrix and the rates it gives. Bottom: the ROC and precision-recall curves
    with the operating point at t.

    Parameters
    ----------
    y : array_like, shape (m,)
        Held-out labels 0 or 1, both present.
    scores : array_like, shape (m,)
        Held-out scores :math:`z_i = \\theta^T x_i` (log-odds of class 1).
    names : tuple of 2 str, default ("benign", "malignant")
        Names of class 0 and class 1.

    Raises
    ------
    ValueError
        If the labels are not 0/1 with both present, or the scores are not finite or do not match.
    """

    def __init__(self, y: ArrayLike, scores: ArrayLike, names: tuple[str, str] = ("benign", "malignant")) -> None:
        self.y = check_binary_labels(y)
        self.scores = as_float_array(scores, "scores", ndim=1)
        check_matching_rows(self.y, self.scores, "y", "scores")
        self.probabilities = sigmoid(self.scores)
        self.names = names
        self.roc = metrics.roc_curve(self.y, self.probabilities)
        self.pr = metrics.precision_recall_curve(self.y, self.probabilities)
        self.auc = metrics.roc_auc(self.y, self.probabilities)
        self._build()

    def controls(self) -> dict[str, widgets.ValueWidget]:
        """The notebook's slider: the threshold t, from 0.01 to 0.99 in steps of 0.01, at 0.5.

        Introduced in ``notebooks/11_evaluation.ipynb``.
        """
        low, high, step = THRESHOLD_RANGE
        return {
            "threshold": widgets.FloatSlider(value=0.5, min=low, max=high, step=step, readout_format=".2f",
                                             description="threshold t on P(malignant)", **slider_style()),
        }

    def _build(self) -> None:
        fig, axes = new_figure(2, 2, width=12.4, height=8.6, gridspec_kw={"width_ratios": [1.15, 1]})
        (ax_hist, ax_cm), (ax_roc, ax_pr) = axes
        self.fig, self.ax_hist, self.ax_cm, self.ax_roc, self.ax_pr = fig, ax_hist, ax_cm, ax_roc, ax_pr
        limit = float(min(max(np.ceil(np.abs(self.scores).max()), 4.0), 20.0))
        self.limit = limit
        edges = np.linspace(-limit, limit, 41)
        shown = np.clip(self.scores, -limit, limit)
        with course_style():
            self.span = Rectangle((0.0, 0.0), limit, 1.0, transform=ax_hist.get_xaxis_transform(),
                                  facecolor=tint(PALETTE["vermillion"], 0.12), edgecolor="none", zorder=0)
            ax_hist.add_patch(self.span)
            hists = []
            for label in (0, 1):
                _, _, patches = ax_hist.hist(shown[self.y == label], bins=edges, histtype="stepfilled",
                                             color=tint(CLASS_COLORS[label], 0.55), edgecolor=CLASS_COLORS[label],
                                             linewidth=1.8, alpha=0.75, zorder=2,
                                             label=f"{self.names[label]} ({int((self.y == label).sum())})")
                hists.extend(patches)
            self.cut = ax_hist.axvline(0.0, color=PALETTE["black"], linewidth=2.5, zorder=3)
            # The threshold and its cut in numbers: at large |z| a step of t moves the cut by less
            # than a pixel, and the picture must still say that the key press did something.
            self.cut_label = ax_hist.text(0.98, 0.74, "t = 0.50:  z ≥ +0.00", transform=ax_hist.transAxes,
                                          ha="right", va="top", fontsize=12, family="DejaVu Sans Mono")
            ax_hist.set_xlim(-limit, limit)
            top = ax_hist.get_ylim()[1] * 1.25
            ax_hist.set_ylim(0, top)
            ax_hist.set_xlabel("held-out score z = θᵀx (log-odds)")
            ax_hist.set_ylabel("number of samples")
            ax_hist.legend(loc="upper left", fontsize=11)
            ax_hist.text(0.98, 0.96, "shaded: called\n" + self.names[1], transform=ax_hist.transAxes,
                         ha="right", va="top", fontsize=11, color=PALETTE["vermillion"])

            # the confusion matrix: four fixed cells, counts written over them
            cell_colours = {(0, 0): PALETTE["green"], (1, 1): PALETTE["green"],
                            (0, 1): PALETTE["vermillion"], (1, 0): PALETTE["vermillion"]}
            cell_names = {(0, 0): "true negatives", (0, 1): "false positives",
                          (1, 0): "false negatives", (1, 1): "true positives"}
            self.counts = {}
            for (row, col), colour in cell_colours.items():
                x, y = col, 1 - row  # true class 0 on the top row
                ax_cm.add_patch(Rectangle((x, y), 1, 1, facecolor=tint(colour, 0.25), edgecolor="white", linewidth=3))
                ax_cm.text(x + 0.5, y + 0.2, cell_names[(row, col)], ha="center", va="center", fontsize=10.5)
                self.counts[(row, col)] = ax_cm.text(x + 0.5, y + 0.58, "888", ha="center", va="center",
                                                     fontsize=22, fontweight="bold")
            ax_cm.set_xlim(0, 3.75)
            ax_cm.set_ylim(-0.05, 2.05)
            ax_cm.set_xticks([0.5, 1.5], [f"called\n{self.names[0]}", f"called\n{self.names[1]}"])
            ax_cm.set_yticks([1.5, 0.5], [f"truly\n{self.names[0]}", f"truly\n{self.names[1]}"])
            ax_cm.tick_params(length=0)
            ax_cm.grid(False)
            for side in ("left", "bottom"):
                ax_cm.spines[side].set_visible(False)
            # The rates: names fixed, one text per value, so that a move re-renders only the
            # numbers that changed (a value seen before is pasted as a picture by the live panel).
            self.rate_names = ("accuracy", "precision", "recall", "specificity", "f1")
            rows = np.linspace(1.7, 0.3, len(self.rate_names))
            self.rate_values = {}
            for name, row in zip(self.rate_names, rows, strict=True):
                ax_cm.text(2.12, row, "F1" if name == "f1" else name, ha="left", va="center", fontsize=12.5)
                self.rate_values[name] = ax_cm.text(3.65, row, "0.888", ha="right", va="center", fontsize=12.5,
                                                    family="DejaVu Sans Mono")

            fpr, tpr, _ = self.roc
            ax_roc.plot(fpr, tpr, color=PALETTE["blue"], label=f"held out (AUC {self.auc:.3f})")
            (self.roc_point,) = ax_roc.plot([0.0], [0.0], marker="o", markersize=12, color=PALETTE["vermillion"],
                                            markeredgecolor="black", linestyle="none", zorder=4)
            # Zoomed on the part of each curve that the slider's range reaches, with a margin.
            low, high, _ = THRESHOLD_RANGE
            ends = metrics.threshold_metrics(self.y, self.probabilities, [low, high])
            right = float(min(1.02, max(0.2, ends["fpr"][0] + 0.08)))
            bottom = float(max(-0.02, min(0.8, ends["recall"][1] - 0.08)))
            ax_roc.set_xlim(-0.01 * right, right)
            ax_roc.set_ylim(bottom, 1.0 + 0.03 * (1.0 - bottom))
            ax_roc.set_xlabel("false-positive rate FP/(FP+TN)")
            ax_roc.set_ylabel("recall TP/(TP+FN)")
            ax_roc.legend(loc="lower right", fontsize=11)
            ax_roc.set_title("ROC curve (zoomed)", fontsize=13)

            recall, precision, _ = self.pr
            ax_pr.plot(recall, precision, color=PALETTE["blue"], label="held out")
            (self.pr_point,) = ax_pr.plot([0.0], [0.0], marker="o", markersize=12, color=PALETTE["vermillion"],
                                          markeredgecolor="black", linestyle="none", zorder=4)
            ax_pr.set_xlim(bottom, 1.0 + 0.03 * (1.0 - bottom))
            floor = float(max(0.0, ends["precision"][0] - 0.08))
            ax_pr.set_ylim(floor, 1.0 + 0.03 * (1.0 - floor))
            ax_pr.set_xlabel("recall TP/(TP+FN)")
            ax_pr.set_ylabel("precision TP/(TP+FP)")
            ax_pr.legend(loc="lower left", fontsize=11)
            ax_pr.set_title("Precision-recall curve (zoomed)", fontsize=13)
            fig.suptitle("One model, many classifiers: the threshold trades missed cases against false alarms",
                         fontsize=15, fontweight="bold")
        for ax in (ax_hist, ax_roc, ax_pr):
            style_axes(ax)
        ax_cm.grid(False)
        # The threshold is on the slider and the cut in the picture: a fixed title, so that a move
        # re-renders only the texts whose numbers change.
        ax_hist.set_title("Held-out scores; called malignant when z ≥ ln(t/(1-t))", fontsize=13, fontweight="bold")
        ax_cm.set_title("Confusion matrix and its rates", fontsize=13, fontweight="bold")
        freeze_layout(fig)
        #: What :meth:`draw` changes: the shaded span under the histograms (so the histograms,
        #: drawn over it, are repainted too), the cut and its label, the counts and the rates' values, the
        #: two points (and the spines they can touch).
        self.dynamic_artists = [
            self.span, *hists, self.cut, self.cut_label, *self.counts.values(), *self.rate_values.values(),
            self.roc_point, self.pr_point, *spines(ax_hist), *spines(ax_roc), *spines(ax_pr),
        ]

    def draw(self, threshold: float) -> Figure:
        """Show the classifier "class 1 when P(class 1) >= threshold"; return the figure.

        Introduced in ``notebooks/11_evaluation.ipynb``.

        Parameters
        ----------
        threshold : float
            Strictly between 0 and 1.

        Returns
        -------
        matplotlib.figure.Figure

        Raises
        ------
        ValueError
            If the threshold is not strictly between 0 and 1.
        """
        t = _check_threshold(threshold)
        cut = float(np.log(t) - np.log1p(-t))
        values = metrics.threshold_metrics(self.y, self.probabilities, t)
        shown = float(np.clip(cut, -self.limit, self.limit))
        self.cut.set_xdata([shown, shown])
        self.cut_label.set_text(f"t = {t:.2f}:  z ≥ {cut:+.2f}")
        self.span.set_x(shown)
        self.span.set_width(self.limit - shown)
        for (row, col), key in (((0, 0), "tn"), ((0, 1), "fp"), ((1, 0), "fn"), ((1, 1), "tp")):
            self.counts[(row, col)].set_text(f"{int(values[key][0])}")
        for name, text in self.rate_values.items():
            text.set_text(f"{values[name][0]:.3f}")
        self.roc_point.set_data([values["fpr"][0]], [values["recall"][0]])
        self.pr_point.set_data([values["recall"][0]], [values["precision"][0]])
        return self.fig
