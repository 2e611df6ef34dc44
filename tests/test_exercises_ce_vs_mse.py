"""The self-checks of notebooks 06 and 07 pass on the solutions, name every listed mistake and refuse the helper."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers import squared_error
from helpers.exercises import ce_vs_mse as check
from helpers.sigmoid import sigmoid
from solutions import ce_vs_mse as solution


def h(z):
    return sigmoid(z)


def s(z):
    return sigmoid(z) * sigmoid(-z)


def test_every_check_passes_on_the_solutions(capsys):
    results = [
        check.check_mse_grad_z(solution.mse_grad_z),
        check.check_peak_z(solution.z_star),
        check.check_ce_grad_negative_sample(solution.ce_grad),
        check.check_gradient_ratio(solution.ratio),
        check.check_mse_curvature_z(solution.mse_curvature_z),
    ]
    assert all(results)
    printed = capsys.readouterr().out
    assert printed.count("✅") == 5 and "❌" not in printed


def test_the_solutions_are_the_right_numbers():
    assert solution.z_star == pytest.approx(-1.0986122886681098)
    assert solution.ce_grad == pytest.approx(0.9975274, abs=1e-7)
    assert solution.ratio == pytest.approx(2 + math.exp(6) + math.exp(-6), rel=1e-12)


def test_the_peak_of_the_cubic_cost_is_at_minus_ln_3():
    # |∂ℓ₃/∂z| = h (1 - h)³ for y = 1: its maximum on a fine grid of scores sits at -ln 3.
    z = np.linspace(-5, 5, 1_000_001)
    slope = h(z) * sigmoid(-z) ** 3
    assert abs(z[np.argmax(slope)] - solution.z_star) < 1e-5


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda z, y: h(z) - y, "left out the factor h (1 - h)"),
        (lambda z, y: (y - h(z)) * s(z), "sign is flipped"),
        (lambda z, y: 2 * (h(z) - y) * s(z), "factor 2 too much"),
        (lambda z, y: (h(z) - y) * h(z), "dropped the factor (1 - h)"),
        (lambda z, y: (h(z) - y) * sigmoid(-z), "dropped the factor h."),
    ],
)
def test_mse_grad_hints(wrong, hint, capsys):
    result = check.check_mse_grad_z(wrong)
    assert not result
    assert hint in result.message
    assert hint in capsys.readouterr().out


def test_mse_grad_unlisted_mistake_and_stub():
    result = check.check_mse_grad_z(lambda z, y: z)
    assert not result and "expected" in result.message

    def stub(z, y):
        raise NotImplementedError("write it")

    result = check.check_mse_grad_z(stub)
    assert not result and "not written yet" in result.message

    def broken(z, y):
        return z @ np.ones(2)  # a shape error is reported with its input

    result = check.check_mse_grad_z(broken)
    assert not result and "raised ValueError" in result.message


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (-math.log(2), "squared error's peak (section 1)"),
        (1 / 4, "probability h at the peak"),
        (math.log(3), "peak for target y = 0"),
        (math.log(1 / 4), "you took ln h"),
        (0.0, "where σ'(z) = h (1 - h) peaks"),
        (27 / 256, "height of the peak"),
        (3 / 4, "target y = 0"),
    ],
)
def test_peak_hints(answer, hint):
    result = check.check_peak_z(answer)
    assert not result and hint in result.message


def test_peak_unanswered_and_unknown():
    assert "not answered yet" in check.check_peak_z(None).message
    result = check.check_peak_z(-2.0)
    assert not result and "not right yet" in result.message


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (-float(h(6.0)), "wrong sign"),
        (float(h(6.0)) - 1, "derivative for a positive sample"),
        (1 - float(h(6.0)), "that is 1 - h"),
        (float(h(6.0) * s(6.0)), "squared-error derivative"),
        (float(h(-10.0)) - 1, "notebook 06's value at z = -10"),
    ],
)
def test_ce_grad_hints(answer, hint):
    result = check.check_ce_grad_negative_sample(answer)
    assert not result and hint in result.message


def test_ce_grad_accepts_four_digits_and_reports_none():
    assert check.check_ce_grad_negative_sample(0.99753)
    assert "not answered yet" in check.check_ce_grad_negative_sample(None).message


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (float(s(6.0)), "upside down"),
        (4.0, "slope at z = 0"),
        (-solution.ratio, "magnitudes is positive"),
        (22028.5, "notebook 06's ratio at z = -10"),
        (1 / float(sigmoid(-6.0)), "divided by (1 - h) only"),
    ],
)
def test_ratio_hints(answer, hint):
    result = check.check_gradient_ratio(answer)
    assert not result and hint in result.message


def test_ratio_accepts_a_rounded_answer_and_reports_none():
    assert check.check_gradient_ratio(405.4)
    assert "not answered yet" in check.check_gradient_ratio(None).message


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda z, y: s(z) ** 2, "you kept only h'(z)²"),
        (lambda z, y: (h(z) - y) * (1 - 2 * h(z)) * s(z), "you kept only the term from differentiating"),
        (lambda z, y: s(z) * (s(z) - (h(z) - y) * (1 - 2 * h(z))), "sign error"),
        (lambda z, y: s(z), "cross-entropy's second derivative"),
    ],
)
def test_curvature_hints(wrong, hint):
    result = check.check_mse_curvature_z(wrong)
    assert not result and hint in result.message


def test_curvature_stub():
    def stub(z, y):
        raise NotImplementedError

    assert "not written yet" in check.check_mse_curvature_z(stub).message


def test_the_function_checks_refuse_the_course_helpers(capsys):
    # A learner who calls the function the exercise asks for is told so, not congratulated.
    result = check.check_mse_grad_z(lambda z, y: squared_error.mse_grad_z(z, y))
    assert not result and "calls helpers.squared_error.mse_grad_z" in result.message
    result = check.check_mse_curvature_z(lambda z, y: squared_error.mse_curvature_z(z, y))
    assert not result and "calls helpers.squared_error.mse_curvature_z" in result.message
    assert "the function this exercise asks you to write" in capsys.readouterr().out


def test_the_helpers_work_again_after_a_refusal():
    check.check_mse_grad_z(lambda z, y: squared_error.mse_grad_z(z, y))
    assert squared_error.mse_grad_z(np.array([0.0]), np.array([1.0]))[0] == pytest.approx(-0.125)
    assert check.check_mse_grad_z(solution.mse_grad_z)


# ---------------------------------------------------------------------------------------
# notebook 06: Nielsen's question with a factor k
# ---------------------------------------------------------------------------------------
def test_scaled_cost_solution_passes(capsys):
    assert check.check_cost_for_scaled_gradient(solution.cost_for_scaled_gradient)
    printed = capsys.readouterr().out
    assert printed.count("✅") == 2 and "❌" not in printed


def test_scaled_cost_stub():
    def stub(a, y, k):
        raise NotImplementedError

    result = check.check_cost_for_scaled_gradient(stub)
    assert not result and "not written yet" in result.message


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda a, y, k: -(y * np.log(a) + (1 - y) * np.log(1 - a)), "factor k is missing"),
        (lambda a, y, k: -(y * np.log(a) + (1 - y) * np.log(1 - a)) / k, "divided by k"),
        (lambda a, y, k: k * (y * np.log(a) + (1 - y) * np.log(1 - a)), "sign is flipped"),
        (lambda a, y, k: k * (a - y) ** 2 / 2, "that is the squared error"),
        (lambda a, y, k: -k**2 * (y * np.log(a) + (1 - y) * np.log(1 - a)), "k appears once"),
        (lambda a, y, k: -k * y * np.log(a), "(1 - y) ln(1 - a) term is missing"),
    ],
)
def test_scaled_cost_mistakes_are_named(wrong, hint):
    result = check.check_cost_for_scaled_gradient(wrong)
    assert not result and hint in result.message


def test_scaled_cost_rejects_the_course_cross_entropy():
    from helpers import losses, squared_error
    from helpers.sigmoid import logit

    for learner, helper in [
        (lambda a, y, k: k * squared_error.ce_loss_z(logit(a), y), "helpers.squared_error.ce_loss_z"),
        (lambda a, y, k: k * losses.binary_cross_entropy(y, a) * len(a), "helpers.losses.binary_cross_entropy"),
    ]:
        result = check.check_cost_for_scaled_gradient(learner)
        assert not result and f"calls {helper}, the function" in result.message
    assert squared_error.ce_loss_z(0.0, 1) > 0  # switched on again
