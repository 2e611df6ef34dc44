"""What notebook 01 (the sigmoid) shows at its default values, pinned here rather than in the notebook.

The notebook invites changing the number of students (``STUDENTS``) and the far student's hours
(``X_FAR``) (issue 19, part 4). What the default data show, least squares leaving [0, 1] and one
far, correct sample moving the threshold enough to misclassify a student, is checked here with
the notebook's defaults: 20 students from ``default_rng(5)``, the far student at 40 h.
"""

from __future__ import annotations

import numpy as np

from helpers import data
from helpers.data import add_intercept


def _least_squares(hours, passed):
    return np.linalg.lstsq(add_intercept(hours), passed, rcond=None)[0]


def test_cells_least_squares_and_far_student_at_defaults():
    """01_sigmoid, section 1: the cell fitting the line, and the cell adding the student at ``X_FAR = 40``."""
    hours, passed = data.make_study_hours(np.random.default_rng(5), m=20)
    X = add_intercept(hours)
    theta_ls = _least_squares(hours, passed)
    y_hat = X @ theta_ls
    assert y_hat.min() < 0 and y_hat.max() > 1  # outputs leave [0, 1]: not probabilities
    # the printed verdict "7 of 20 fitted values lie outside [0, 1]", far from a rounding decision
    assert np.sum((y_hat < 0) | (y_hat > 1)) == 7
    assert np.min(np.minimum(np.abs(y_hat), np.abs(y_hat - 1))) > 1e-3

    x_far = 40.0
    theta_far = _least_squares(np.append(hours, x_far), np.append(passed, 1.0))
    threshold = (0.5 - theta_ls[0]) / theta_ls[1]
    threshold_far = (0.5 - theta_far[0]) / theta_far[1]
    residual_far = 1.0 - (theta_ls[0] + theta_ls[1] * x_far)
    wrong_before = (X @ theta_ls >= 0.5) != passed
    wrong_after = (X @ theta_far >= 0.5) != passed
    newly_wrong = wrong_after & ~wrong_before
    assert residual_far < -3  # a huge 'error' for a correct, confident answer
    assert threshold_far > threshold + 0.5  # one far point drags the threshold right
    assert wrong_after.sum() > wrong_before.sum()  # ... and now a student who passed is predicted to fail
    assert np.all(passed[newly_wrong] == 1)
