"""Figures and live panels of ``notebooks/11_evaluation.ipynb`` and ``notebooks/12_choosing_lambda.ipynb``.

* :class:`ThresholdExplorer` (``explorer.live()``): a threshold slider against the held-out
  scores, the confusion matrix, precision / recall / specificity / F1 and the point on the ROC
  and precision-recall curves.
* :func:`plot_roc_curves`: ROC curves with their AUC (training against held-out data).
* :func:`plot_expected_cost`: the mean cost of the errors against the threshold, per cost ratio.
* :func:`plot_imbalance`: the same classifier where the positives are rare: ROC unchanged,
  precision collapsing.
* :func:`plot_weight_paths`: the MAP weights against λ (and the prior's σ).
* :func:`plot_cross_validation`: held-out cost per fold against λ, the minimum and the
  one-standard-error choice.
* :func:`plot_reliability` and :class:`CalibrationExplorer` (a λ slider): reliability
  diagrams of held-out predictions, with the number of samples per bin.

Modules: ``threshold`` (notebook 11's panel), ``curves`` (notebook 11's other figures),
``calibration`` (notebook 12).
"""

from .calibration import CalibrationExplorer, plot_cross_validation, plot_reliability, plot_weight_paths
from .curves import plot_expected_cost, plot_imbalance, plot_roc_curves
from .threshold import ThresholdExplorer

__all__ = [
    "CalibrationExplorer",
    "ThresholdExplorer",
    "plot_cross_validation",
    "plot_expected_cost",
    "plot_imbalance",
    "plot_reliability",
    "plot_roc_curves",
    "plot_weight_paths",
]
