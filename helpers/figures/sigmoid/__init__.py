"""Figures and interactive panels of ``notebooks/01_sigmoid.ipynb``, by topic.

* :mod:`.static` -- :func:`threshold_shift_figure` (least squares on 0/1 labels, before and
  after one far point) and :func:`odds_figure` (probability -> odds -> log-odds and back).
* :mod:`.explorers` -- :class:`SigmoidExplorer` (``σ(w x + b)`` and its slope) and
  :class:`BoundaryExplorer` (probability surface and decision boundary in the plane).
* :mod:`.training` -- :class:`TrainingPreview`: gradient descent on a 1-D logistic model.

Each interactive figure is a :class:`helpers.figures.live.LiveFigure`: ``__init__`` builds the
figure once, ``draw(...)`` only updates artists, ``controls()`` returns the notebook's sliders
and ``live()`` the panel. The maths they draw is in :mod:`helpers.logistic` (the boundary line
:func:`helpers.logistic.boundary_line`) and the point cloud in :func:`helpers.data.make_two_blobs`.
Introduced in ``notebooks/01_sigmoid.ipynb``.
"""

from .explorers import BoundaryExplorer, SigmoidExplorer
from .static import odds_figure, threshold_shift_figure
from .training import TrainingPreview

__all__ = ["BoundaryExplorer", "SigmoidExplorer", "TrainingPreview", "odds_figure", "threshold_shift_figure"]
