"""What ``notebooks/13_in_practice.ipynb`` shows at its defaults (issue 19, part 4).

The notebook invites changing its seed, the number of people, the number of age bins
(exercise 3 asks for 12) and the typo; numbers that hold only at the defaults are pinned
here, recomputed through the helpers the notebook calls, so the notebook's own cells keep
only checks that hold for every value a learner may try. Each test names the cell (by its
content) whose numbers it pins.
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, features, logistic, optim

SEED = 2


def _accuracy(theta, A, y):
    return float(np.mean(logistic.predict(theta, A) == y))


@pytest.fixture(scope="module")
def u_shaped():
    # section 1, "A risk that is high at both ends": 600 people, split in half
    rng4 = np.random.default_rng(SEED + 2)
    age, risk = features.make_age_risk(600, rng4, shape="u")
    return data.train_test_split(age, risk, 0.5, rng4)


def _binned(u_shaped, n_bins):
    age_train, age_test, r_train, r_test = u_shaped
    edges = features.quantile_bin_edges(age_train, n_bins)
    B_train, B_test = features.one_hot_bins(age_train, edges), features.one_hot_bins(age_test, edges)
    fit = optim.fit_logistic_newton(B_train, r_train)
    assert fit.converged
    return edges, _accuracy(fit.params, B_test, r_test), logistic.cost(fit.params, B_test, r_test)


def test_bins_follow_a_u_that_one_slope_cannot(u_shaped):
    # section 1, the cell that fits the raw age and N_BINS = 6 bins
    age_train, age_test, r_train, r_test = u_shaped
    z_train, mean, std = data.standardize(age_train[:, None])
    R_train = data.add_intercept(z_train)
    R_test = data.add_intercept(data.apply_standardization(age_test[:, None], mean, std))
    theta_raw = optim.fit_logistic_newton(R_train, r_train).params
    raw_accuracy, raw_cost = _accuracy(theta_raw, R_test, r_test), logistic.cost(theta_raw, R_test, r_test)
    _, bins_accuracy, bins_cost = _binned(u_shaped, 6)
    assert bins_accuracy > raw_accuracy + 0.10
    assert bins_cost < raw_cost - 0.05
    assert raw_cost > 0.98 * np.log(2)  # the raw fit is about as good as a coin


def test_one_typo_bends_the_slope_and_leaves_the_bins_alone():
    # section 1, "One typo: the outlier check" (N_RISING = 300, TYPO_FACTOR = 10)
    rng5 = np.random.default_rng(SEED + 3)
    age5, y5 = features.make_age_risk(300, rng5, shape="rising")
    edges5 = features.quantile_bin_edges(age5, 6)
    top = np.flatnonzero((features.bin_index(age5, edges5) == len(edges5)) & (y5 == 0))
    typo = top[np.argmax(age5[top])]
    age5_typo = age5.copy()
    age5_typo[typo] = 10 * age5[typo]
    ages = np.linspace(18, 90, 300)

    def raw(a):
        theta = optim.fit_logistic_newton(data.add_intercept(a), y5).params
        return theta, logistic.predict_proba(theta, data.add_intercept(ages))

    def binned(a):
        e = features.quantile_bin_edges(a, 6)
        theta = optim.fit_logistic_newton(features.one_hot_bins(a, e), y5).params
        return e, theta, logistic.predict_proba(theta, features.one_hot_bins(ages, e))

    (raw_clean, p_clean), (raw_typo, p_typo) = raw(age5), raw(age5_typo)
    assert raw_typo[1] < 0.7 * raw_clean[1] and np.abs(p_typo - p_clean).max() > 0.1  # one value bends the fit
    (e_clean, b_clean, q_clean), (e_typo, b_typo, q_typo) = binned(age5), binned(age5_typo)
    assert np.array_equal(e_clean, e_typo) and np.array_equal(b_clean, b_typo)
    assert np.abs(q_typo - q_clean).max() == 0


def test_separable_data_and_collinear_copies():
    # section 2, "Separable data, with Newton's method" and "Collinear features"
    rng7 = np.random.default_rng(SEED + 5)
    x_sep = np.concatenate([rng7.normal(-2, 0.7, 20), rng7.normal(2, 0.7, 20)])
    y_sep = np.repeat([0.0, 1.0], 20)
    A_sep = data.add_intercept(x_sep)
    unpenalised = optim.fit_logistic_newton(A_sep, y_sep, tol=1e-300, max_iter=25)
    growth = np.linalg.norm(unpenalised.path, axis=1)
    assert np.all(np.diff(growth[1:]) > 0.3)  # grows at every step, never settles
    penalised = optim.fit_logistic_newton(A_sep, y_sep, lam=1.0, max_iter=25)
    assert penalised.converged and np.linalg.norm(penalised.params) < 3

    scores, admitted = data.load_exam_scores()
    rng8 = np.random.default_rng(SEED + 6)
    free_weights = []
    for _ in range(3):
        copy = scores[:, 0] + rng8.normal(scale=0.01, size=len(admitted))
        A_dup = data.add_intercept(np.column_stack([scores, copy]))
        free_weights.append(optim.fit_logistic_newton(A_dup, admitted).params[1])
    assert np.ptp(free_weights) > 10  # without λ the single weight is decided by the noise


def test_exercise_answers(u_shaped):
    # Exercise 1's collapsed answer: odds ratios for 10 points more and 10 fewer on exam 1
    scores, admitted = data.load_exam_scores()
    theta_1 = optim.fit_logistic_newton(data.add_intercept(scores), admitted).params[1]
    assert round(float(np.exp(10 * theta_1)), 1) == 7.9 and round(float(np.exp(-10 * theta_1)), 2) == 0.13
    # Exercise 2's: an age of 300 goes to the last, open bin "80 and over" of section 1's edges
    edges, _, _ = _binned(u_shaped, 6)
    assert features.bin_index([300.0], edges).tolist() == [len(edges)] == [5] and round(edges[-1]) == 80
    # Exercise 3's: 12 bins lower the held-out cost a little, 24 raise it
    costs = {}
    for n_bins in (6, 12, 24):
        _, accuracy, costs[n_bins] = _binned(u_shaped, n_bins)
        if n_bins in (6, 12):
            assert round(accuracy, 3) == 0.757
    assert round(costs[6], 3) == 0.522 and round(costs[12], 3) == 0.503 and round(costs[24], 3) == 0.611
