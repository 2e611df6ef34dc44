"""Every public helper rejects bad input with a ValueError that names expected and given.

Each row: a description, the call, and a pattern the message must contain. The calls
use fresh arrays, and a second test checks that a failing call leaves its inputs alone.
"""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, gradcheck, logistic, losses, one_vs_rest, optim, sigmoid, softmax

X = np.column_stack([np.ones(4), np.arange(4.0)])  # (4, 2)
Y = np.array([0.0, 1.0, 0.0, 1.0])
THETA = np.zeros(2)
W = np.zeros((2, 3))
YK = np.array([0, 1, 2, 1])
NAN_X = X.copy()
NAN_X[2, 1] = np.nan
INF_X = X.copy()
INF_X[0, 1] = np.inf

CASES = [
    # --- shapes ------------------------------------------------------------------------
    ("theta too long", lambda: logistic.cost(np.zeros(3), X, Y), r"theta must have shape \(2,\).*got theta of shape \(3,\)"),
    ("theta 2-D", lambda: logistic.gradient(np.zeros((2, 1)), X, Y), r"theta must be a 1-D array; got a 2-D"),
    ("X 1-D", lambda: logistic.predict_proba(THETA, np.ones(4)), r"X must be a 2-D array; got a 1-D"),
    ("y too short", lambda: logistic.cost(THETA, X, Y[:3]), r"same number of samples.*\(4, 2\).*\(3,\)"),
    ("y 2-D", lambda: logistic.cost(THETA, X, Y[:, None]), r"y must be a 1-D array"),
    ("W wrong rows", lambda: softmax.cost(np.zeros((3, 3)), X, YK), r"W must have shape \(2, K\)"),
    ("W one column", lambda: softmax.predict(np.zeros((2, 1)), X), r"at least 2 columns"),
    ("softmax 3-D", lambda: softmax.softmax(np.zeros((2, 2, 2))), r"1-D or 2-D"),
    ("empty scores", lambda: softmax.softmax(np.zeros((0, 3))), r"must not be empty"),
    ("empty data", lambda: logistic.cost(THETA, np.zeros((0, 2)), np.zeros(0)), r"must not be empty"),
    ("hessian shape", lambda: logistic.hessian(np.zeros(5), X, Y), r"theta must have shape \(2,\)"),
    ("kl shapes", lambda: losses.kl_divergence([0.5, 0.5], [1.0]), r"same shape"),
    ("bce shapes", lambda: losses.binary_cross_entropy([1, 0], [0.5]), r"same number of samples"),
    ("mse shapes", lambda: losses.mean_squared_error([1, 0], [0.5]), r"same number of samples"),
    ("relative error shapes", lambda: gradcheck.relative_error(np.ones(2), np.ones(3)), r"same shape"),
    ("standardize 1-D", lambda: data.standardize(np.ones(3)), r"2-D"),
    ("ovr theta rows", lambda: one_vs_rest.predict(np.zeros((3, 3)), X), r"Theta must have shape \(2, K\)"),
    # --- labels ------------------------------------------------------------------------
    ("labels 1/2", lambda: logistic.cost(THETA, X, np.array([1.0, 2.0, 1.0, 2.0])), r"binary labels 0 or 1; got 2 at index 1"),
    ("labels -1/1", lambda: logistic.gradient(THETA, X, np.array([-1.0, 1, 1, 1])), r"binary labels 0 or 1; got -1 at index 0"),
    ("soft label in bce", lambda: losses.binary_cross_entropy([0.5], [0.5]), r"binary labels"),
    ("class label = K", lambda: softmax.cost(W, X, np.array([0, 1, 3, 1])), r"labels in 0\.\.2 \(K = 3 classes\); got 3 at index 2"),
    ("negative class", lambda: softmax.gradient(W, X, np.array([0, -1, 2, 1])), r"0\.\.2.*got -1 at index 1"),
    ("fractional class", lambda: softmax.cost(W, X, np.array([0, 1.5, 2, 1])), r"integer class labels.*1\.5"),
    ("string labels", lambda: softmax.cost(W, X, np.array(["a", "b", "c", "a"])), r"integer class labels"),
    ("one_hot label", lambda: softmax.one_hot([0, 5], 3), r"0\.\.2"),
    ("one_hot k", lambda: softmax.one_hot([0, 1], 1), r"k must be an integer number of classes >= 2"),
    ("softmax fit k mismatch", lambda: optim.fit_softmax_gd(X, np.array([0, 1, 4, 1]), 3, 0.1, 5), r"0\.\.2"),
    ("ovr label", lambda: one_vs_rest.fit(X, np.array([0, 1, 7, 1]), 3), r"0\.\.2"),
    # --- NaN and infinity --------------------------------------------------------------
    ("NaN in X", lambda: logistic.cost(THETA, NAN_X, Y), r"X must contain only finite numbers.*NaN at index \(2, 1\)"),
    ("inf in X", lambda: softmax.cost(W, INF_X, YK), r"X must contain only finite.*infinity at index \(0, 1\)"),
    ("NaN in theta", lambda: logistic.predict(np.array([0.0, np.nan]), X), r"theta must contain only finite"),
    ("NaN in z", lambda: sigmoid.sigmoid([np.nan]), r"z must contain only finite"),
    ("inf in scores", lambda: softmax.log_softmax([1.0, np.inf]), r"Z must contain only finite"),
    ("NaN in y", lambda: logistic.cost(THETA, X, np.array([0, np.nan, 1, 0])), r"y must contain only finite"),
    ("NaN in p", lambda: losses.binary_cross_entropy([1], [np.nan]), r"p must contain only finite"),
    ("NaN in data to standardize", lambda: data.standardize(NAN_X), r"finite"),
    ("NaN start", lambda: optim.gradient_descent(lambda x: (0.0, x), [np.nan], 0.1, 3), r"x0 must contain only finite"),
    # --- distributions -----------------------------------------------------------------
    ("not summing to 1", lambda: losses.entropy([0.2, 0.2]), r"sum to 1.*0\.4"),
    ("negative probability", lambda: losses.cross_entropy([1.5, -0.5], [0.5, 0.5]), r">= 0"),
    ("logit of 1", lambda: sigmoid.logit([1.0]), r"strictly between 0 and 1"),
    # --- dtypes ------------------------------------------------------------------------
    ("string array", lambda: sigmoid.sigmoid("1.0"), r"numeric array"),
    ("object array", lambda: logistic.cost(THETA, np.array([[1, None]] * 4), Y), r"real numbers"),
    ("complex", lambda: sigmoid.sigmoid(np.array([1j])), r"real numbers"),
    ("ragged list", lambda: softmax.softmax([[1.0, 2.0], [1.0]]), r"numeric array"),
    # --- optimiser settings ------------------------------------------------------------
    ("zero learning rate", lambda: optim.fit_logistic_gd(X, Y, 0.0, 10), r"learning_rate must be a positive, finite number; got 0\.0"),
    ("negative learning rate", lambda: optim.gradient_descent(lambda x: (0.0, x), [1.0], -0.1, 3), r"positive.*-0\.1"),
    ("inf learning rate", lambda: optim.fit_softmax_gd(X, YK, 3, np.inf, 10), r"learning_rate must be a positive, finite"),
    ("string learning rate", lambda: optim.fit_logistic_gd(X, Y, "0.1", 10), r"learning_rate must be a positive real number; got '0\.1'"),
    ("zero iterations", lambda: optim.fit_logistic_gd(X, Y, 0.1, 0), r"n_iter must be a positive integer \(at least 1\); got 0"),
    ("negative iterations", lambda: optim.fit_softmax_gd(X, YK, 3, 0.1, -5), r"n_iter must be a positive integer"),
    ("float iterations", lambda: optim.gradient_descent(lambda x: (0.0, x), [1.0], 0.1, 2.5), r"n_iter must be a positive integer; got 2\.5"),
    ("bool iterations", lambda: optim.fit_logistic_gd(X, Y, 0.1, True), r"n_iter must be a positive integer"),
    ("zero epochs", lambda: optim.minibatch_gradient_descent(lambda x, i: (0.0, x), [1.0], 4, 0.1, 0, 1, np.random.default_rng(0)), r"n_epochs"),
    ("zero batch", lambda: optim.minibatch_gradient_descent(lambda x, i: (0.0, x), [1.0], 4, 0.1, 1, 0, np.random.default_rng(0)), r"batch_size"),
    ("negative lam", lambda: logistic.cost(THETA, X, Y, lam=-1.0), r"lam must be a finite number >= 0; got -1\.0"),
    ("NaN lam", lambda: softmax.gradient(W, X, YK, lam=float("nan")), r"lam must be a finite number >= 0"),
    ("newton tol", lambda: optim.newton(lambda x: (0.0, x, np.eye(1)), [1.0], tol=0.0), r"tol must be a positive"),
    ("newton max_iter", lambda: optim.fit_logistic_newton(X, Y, max_iter=0), r"max_iter must be a positive integer"),
    ("theta0 shape", lambda: optim.fit_logistic_gd(X, Y, 0.1, 3, theta0=np.zeros(4)), r"theta must have shape \(2,\)"),
    ("W0 shape", lambda: optim.fit_softmax_gd(X, YK, 3, 0.1, 3, W0=np.zeros((2, 4))), r"W0 must have shape \(2, 3\)"),
    ("predict threshold", lambda: logistic.predict(THETA, X, threshold=1.0), r"threshold must be a probability"),
    ("eps", lambda: gradcheck.numerical_gradient(lambda v: 0.0, [1.0], eps=-1e-6), r"eps must be a positive"),
    ("split fraction", lambda: data.train_test_split(X, Y, 1.5, np.random.default_rng(0)), r"test_fraction"),
    ("split rng", lambda: data.train_test_split(X, Y, 0.5, 0), r"numpy\.random\.Generator"),
]


@pytest.mark.parametrize(("description", "call", "pattern"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_raises_a_clear_value_error(description, call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


def test_the_table_is_large():
    assert len(CASES) >= 60


def test_failing_calls_leave_their_inputs_alone():
    snapshots = {name: array.copy() for name, array in
                 {"X": X, "Y": Y, "THETA": THETA, "W": W, "YK": YK, "NAN_X": NAN_X, "INF_X": INF_X}.items()}
    for _, call, _ in CASES:
        with pytest.raises(ValueError):
            call()
    for name, before in snapshots.items():
        np.testing.assert_array_equal(globals()[name], before, err_msg=f"{name} was modified")
