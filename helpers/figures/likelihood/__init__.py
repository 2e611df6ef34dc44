"""Figures and live panels of ``notebooks/03_likelihood_cross_entropy.ipynb``.

Static figures (each builds its own figure when no ``ax`` is given):

* :func:`plot_coin_likelihood`: a likelihood and its logarithm peak at the same place;
* :func:`plot_loss_curves`: the two halves of the binary cross-entropy, ``-ln h`` and ``-ln(1-h)``;
* :func:`plot_kl_decomposition`: cross-entropy = entropy of the labels + KL divergence;
* :func:`plot_exam_scores` and :func:`plot_decision_boundary`: the exam-score data, a model's
  probability map and its decision boundary, always in raw score units;
* :func:`plot_convergence`: distance to the minimum cost per iteration, for several optimisers;
* :func:`plot_rate_thresholds`: where each learning rate ends, against the step-size thresholds.

The live figure :class:`DescentExplorer` (``explorer.live()``) shows batch gradient descent on
the exam scores, raw or standardised; its runs (:class:`DescentRuns`) are trained through
:func:`helpers.optim.logistic_descent`, every rate of the slider at once.

Modules: ``curves`` (likelihood, losses, convergence), ``scores`` (the exam-score plane),
``runs`` (the trained runs), ``explorer`` (the live panel).
"""

from .curves import plot_coin_likelihood, plot_convergence, plot_kl_decomposition, plot_loss_curves
from .explorer import DescentExplorer
from .runs import DescentRuns, plot_rate_thresholds
from .scores import SCORE_BOX, admitted_region, boundary_segment, plot_decision_boundary, plot_exam_scores

__all__ = [
    "SCORE_BOX",
    "DescentExplorer",
    "DescentRuns",
    "admitted_region",
    "boundary_segment",
    "plot_coin_likelihood",
    "plot_convergence",
    "plot_decision_boundary",
    "plot_exam_scores",
    "plot_kl_decomposition",
    "plot_loss_curves",
    "plot_rate_thresholds",
]
