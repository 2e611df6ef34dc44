"""The self-checks of notebooks 08 and 09 pass on the solutions, name every listed mistake, refuse the helper."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import data, one_vs_rest, optim, softmax
from helpers.exercises import softmax as checks
from helpers.sigmoid import sigmoid
from solutions import softmax as solutions


# ---------------------------------------------------------------------------------------
# the reference solutions pass
# ---------------------------------------------------------------------------------------
def test_solutions_pass(capsys):
    assert checks.check_stable_softmax(solutions.stable_softmax)
    assert checks.check_softmax_jacobian(solutions.J_softmax)
    assert checks.check_log_softmax_jacobian(solutions.J_log_softmax)
    result = checks.check_softmax_gradient(solutions.softmax_gradient)
    assert result
    # a verdict, the same on every machine, not the rounding-level error itself
    assert result.message.endswith("my_gradient also passes the gradient check: relative error < 1e-7.")
    printed = capsys.readouterr().out
    assert printed.count("✅") == 5 and "❌" not in printed  # the gradient check prints two lines


def test_jacobian_solutions_match_the_scores_of_the_exercise():
    p = softmax.softmax(checks.JACOBIAN_SCORES)
    assert np.allclose(p, [0.5, 0.25, 0.25])
    assert np.allclose(solutions.J_softmax, np.diag(p) - np.outer(p, p))
    assert np.allclose(solutions.J_log_softmax, np.eye(3) - np.outer(np.ones(3), p))


# ---------------------------------------------------------------------------------------
# the notebook's stubs give the "not implemented yet" verdict
# ---------------------------------------------------------------------------------------
def test_stubs_are_reported_as_not_implemented(capsys):
    def stub_function(*args):
        ...

    def raising_stub(*args):
        raise NotImplementedError

    for result in (
        checks.check_stable_softmax(stub_function),
        checks.check_stable_softmax(raising_stub),
        checks.check_softmax_jacobian(None),
        checks.check_log_softmax_jacobian(None),
        checks.check_softmax_gradient(stub_function),
    ):
        assert not result
        assert "not implemented yet" in result.message
    assert capsys.readouterr().out.count("not implemented yet") == 5


# ---------------------------------------------------------------------------------------
# exercise 1: wrong softmax implementations, written as a learner would
# ---------------------------------------------------------------------------------------
def naive(Z):
    E = np.exp(Z)
    return E / E.sum(axis=-1, keepdims=True)


def naive_silenced(Z):
    with np.errstate(all="ignore"):
        E = np.exp(Z)
        return E / E.sum(axis=-1, keepdims=True)


def forgot_keepdims(Z):
    E = np.exp(Z - Z.max(axis=-1))
    return E / E.sum(axis=-1, keepdims=True)


def column_max(Z):
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return E / E.sum(axis=-1, keepdims=True)


def column_max_silenced(Z):
    with np.errstate(all="ignore"):
        return column_max(Z)


def wrong_axis(Z):
    E = np.exp(Z - Z.max(axis=-1, keepdims=True))
    return E / E.sum(axis=0, keepdims=True)


def not_normalised(Z):
    return np.exp(Z - Z.max(axis=-1, keepdims=True))


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (naive, "Did you forget to subtract the row max?"),
        (naive_silenced, "did you forget to subtract the row max?"),
        (forgot_keepdims, "Did you forget to subtract the row max?"),
        (column_max, "Did you forget to subtract the row max?"),
        (column_max_silenced, "maximum of each column"),
        (wrong_axis, "normalised over the wrong axis"),
        (not_normalised, "did not divide by the sum"),
    ],
)
def test_softmax_mistakes_are_named(wrong, hint, capsys):
    result = checks.check_stable_softmax(wrong)
    assert not result
    assert hint in result.message
    assert hint in capsys.readouterr().out


def test_softmax_warning_message_quotes_the_warning():
    assert "overflow encountered in exp" in checks.check_stable_softmax(naive).message


# ---------------------------------------------------------------------------------------
# exercise 2: typical wrong Jacobians
# ---------------------------------------------------------------------------------------
P = np.array([0.5, 0.25, 0.25])


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (-np.outer(P, P), "misses the δ_ij p_i term"),
        (np.diag(P * (1 - P)), "off-diagonal entries are not 0"),
        (np.outer(P, P) - np.diag(P), "sign is flipped"),
        (np.diag(P), "-p_i p_j term is missing"),
        (np.outer(P, 1 - P), "δ_ij is 1 only when i = j"),
        (np.eye(3) - np.outer(np.ones(3), P), "Jacobian of log p"),
    ],
)
def test_softmax_jacobian_mistakes_are_named(answer, hint):
    result = checks.check_softmax_jacobian(answer)
    assert not result and hint in result.message


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (np.eye(3) - np.outer(P, np.ones(3)), "transposed"),
        (-np.outer(np.ones(3), P), "δ_ij is missing"),
        (np.outer(np.ones(3), P) - np.eye(3), "sign is flipped"),
        (np.diag(P) - np.outer(P, P), "Jacobian of p (exercise 2a)"),
    ],
)
def test_log_softmax_jacobian_mistakes_are_named(answer, hint):
    result = checks.check_log_softmax_jacobian(answer)
    assert not result and hint in result.message


def test_an_unknown_wrong_jacobian_gets_the_generic_message():
    result = checks.check_softmax_jacobian(np.zeros((3, 3)))
    assert not result and "Look at the derivation" in result.message


# ---------------------------------------------------------------------------------------
# exercise 3: wrong gradients, written as a learner would
# ---------------------------------------------------------------------------------------
def _p_and_y(W, X, y):
    P = softmax.softmax(X @ W)
    Y = np.zeros_like(P)
    Y[np.arange(len(y)), y] = 1.0
    return P, Y


def _with_penalty(grad, W, scale):
    grad = grad.copy()
    grad[1:] += scale * W[1:]
    return grad


def forgot_mean(W, X, y, lam=0.0):
    P, Y = _p_and_y(W, X, y)
    return _with_penalty(X.T @ (P - Y), W, lam)


def flipped_sign(W, X, y, lam=0.0):
    P, Y = _p_and_y(W, X, y)
    return _with_penalty(X.T @ (Y - P) / len(y), W, lam / len(y))


def forgot_one_hot(W, X, y, lam=0.0):
    P, _ = _p_and_y(W, X, y)
    return _with_penalty(X.T @ (P - y[:, None]) / len(y), W, lam / len(y))


def penalised_intercept(W, X, y, lam=0.0):
    P, Y = _p_and_y(W, X, y)
    return X.T @ (P - Y) / len(y) + lam / len(y) * W


def forgot_penalty(W, X, y, lam=0.0):
    P, Y = _p_and_y(W, X, y)
    return X.T @ (P - Y) / len(y)


def half_penalty(W, X, y, lam=0.0):
    P, Y = _p_and_y(W, X, y)
    return _with_penalty(X.T @ (P - Y) / len(y), W, lam / (2 * len(y)))


def unstable(W, X, y, lam=0.0):
    E = np.exp(X @ W)
    P = E / E.sum(axis=1, keepdims=True)
    Y = np.zeros_like(P)
    Y[np.arange(len(y)), y] = 1.0
    return _with_penalty(X.T @ (P - Y) / len(y), W, lam / len(y))


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (forgot_mean, "forgot the 1/m"),
        (flipped_sign, "sign is flipped"),
        (forgot_one_hot, "forgot the one-hot"),
        (penalised_intercept, "penalised the intercepts"),
        (forgot_penalty, "L2 term is missing"),
        (half_penalty, "the 2 of the square cancels"),
        (unstable, "subtract the row max"),
    ],
)
def test_gradient_mistakes_are_named(wrong, hint, capsys):
    result = checks.check_softmax_gradient(wrong)
    assert not result
    assert hint in result.message
    assert "gradient check" not in capsys.readouterr().out  # the finite-difference step only runs on a match


def test_gradient_that_matches_nothing_shows_the_failing_input():
    def scaled(W, X, y, lam=0.0):
        return 2.0 * solutions.softmax_gradient(W, X, y, lam)

    result = checks.check_softmax_gradient(scaled)
    assert not result and "expected" in result.message


def test_gradient_that_raises_is_reported_with_its_input():
    def broken(W, X, y, lam=0.0):
        raise KeyError("oops")

    result = checks.check_softmax_gradient(broken)
    assert not result and "raised KeyError" in result.message and "W of shape (4, 3)" in result.message


# ---------------------------------------------------------------------------------------
# the checks refuse the course function the exercise asks for
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "calls_the_course",
    [
        lambda Z: softmax.softmax(Z),
        lambda Z: np.exp(softmax.log_softmax(Z)),
        lambda Z: softmax.predict_proba(np.eye(Z.shape[-1]), np.atleast_2d(Z)).reshape(Z.shape),
    ],
    ids=["softmax", "log_softmax", "predict_proba"],
)
def test_softmax_check_refuses_the_course_softmax(calls_the_course, capsys):
    result = checks.check_stable_softmax(calls_the_course)
    assert not result and "the function this exercise asks you to write" in result.message
    assert "calls helpers.softmax." in capsys.readouterr().out
    assert np.allclose(softmax.softmax(np.array([0.0, 0.0])), 0.5)  # put back afterwards


def test_softmax_check_refuses_a_name_imported_from_the_module():
    from helpers.softmax import softmax as imported

    result = checks.check_stable_softmax(lambda Z: imported(Z))
    assert not result and "calls helpers.softmax.softmax" in result.message


@pytest.mark.parametrize(
    "calls_the_course",
    [
        lambda W, X, y, lam=0.0: softmax.gradient(W, X, y, lam),
        lambda W, X, y, lam=0.0: softmax.cost_and_gradient(W, X, y, lam)[1],
        lambda W, X, y, lam=0.0: softmax.minibatch_objective(X, y, W.shape[1], lam)(W, np.arange(len(y)))[1],
    ],
    ids=["gradient", "cost_and_gradient", "minibatch_objective"],
)
def test_gradient_check_refuses_the_course_gradient(calls_the_course, capsys):
    result = checks.check_softmax_gradient(calls_the_course)
    assert not result and "the function this exercise asks you to write" in result.message
    assert "gradient check" not in capsys.readouterr().out


def test_gradient_check_allows_the_course_softmax_and_one_hot():
    def with_helpers(W, X, y, lam=0.0):
        P, Y = softmax.softmax(X @ W), softmax.one_hot(y, W.shape[1])
        grad = X.T @ (P - Y) / X.shape[0]
        grad[1:] += lam / X.shape[0] * W[1:]
        return grad

    assert checks.check_softmax_gradient(with_helpers)


# ---------------------------------------------------------------------------------------
# notebook 09: one-vs-rest from the binary model
# ---------------------------------------------------------------------------------------
def _fit_columns(features, y, K, lam, labels_of):
    X = data.add_intercept(features)
    return [optim.fit_logistic_newton(X, labels_of(y, k), lam=lam).params for k in range(K)]


def test_one_vs_rest_solutions_pass(capsys):
    assert checks.check_one_vs_rest(solutions.one_vs_rest)
    assert checks.check_ovr_predict(solutions.ovr_predict)
    printed = capsys.readouterr().out
    assert printed.count("✅") == 2 and "❌" not in printed


def test_argmax_of_the_probabilities_is_accepted_too():
    def by_probability(Theta, features):
        return np.argmax(sigmoid(data.add_intercept(features) @ Theta), axis=1)

    assert checks.check_ovr_predict(by_probability)


def test_one_vs_rest_stubs():
    assert "not implemented yet" in checks.check_one_vs_rest(lambda *args: None).message
    assert "not implemented yet" in checks.check_ovr_predict(lambda *args: None).message


def not_relabelled(features, y, K, lam=0.0):
    return np.column_stack(_fit_columns(features, y, K, lam, lambda y, k: y))


def inverted(features, y, K, lam=0.0):
    return np.column_stack(_fit_columns(features, y, K, lam, lambda y, k: (y != k).astype(float)))


def rows_not_columns(features, y, K, lam=0.0):
    return np.array(_fit_columns(features, y, K, lam, lambda y, k: (y == k).astype(float)))


def no_intercept(features, y, K, lam=0.0):
    columns = [optim.fit_logistic_newton(features, (y == k).astype(float), lam=lam).params for k in range(K)]
    return np.column_stack(columns)


def lam_dropped(features, y, K, lam=0.0):
    return np.column_stack(_fit_columns(features, y, K, 0.0, lambda y, k: (y == k).astype(float)))


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (not_relabelled, "you passed the K-class labels y to the binary fit"),
        (inverted, "you labelled class k 0 and the rest 1"),
        (rows_not_columns, "the result has shape (K, n + 1)"),
        (no_intercept, "the models have no intercept"),
        (lam_dropped, "lam is not passed on"),
    ],
)
def test_one_vs_rest_mistakes_are_named(wrong, hint):
    result = checks.check_one_vs_rest(wrong)
    assert not result and hint in result.message


def test_one_vs_rest_check_refuses_the_course_fit(capsys):
    def calls_the_course(features, y, K, lam=0.0):
        return one_vs_rest.fit(data.add_intercept(features), y, K, lam=lam)

    result = checks.check_one_vs_rest(calls_the_course)
    assert not result and "calls helpers.one_vs_rest.fit" in result.message
    assert one_vs_rest.fit.__module__ == "helpers.one_vs_rest" and "❌" in capsys.readouterr().out


def test_ovr_predict_check_refuses_the_course_predict():
    result = checks.check_ovr_predict(lambda Theta, features: one_vs_rest.predict(Theta, data.add_intercept(features)))
    assert not result and "calls helpers.one_vs_rest.predict" in result.message


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda T, f: np.argmax(data.add_intercept(f) @ T, axis=0), "over axis 0"),
        (lambda T, f: np.max(data.add_intercept(f) @ T, axis=1), "np.max gives the largest score"),
        (lambda T, f: np.max(sigmoid(data.add_intercept(f) @ T), axis=1), "np.max gives the largest probability"),
        (lambda T, f: data.add_intercept(f) @ T, "you returned the K scores"),
        (lambda T, f: sigmoid(data.add_intercept(f) @ T), "you returned the K probabilities"),
    ],
)
def test_ovr_predict_mistakes_are_named(wrong, hint):
    result = checks.check_ovr_predict(wrong)
    assert not result and hint in result.message


# notebooks 08 and 09: natural parameters, temperature, the Hessian by hand
# ---------------------------------------------------------------------------------------
def test_theory_solutions_pass(capsys):
    assert checks.check_natural_parameters(solutions.natural_parameters)
    assert checks.check_softmax_temperature(solutions.softmax_with_temperature)
    assert checks.check_score_hessian(solutions.score_hessian)
    result = checks.check_softmax_hessian(solutions.softmax_hessian)
    assert result and result.message.endswith("relative error < 1e-7.")
    printed = capsys.readouterr().out
    assert printed.count("✅") == 5 and "❌" not in printed


def test_theory_stubs_are_reported_as_not_implemented():
    def stub(*args):
        ...

    for check in (checks.check_natural_parameters, checks.check_softmax_temperature,
                  checks.check_score_hessian, checks.check_softmax_hessian):
        result = check(stub)
        assert not result and "not implemented yet" in result.message


def _hess(S_of, kron_order="class", mean=True):
    def learner(W, X):
        m = X.shape[0]
        Z = X @ W
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        P = E / E.sum(axis=1, keepdims=True)
        H = 0
        for p, x in zip(P, X, strict=True):
            H = H + (np.kron(S_of(p), np.outer(x, x)) if kron_order == "class" else np.kron(np.outer(x, x), S_of(p)))
        return H / m if mean else H

    return learner


@pytest.mark.parametrize(
    ("check", "wrong", "hint"),
    [
        (checks.check_natural_parameters, lambda p: np.log(p), "without the reference"),
        (checks.check_natural_parameters, lambda p: np.log(p / p[..., :1]), "not class 0"),
        (checks.check_natural_parameters, lambda p: np.log(p[..., -1:] / p), "upside down"),
        (checks.check_natural_parameters, lambda p: p / p[..., -1:], "*log* of the ratio"),
        (checks.check_natural_parameters, lambda p: np.log(p) - np.log(p).mean(axis=-1, keepdims=True), "symmetric"),
        (checks.check_natural_parameters, lambda p: np.log(p) - np.log(p[-1]), "not the last row"),
        (checks.check_softmax_temperature, lambda Z, T: solutions.stable_softmax(Z * T), "do not multiply"),
        (checks.check_softmax_temperature, lambda Z, T: solutions.stable_softmax(Z), "temperature is missing"),
        (checks.check_softmax_temperature, lambda Z, T: np.exp(Z / T) / np.exp(Z / T).sum(axis=-1, keepdims=True),
         "overflowed at a small temperature"),
        (checks.check_softmax_temperature, lambda Z, T: solutions.stable_softmax(Z) ** (1 / T), "renormalising"),
        (checks.check_score_hessian, lambda z: np.diag(solutions.stable_softmax(z)), "-p pᵀ term is missing"),
        (checks.check_score_hessian,
         lambda z: -np.outer(solutions.stable_softmax(z), solutions.stable_softmax(z)), "diagonal misses"),
        (checks.check_score_hessian, lambda z: -solutions.score_hessian(z), "sign is flipped"),
        (checks.check_softmax_hessian, _hess(np.diag), "-p_i p_iᵀ term is missing"),
        (checks.check_softmax_hessian, _hess(lambda p: np.diag(p) - np.outer(p, p), "feature"), "wrong order"),
        (checks.check_softmax_hessian, _hess(lambda p: np.diag(p) - np.outer(p, p), mean=False), "forgot the 1/m"),
        (checks.check_softmax_hessian, lambda W, X: -solutions.softmax_hessian(W, X), "sign is flipped"),
    ],
)
def test_theory_mistakes_are_named(check, wrong, hint):
    result = check(wrong)
    assert not result
    assert hint in result.message


def test_theory_checks_reject_the_helper_they_reimplement():
    from helpers.softmax import hessian, natural_parameters  # imported by name: found in the function's globals

    def by_name(W, X):
        return hessian(W, X, np.zeros(X.shape[0], dtype=int))

    def natural_by_name(p):
        return natural_parameters(p)

    attempts = [
        (checks.check_natural_parameters, lambda p: softmax.natural_parameters(p),
         "helpers.softmax.natural_parameters"),
        (checks.check_natural_parameters, natural_by_name, "helpers.softmax.natural_parameters"),
        (checks.check_softmax_temperature, lambda Z, T: softmax.softmax(Z / T), "helpers.softmax.softmax"),
        (checks.check_softmax_temperature, lambda Z, T: softmax.softmax(Z, temperature=T), "helpers.softmax.softmax"),
        (checks.check_score_hessian, lambda z: softmax.score_hessian(z), "helpers.softmax.score_hessian"),
        (checks.check_softmax_hessian, lambda W, X: softmax.hessian(W, X, np.zeros(X.shape[0], dtype=int)),
         "helpers.softmax.hessian"),
        (checks.check_softmax_hessian, by_name, "helpers.softmax.hessian"),
    ]
    for check, learner, helper in attempts:
        result = check(learner)
        assert not result
        assert f"calls {helper}, the function this exercise asks you to write" in result.message
    # and the helpers work again afterwards
    assert np.allclose(softmax.softmax([0.0, 0.0]), 0.5)


def test_wrapped_checks_refuse_names_the_notebook_imported():
    # The gradient and one-vs-rest checks call the learner through a wrapper; the helpers are
    # switched off in the learner's own names too (a notebook's `from helpers.softmax import gradient`).
    from helpers.one_vs_rest import fit as imported_fit
    from helpers.softmax import gradient as imported_gradient

    namespace = {"imported_gradient": imported_gradient, "imported_fit": imported_fit, "data": data}
    exec("def by_gradient(W, X, y, lam=0.0):\n    return imported_gradient(W, X, y, lam)\n"
         "def by_fit(features, y, K, lam=0.0):\n    return imported_fit(data.add_intercept(features), y, K, lam=lam)\n",
         namespace)
    result = checks.check_softmax_gradient(namespace["by_gradient"])
    assert not result and "calls helpers.softmax.gradient" in result.message
    result = checks.check_one_vs_rest(namespace["by_fit"])
    assert not result and "calls helpers.one_vs_rest.fit" in result.message
    assert namespace["imported_gradient"] is softmax.gradient  # put back afterwards
