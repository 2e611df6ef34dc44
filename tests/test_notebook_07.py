"""The numbers notebook 07 shows at its default values (issue 19, part 4).

The notebook invites other learning rates, starts and iteration counts; the ranges below hold at
its defaults only, so they are pinned here rather than asserted in the notebook. Each test names
the cell whose computation it repeats with the course's helpers.
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, logistic, optim, squared_error
from helpers.figures import ce_vs_mse as viz

RATES = (0.05, 0.15, 0.5)  # section 1, "How many epochs to halve the starting cost"
MILD, CONFIDENT = (0.6, 0.9), (2.0, 2.0)
LOSSES = squared_error.LOSSES


@pytest.fixture(scope="module")
def halving():
    found = {}
    for start in viz.START_POINTS.values():
        for rate in RATES:
            n_epochs = round(40 / rate) + 100
            runs = {loss: squared_error.train_single_neuron(start, rate, n_epochs, loss) for loss in LOSSES}
            found[start, rate] = {loss: squared_error.epochs_to_halve(run.costs) for loss, run in runs.items()}
    return found


def test_the_two_starting_points_are_the_notebooks():
    assert set(viz.START_POINTS.values()) == {MILD, CONFIDENT}


def test_squared_error_is_20_to_30_times_slower_from_the_confident_mistake(halving):
    ratio = {key: n["mse"] / n["cross_entropy"] for key, n in halving.items()}
    for rate in RATES:
        assert 20 < ratio[CONFIDENT, rate] < 30
        assert ratio[MILD, rate] < 8  # mild mistake: both learn
        assert ratio[CONFIDENT, rate] > 3 * ratio[MILD, rate]
    assert max(halving[MILD, 0.15].values()) <= 40


def test_squared_error_halves_in_212_epochs_from_the_confident_mistake():
    # Section 1, the pitfall cell, with the true gradient (the notebook compares it with dC/da).
    true_mse = squared_error.epochs_to_halve(squared_error.train_single_neuron(CONFIDENT, 0.15, 400, "mse").costs)
    assert true_mse == 212


@pytest.fixture(scope="module")
def exam():
    scores, admitted = data.load_exam_scores()
    features, _, _ = data.standardize(scores)
    return data.add_intercept(features), admitted, np.array([0.0, -3.0, -3.0])


def test_cross_entropy_reaches_85_percent_15_to_30_times_sooner(exam):
    # Section 2, the race cell (α = 0.5, 1, 2).
    X, y, theta_bad = exam
    race = viz.ExamScoresRace(X, y, theta_bad, target_accuracy=0.85, max_iterations=400)
    for rate in (0.5, 1.0, 2.0):
        reached = race.iterations_to_target(rate)
        assert reached["cross_entropy"] is not None and reached["mse"] is not None
        assert 15 < reached["mse"] / reached["cross_entropy"] < 30


def test_squared_error_pauses_with_everybody_admitted(exam):
    # Section 2, the last cell: after 120 iterations at α = 1 every applicant is predicted admitted.
    X, y, theta_bad = exam
    paused = optim.fit_logistic_gd(X, y, 1.0, 120, theta0=theta_bad, loss="mse").params
    assert logistic.predict(paused, X).all()
