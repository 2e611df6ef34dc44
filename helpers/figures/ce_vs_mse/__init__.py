"""Figures and live panels of ``notebooks/06_cross_entropy_vs_mse.ipynb``.

The notebook compares cross-entropy with squared error through a sigmoid; the formulas, cost
surfaces and the one-neuron trainer are in :mod:`helpers.squared_error` (the squared error's
Hessian in :mod:`helpers.logistic`). Here, by topic:

* :mod:`.per_score` -- :func:`plot_score_view`, :func:`plot_probability_view`: the per-sample
  losses and slopes against the score and against the probability.
* :mod:`.nielsen` -- :func:`plot_required_cost`: the slope that ∂C/∂z = a − y forces, and its
  integral, the cross-entropy (notebook 06, "Which cost gives ∂C/∂z = a − y?").
* :mod:`.surfaces` -- :func:`plot_cost_surfaces`: the two cost surfaces over ``(w, b)``.
* :mod:`.slowdown` -- :class:`SlowdownExplorer`: one neuron from a confidently wrong start.
* :mod:`.race` -- :class:`ExamScoresRace`: both costs on the exam scores from a bad start.

Each interactive class is a :class:`helpers.figures.live.LiveFigure`: it builds its figure
once, ``draw`` only updates artists and slices cached trajectories, ``controls()`` are the
notebook's sliders and ``live()`` the panel.
"""

from ._common import LOSS_LABELS
from .nielsen import plot_required_cost
from .per_score import plot_probability_view, plot_score_view
from .race import ExamScoresRace
from .slowdown import START_POINTS, SlowdownExplorer
from .surfaces import plot_cost_surfaces

__all__ = [
    "LOSS_LABELS",
    "START_POINTS",
    "ExamScoresRace",
    "SlowdownExplorer",
    "plot_cost_surfaces",
    "plot_probability_view",
    "plot_required_cost",
    "plot_score_view",
]
