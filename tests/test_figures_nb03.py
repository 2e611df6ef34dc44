"""Tests of helpers/figures/nb03_ce_vs_mse.py: the per-sample formulas, the surfaces and the two panels."""

from __future__ import annotations

import io
import math

import ipywidgets as widgets
import numpy as np
import pytest
from blit import assert_blitting_is_faithful, assert_dynamic_covers_changes
from matplotlib.figure import Figure

from helpers import data, gradcheck, logistic, optim
from helpers.figures import nb03_ce_vs_mse as viz
from helpers.figures.live import LivePanel, iterations_slider, learning_rate_slider
from helpers.sigmoid import sigmoid

LR_MIN, LR_MAX = 0.015, 0.15 * 10**1.5  # the notebook's learning-rate slider range for the neuron


def _line_data(line) -> tuple[np.ndarray, np.ndarray]:
    x, y = line.get_data()
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def exam():
    scores, admitted = data.load_exam_scores()
    features, _, _ = data.standardize(scores)
    return data.add_intercept(features), admitted


# ---------------------------------------------------------------------------------------
# per-sample formulas
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("label", [0, 1])
def test_first_and_second_derivatives_match_central_differences(label):
    z = np.linspace(-15, 15, 301)
    pairs = [
        (viz.ce_loss_z, viz.ce_grad_z),
        (viz.mse_loss_z, viz.mse_grad_z),
        (viz.ce_grad_z, viz.ce_curvature_z),
        (viz.mse_grad_z, viz.mse_curvature_z),
    ]
    for f, df in pairs:
        numeric = viz.central_difference(lambda v, f=f: f(v, label), z)
        assert gradcheck.relative_error(df(z, label), numeric) < 1e-8, (f.__name__, label)


def test_closed_forms_for_a_positive_sample():
    z = np.linspace(-20, 20, 401)
    h = sigmoid(z)
    assert np.allclose(viz.ce_grad_z(z, 1), h - 1)
    assert np.allclose(viz.mse_grad_z(z, 1), -(1 - h) ** 2 * h)
    assert np.allclose(viz.mse_curvature_z(z, 1), h * (1 - h) ** 2 * (3 * h - 1), atol=1e-16)
    assert np.allclose(viz.ce_loss_z(z, 1), -np.log(h), rtol=1e-9)  # h > 2e-9 here, so the log is fine


def test_the_mse_slope_peaks_at_minus_ln_2_with_height_4_27():
    z = np.linspace(-5, 5, 200_001)
    slope = np.abs(viz.mse_grad_z(z, 1))
    assert abs(z[np.argmax(slope)] + math.log(2)) < 1e-4
    assert math.isclose(slope.max(), 4 / 27, rel_tol=1e-8)
    assert abs(float(viz.mse_curvature_z(-math.log(2), 1))) < 1e-15
    assert abs(z[np.argmax(np.abs(viz.mse_grad_z(z, 0)))] - math.log(2)) < 1e-4  # mirror image for y = 0


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_stable_for_extreme_scores(dtype):
    z = np.array([-1e4, -800, -40, 0, 40, 800, 1e4], dtype=dtype)
    for label in (0, 1):
        for f in (viz.ce_loss_z, viz.ce_grad_z, viz.mse_loss_z, viz.mse_grad_z, viz.ce_curvature_z,
                  viz.mse_curvature_z):
            assert np.isfinite(f(z, label)).all(), f.__name__
    assert viz.ce_loss_z(-800.0, 1) == 800.0 and viz.ce_loss_z(800.0, 0) == 800.0
    assert viz.ce_grad_z(-800.0, 1) == -1.0 and viz.mse_grad_z(-800.0, 1) == 0.0


def test_broadcasting_and_scalars():
    assert viz.ce_grad_z(np.zeros((2, 3)), np.array([0.0, 1.0, 1.0])).shape == (2, 3)
    assert np.ndim(viz.mse_loss_z(0.0, 1)) == 0
    assert viz.ce_curvature_z(np.zeros(3), np.ones((2, 1))).shape == (2, 3)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: viz.ce_loss_z([0.0, 1.0], 2), "targets 0 or 1"),
        (lambda: viz.mse_grad_z([0.0, np.nan], 1), "finite"),
        (lambda: viz.ce_grad_z(np.zeros(3), np.ones(2)), "broadcast"),
        (lambda: viz.central_difference(np.sin, [0.0], eps=0), "eps"),
        (lambda: viz.central_difference(np.sin, [0.0], eps=True), "eps"),
        (lambda: viz.make_toy_data(42), "Generator"),
        (lambda: viz.make_toy_data(np.random.default_rng(0), m=0), "positive integer"),
        (lambda: viz.make_toy_data(np.random.default_rng(0), spread=0.0), "spread"),
        (lambda: viz.cost_surfaces([1.0, 2.0], [0.0], [0.0], [0.0]), "same number of samples"),
        (lambda: viz.cost_surfaces([1.0], [0.5], [0.0], [0.0]), "binary labels"),
        (lambda: viz.min_eigenvalue_grid([1.0], [1.0], [0.0], [0.0], "hinge"), "loss must be one of"),
        (lambda: viz.mse_hessian([0.0], [[1.0, 2.0]], [1.0]), "theta must have shape"),
        (lambda: viz.finite_difference_hessian(lambda t: np.zeros(3), [0.0, 0.0]), r"grad\(theta\) must have shape"),
        (lambda: viz.first_index_at_or_below([[1.0]], 0.0), "1-D"),
        (lambda: viz.plot_score_view(y=2), "y must be 0 or 1"),
        (lambda: viz.plot_probability_view(y=-1), "y must be 0 or 1"),
        (lambda: viz.plot_cost_surfaces([0.0, 1.0], [0.0], np.zeros((1, 2)), np.zeros((1, 2)), np.zeros((2, 2))),
         "mse_min_eig must have shape"),
    ],
)
def test_bad_input_raises_a_clear_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------------------------------
# surfaces, Hessians, convexity
# ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def toy():
    x, y = viz.make_toy_data(np.random.default_rng(3), m=20)
    return x, y, data.add_intercept(x)


def test_toy_data_is_reproducible(toy):
    x, y, _ = toy
    again = viz.make_toy_data(np.random.default_rng(3), m=20)
    assert np.array_equal(x, again[0]) and np.array_equal(y, again[1])
    assert set(np.unique(y)) == {0.0, 1.0}


def test_surfaces_match_the_course_costs(toy):
    x, y, X = toy
    w = np.array([-3.0, 0.5, 4.0])
    b = np.array([-1.0, 2.0])
    ce, mse = viz.cost_surfaces(x, y, w, b)
    assert ce.shape == mse.shape == (2, 3)
    for i, bias in enumerate(b):
        for j, weight in enumerate(w):
            theta = np.array([bias, weight])
            assert math.isclose(ce[i, j], logistic.cost(theta, X, y), rel_tol=1e-12)
            assert math.isclose(mse[i, j], logistic.mse_cost(theta, X, y), rel_tol=1e-12)


def test_mse_hessian_matches_finite_differences_and_is_indefinite_somewhere(toy):
    _, y, X = toy
    rng = np.random.default_rng(7)
    negative = 0
    for theta in rng.uniform(-6, 6, size=(20, 2)):
        analytic = viz.mse_hessian(theta, X, y)
        numeric = viz.finite_difference_hessian(lambda t: logistic.mse_gradient(t, X, y), theta)
        assert np.allclose(analytic, numeric, atol=1e-8)
        negative += np.linalg.eigvalsh(analytic).min() < 0
    assert negative > 0


def test_min_eigenvalue_grid_matches_the_loop_and_ce_is_convex(toy):
    x, y, X = toy
    w = np.linspace(-8, 8, 9)
    b = np.linspace(-8, 8, 7)
    hessians = {"mse": lambda t: viz.mse_hessian(t, X, y), "cross_entropy": lambda t: logistic.hessian(t, X, y)}
    for loss, hess in hessians.items():
        grid = viz.min_eigenvalue_grid(x, y, w, b, loss)
        assert grid.shape == (7, 9)
        assert np.allclose(grid, viz.min_eigenvalues(hess, w, b), atol=1e-12)
    assert (viz.min_eigenvalue_grid(x, y, w, b, "cross_entropy") >= -1e-15).all()
    assert (viz.min_eigenvalue_grid(x, y, w, b, "mse") < 0).any()


def test_first_index_helpers_and_halving():
    assert viz.first_index_at_or_below([3.0, 2.0, 1.0], 1.5) == 2
    assert viz.first_index_at_or_above([0.1, 0.9], 0.95) is None
    assert viz.epochs_to_halve([2.0, 1.5, 1.0, 0.2]) == 2
    assert viz.epochs_to_halve([2.0, 1.9]) is None


def test_static_figures_plot_the_formulas():
    fig = viz.plot_score_view(np.linspace(-5, 5, 11), y=0)
    _, ax_grad = fig.axes
    ce_line, mse_line = ax_grad.get_lines()[:2]
    assert np.allclose(_line_data(ce_line)[1], viz.ce_grad_z(np.linspace(-5, 5, 11), 0))
    assert np.allclose(_line_data(mse_line)[1], viz.mse_grad_z(np.linspace(-5, 5, 11), 0))
    fig = viz.plot_probability_view(y=1)
    h, slope = _line_data(fig.axes[1].get_lines()[1])
    assert np.allclose(slope, h * (1 - h) ** 2, atol=1e-15)


def test_static_figures_render_to_png():
    x, y = viz.make_toy_data(np.random.default_rng(3))
    w = np.linspace(-8, 8, 21)
    ce, mse = viz.cost_surfaces(x, y, w, w)
    lam = viz.min_eigenvalue_grid(x, y, w, w, "mse")
    fig = viz.plot_cost_surfaces(w, w, ce, mse, lam, ce_best=(1.0, 0.0), mse_best=(2.0, 0.5),
                                 segment=((2.0, 0.5), (-6.0, 3.0)))
    assert isinstance(fig, Figure) and len(fig.axes) == 4  # two maps and their colour bars
    path = fig.axes[0].get_lines()[0]
    assert np.allclose(_line_data(path)[0], [2.0, -6.0]) and np.allclose(_line_data(path)[1], [0.5, 3.0])
    labels = [t.get_text() for t in fig.axes[1].get_legend().get_texts()]
    assert labels == ["chord-test path", "minimum", "negative curvature"]
    assert _png(fig).startswith(b"\x89PNG")


# ---------------------------------------------------------------------------------------
# the one-neuron experiment
# ---------------------------------------------------------------------------------------
def test_train_single_neuron_takes_the_true_gradient_steps():
    run = viz.train_single_neuron((2.0, 2.0), 0.15, 3, "mse")
    w, b = 2.0, 2.0
    for step in range(1, 4):
        a = float(sigmoid(w + b))
        g = a * a * (1 - a)
        w, b = w - 0.15 * g, b - 0.15 * g
        assert np.allclose(run.path[step], [b, w], rtol=1e-13)
    with pytest.raises(ValueError, match="start must be a pair"):
        viz.train_single_neuron((1.0,), 0.1, 5, "mse")
    with pytest.raises(ValueError, match="finite"):
        viz.train_single_neuron((math.inf, 0.0), 0.1, 5, "mse")
    with pytest.raises(ValueError, match="loss must be one of"):
        viz.train_single_neuron((1.0, 1.0), 0.1, 5, "hinge")
    with pytest.raises(ValueError, match="learning_rate"):
        viz.train_single_neuron((1.0, 1.0), -0.1, 5, "mse")


def test_the_slowdown_is_reproduced_from_both_starts():
    confident = {loss: viz.epochs_to_halve(viz.train_single_neuron((2.0, 2.0), 0.15, 400, loss).costs)
                 for loss in viz.LOSSES}
    mild = {loss: viz.epochs_to_halve(viz.train_single_neuron((0.6, 0.9), 0.15, 400, loss).costs)
            for loss in viz.LOSSES}
    assert confident["mse"] > 15 * confident["cross_entropy"]
    assert mild["mse"] < 8 * mild["cross_entropy"] and mild["mse"] <= 40


@pytest.fixture(scope="module")
def explorer():
    return viz.SlowdownExplorer(max_epochs=400)


def _slowdown_snapshot(explorer):
    lines = explorer._lines
    return {loss: (_line_data(lines[loss]["out"])[1].copy(), _line_data(lines[loss]["cost"])[1].copy())
            for loss in viz.LOSSES}


@pytest.mark.parametrize("start", list(viz.START_POINTS.values()))
@pytest.mark.parametrize("learning_rate", [LR_MIN, 0.15, LR_MAX])
@pytest.mark.parametrize("iterations", [1, 400])
def test_slowdown_draw_is_finite_over_the_slider_ranges(explorer, start, learning_rate, iterations):
    fig = explorer.draw(learning_rate=learning_rate, iterations=iterations, start=start)
    assert fig is explorer.fig
    for loss in viz.LOSSES:
        for key in ("out", "cost"):
            x, y = _line_data(explorer._lines[loss][key])
            assert len(x) == iterations + 1 and np.isfinite(y).all()
        _, outputs = _line_data(explorer._lines[loss]["out"])
        assert ((outputs > 0) & (outputs < 1)).all()
    assert "epochs to halve" in explorer._text.get_text()


def test_slowdown_draw_changes_with_each_control(explorer):
    explorer.draw(0.15, 300, (2.0, 2.0))
    base = _slowdown_snapshot(explorer)
    base_text = explorer._text.get_text()
    for kwargs in ({"learning_rate": 0.5, "iterations": 300, "start": (2.0, 2.0)},
                   {"learning_rate": 0.15, "iterations": 300, "start": (0.6, 0.9)}):
        explorer.draw(**kwargs)
        changed = _slowdown_snapshot(explorer)
        assert not np.allclose(changed["mse"][0], base["mse"][0])
        assert explorer._text.get_text() != base_text
    explorer.draw(0.15, 100, (2.0, 2.0))
    assert len(_line_data(explorer._lines["mse"]["cost"])[0]) == 101


def test_slowdown_text_reports_the_counted_epochs(explorer):
    explorer.draw(0.15, 300, (2.0, 2.0))
    expected = {loss: viz.epochs_to_halve(viz.train_single_neuron((2.0, 2.0), 0.15, 300, loss).costs)
                for loss in viz.LOSSES}
    counts = f"CE {expected['cross_entropy']}, MSE {expected['mse']}"
    assert explorer._text.get_text() == f"epochs to halve the cost: {counts}"
    ratio = expected["mse"] / expected["cross_entropy"]
    assert explorer._suptitle.get_text().endswith(f"needs {ratio:.0f} times as many epochs: the slowdown")
    explorer.draw(0.15, 100, (2.0, 2.0))  # MSE has not halved within 100 epochs
    assert explorer._text.get_text().endswith("MSE > 100")
    assert "not even halved" in explorer._suptitle.get_text()
    explorer.draw(0.15, 300, (0.6, 0.9))  # a mild mistake: both learn
    assert "no real slowdown" in explorer._suptitle.get_text()
    # the axes span every epoch the slider offers, whatever it shows: a live panel keeps one background
    assert [ax.get_xlim() for ax in explorer.fig.axes] == [(0.0, 400.0), (0.0, 400.0)]


def test_slowdown_never_retrains_when_only_the_epochs_change(monkeypatch):
    calls = []
    real = viz.train_single_neuron

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(viz, "train_single_neuron", counting)
    viz._neuron_runs.cache_clear()
    fresh = viz.SlowdownExplorer(max_epochs=50)
    for n in (1, 10, 50):
        fresh.draw(0.15, n, (2.0, 2.0))
    assert len(calls) == 2  # one run per cost
    viz.SlowdownExplorer(max_epochs=50).draw(0.15, 50, (2.0, 2.0))
    assert len(calls) == 2  # a second figure reuses the cached runs
    fresh.draw(0.3, 50, (2.0, 2.0))
    fresh.draw(0.3, 50, (0.6, 0.9))
    assert len(calls) == 6


def test_slowdown_bad_input(explorer):
    with pytest.raises(ValueError, match="at most max_epochs"):
        explorer.draw(0.15, 401, (2.0, 2.0))
    with pytest.raises(ValueError, match="iterations must be a positive integer"):
        explorer.draw(0.15, 0, (2.0, 2.0))
    with pytest.raises(ValueError, match="learning_rate"):
        explorer.draw(0.0, 10, (2.0, 2.0))
    with pytest.raises(ValueError, match="start must be a pair"):
        explorer.draw(0.15, 10, "far away")
    with pytest.raises(ValueError, match="max_epochs"):
        viz.SlowdownExplorer(max_epochs=0)


def test_slowdown_live_panel_redraws_on_every_control():
    fresh = viz.SlowdownExplorer(max_epochs=400)
    controls = {
        "learning_rate": learning_rate_slider(0.15, min_exponent=math.log10(0.15) - 1,
                                              max_exponent=math.log10(0.15) + 1.5),
        "iterations": iterations_slider(300, maximum=400, description="epochs"),
        "start": widgets.ToggleButtons(options=list(viz.START_POINTS.items()), value=(2.0, 2.0)),
    }
    panel = LivePanel(fresh.fig, fresh.draw, controls)
    assert panel.calls == 1
    before = _line_data(fresh._lines["mse"]["out"])[1].copy()
    controls["learning_rate"].value = controls["learning_rate"].value * 10 ** 0.5
    assert panel.calls == 2
    after_rate = _line_data(fresh._lines["mse"]["out"])[1].copy()
    assert not np.allclose(before, after_rate)
    controls["iterations"].value = 50
    assert panel.calls == 3 and len(_line_data(fresh._lines["mse"]["out"])[0]) == 51
    controls["start"].value = (0.6, 0.9)
    assert panel.calls == 4
    assert _line_data(fresh._lines["mse"]["out"])[1][0] == pytest.approx(float(sigmoid(1.5)))


# ---------------------------------------------------------------------------------------
# the exam-score race
# ---------------------------------------------------------------------------------------
def test_accuracy_per_iteration_matches_predict(exam):
    X, y = exam
    run = optim.fit_logistic_gd(X, y, 1.0, 5, theta0=[0.0, -3.0, -3.0])
    acc = viz.accuracy_per_iteration(run.path, X, y)
    expected = [np.mean(logistic.predict(theta, X) == y) for theta in run.path]
    assert np.allclose(acc, expected)
    with pytest.raises(ValueError, match="columns to match X"):
        viz.accuracy_per_iteration(run.path[:, :2], X, y)


@pytest.fixture(scope="module")
def race(exam):
    X, y = exam
    return viz.ExamScoresRace(X, y, [0.0, -3.0, -3.0], target_accuracy=0.85, max_iterations=400)


@pytest.mark.parametrize("learning_rate", [0.01, 1.0, 10.0])
@pytest.mark.parametrize("iterations", [1, 200, 400])
def test_race_draw_is_finite_over_the_slider_ranges(race, learning_rate, iterations):
    fig = race.draw(learning_rate=learning_rate, iterations=iterations)
    for loss in viz.LOSSES:
        for key in ("acc", "cost"):
            x, y = _line_data(race._lines[loss][key])
            assert len(x) == iterations + 1 and np.isfinite(y).all()
        _, acc = _line_data(race._lines[loss]["acc"])
        assert ((acc >= 0) & (acc <= 100)).all()
    assert fig is race.fig


def test_cross_entropy_wins_the_race(race):
    for rate in (0.5, 1.0, 2.0):
        reached = race.iterations_to_target(rate)
        assert reached["cross_entropy"] is not None and reached["mse"] is not None
        assert reached["mse"] > 10 * reached["cross_entropy"]
    race.draw(1.0, 400)
    assert "cross-entropy recovers" in race._suptitle.get_text()


def test_race_draw_changes_with_each_slider(race):
    race.draw(1.0, 200)
    acc_before = _line_data(race._lines["mse"]["acc"])[1].copy()
    race.draw(2.0, 200)
    assert not np.allclose(_line_data(race._lines["mse"]["acc"])[1], acc_before)
    race.draw(2.0, 20)
    assert len(_line_data(race._lines["mse"]["acc"])[0]) == 21


def test_race_live_panel_redraws(exam):
    X, y = exam
    fresh = viz.ExamScoresRace(X, y, [0.0, -3.0, -3.0], max_iterations=100)
    rate = learning_rate_slider(1.0, min_exponent=-2, max_exponent=1)
    steps = iterations_slider(50, maximum=100)
    panel = LivePanel(fresh.fig, fresh.draw, {"learning_rate": rate, "iterations": steps})
    before = _line_data(fresh._lines["cross_entropy"]["cost"])[1].copy()
    rate.value = 0.1
    assert panel.calls == 2
    assert not np.allclose(_line_data(fresh._lines["cross_entropy"]["cost"])[1], before)
    steps.value = 100
    assert panel.calls == 3 and len(_line_data(fresh._lines["cross_entropy"]["cost"])[0]) == 101


def test_race_bad_input(exam, race):
    X, y = exam
    with pytest.raises(ValueError, match="theta0 must have shape"):
        viz.ExamScoresRace(X, y, [0.0, 1.0])
    with pytest.raises(ValueError, match="target_accuracy"):
        viz.ExamScoresRace(X, y, [0.0, 1.0, 1.0], target_accuracy=1.5)
    with pytest.raises(ValueError, match="binary labels"):
        viz.ExamScoresRace(X, y + 1, [0.0, 1.0, 1.0])
    with pytest.raises(ValueError, match="at most max_iterations"):
        race.draw(1.0, 401)
    with pytest.raises(ValueError, match="learning_rate"):
        race.draw(-1.0, 10)


# ---------------------------------------------------------------------------------------
# the live panels as the notebook builds them: they blit (repaint only what moves)
# ---------------------------------------------------------------------------------------
def _slowdown_live_panel() -> LivePanel:
    """The slowdown panel exactly as ``notebooks/03_cross_entropy_vs_mse.ipynb`` builds it."""
    slowdown = viz.SlowdownExplorer(max_epochs=400)
    return LivePanel(
        slowdown.fig,
        slowdown.draw,
        {
            "learning_rate": learning_rate_slider(0.15, min_exponent=math.log10(0.15) - 1,
                                                  max_exponent=math.log10(0.15) + 1.5),
            "iterations": iterations_slider(300, maximum=400, description="epochs"),
            "start": widgets.ToggleButtons(options=list(viz.START_POINTS.items()), value=(2.0, 2.0),
                                           description="start"),
        },
        dynamic=slowdown.dynamic_artists,
    )


def _race_live_panel(X, y) -> LivePanel:
    """The exam-score race panel exactly as the notebook builds it."""
    exam_race = viz.ExamScoresRace(X, y, np.array([0.0, -3.0, -3.0]), max_iterations=400)
    return LivePanel(
        exam_race.fig,
        exam_race.draw,
        {"learning_rate": learning_rate_slider(1.0, min_exponent=-2, max_exponent=1),
         "iterations": iterations_slider(200, maximum=400)},
        dynamic=exam_race.dynamic_artists,
    )


# The exact check takes every setting below (each slider at both ends, every corner, markers
# appearing and disappearing); the pixel comparison, at about 0.2 s a setting for a full
# redraw and two decodings, takes the first three: both ends of every slider, both starts,
# markers shown and hidden, curves crossing the static label and the text box. The learning
# rates are those the tests above train already (the runs are cached).
MILD, CONFIDENT = viz.START_POINTS.values()
SLOWDOWN_SETTINGS = [
    {"start": MILD, "learning_rate": LR_MIN, "iterations": 400},  # both halve, crossing the label
    {"start": MILD, "learning_rate": LR_MAX, "iterations": 1},
    {"start": CONFIDENT, "learning_rate": LR_MIN, "iterations": 1},
    {"start": CONFIDENT, "learning_rate": LR_MAX, "iterations": 400},
    {"start": MILD, "learning_rate": LR_MIN, "iterations": 1},
    {"start": MILD, "learning_rate": LR_MAX, "iterations": 400},
    {"start": CONFIDENT, "learning_rate": LR_MIN, "iterations": 400},
    {"start": CONFIDENT, "learning_rate": LR_MAX, "iterations": 1},
    {"start": CONFIDENT, "learning_rate": 0.15, "iterations": 211},  # squared error not halved yet
    {"start": CONFIDENT, "learning_rate": 0.15, "iterations": 212},  # ... and halved
    {"start": MILD, "learning_rate": 0.15, "iterations": 5},
    {"start": MILD, "learning_rate": 0.15, "iterations": 6},
    {"start": MILD, "learning_rate": 0.15, "iterations": 300},
    {"start": CONFIDENT, "learning_rate": 0.15, "iterations": 8},
]
RACE_SETTINGS = [
    {"learning_rate": 0.01, "iterations": 400},
    {"learning_rate": 10.0, "iterations": 1},  # cross-entropy at 85 % at once
    {"learning_rate": 1.0, "iterations": 166},  # both at 85 %, the curves crossing the text box
    {"learning_rate": 0.01, "iterations": 1},
    {"learning_rate": 10.0, "iterations": 400},
    {"learning_rate": 1.0, "iterations": 7},  # cross-entropy one short of 85 %
    {"learning_rate": 1.0, "iterations": 8},  # ... and there
    {"learning_rate": 1.0, "iterations": 165},  # squared error one short
    {"learning_rate": 1.0, "iterations": 400},
    {"learning_rate": 10.0, "iterations": 18},
    {"learning_rate": 10.0, "iterations": 19},
    {"learning_rate": 0.01, "iterations": 200},
]


def _background_draws_after(panel: LivePanel, moves: list[dict]) -> int:
    panel.render()
    before = panel.background_draws
    for move in moves:
        for name, value in move.items():
            panel.controls[name].value = value
        panel.render()
    return panel.background_draws - before


def _title_is_clear_of_the_axes(panel: LivePanel) -> bool:
    # The background is drawn with the dynamic artists hidden, the figure title among them;
    # the layout, fixed by the panel before it drew any background, must still have left the title its room.
    renderer = panel.fig.canvas.get_renderer()
    title = panel.fig._suptitle.get_window_extent(renderer)
    return all(not title.overlaps(ax.get_tightbbox(renderer)) for ax in panel.fig.axes)


def test_slowdown_panel_blits_faithfully_over_one_background_per_start():
    panel = _slowdown_live_panel()
    assert_dynamic_covers_changes(panel, SLOWDOWN_SETTINGS)
    assert_blitting_is_faithful(panel, SLOWDOWN_SETTINGS[:3])
    assert _title_is_clear_of_the_axes(panel)
    # the axes never move and only the axes titles follow the start: over the renders above
    # (every control at both ends), one background per start
    assert panel.background_draws == len(viz.START_POINTS)
    assert _background_draws_after(panel, [{"iterations": n} for n in (212, 400)]) == 0


def test_race_panel_blits_faithfully_over_one_background(exam):
    panel = _race_live_panel(*exam)
    assert_dynamic_covers_changes(panel, RACE_SETTINGS)
    assert_blitting_is_faithful(panel, RACE_SETTINGS[:3])
    assert _title_is_clear_of_the_axes(panel)
    assert panel.background_draws == 1  # neither slider moves the axes or a static text
    assert _background_draws_after(panel, [{"iterations": n} for n in (1, 400)]) == 0
