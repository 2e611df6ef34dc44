"""Tests of helpers/figures/ce_vs_mse/: the static figures and the two panels.

The formulas they draw are tested in tests/test_squared_error.py (and the squared error's
Hessian, the accuracy along a path in tests/test_logistic.py).
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from blit import assert_blitting_is_faithful, assert_dynamic_covers_changes
from matplotlib.figure import Figure

from helpers import data, squared_error
from helpers.figures import ce_vs_mse as viz
from helpers.figures.ce_vs_mse import slowdown
from helpers.figures.live import LivePanel, learning_rates
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


@pytest.mark.parametrize(
    ("call", "message"),
    [
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
# static figures
# ---------------------------------------------------------------------------------------
def test_static_figures_plot_the_formulas():
    fig = viz.plot_score_view(np.linspace(-5, 5, 11), y=0)
    _, ax_grad = fig.axes
    ce_line, mse_line = ax_grad.get_lines()[:2]
    assert np.allclose(_line_data(ce_line)[1], squared_error.ce_grad_z(np.linspace(-5, 5, 11), 0))
    assert np.allclose(_line_data(mse_line)[1], squared_error.mse_grad_z(np.linspace(-5, 5, 11), 0))
    fig = viz.plot_probability_view(y=1)
    h, slope = _line_data(fig.axes[1].get_lines()[1])
    assert np.allclose(slope, h * (1 - h) ** 2, atol=1e-15)


def test_static_figures_render_to_png():
    x, y = data.make_toy_data(np.random.default_rng(3))
    w = np.linspace(-8, 8, 21)
    ce, mse = squared_error.cost_surfaces(x, y, w, w)
    lam = squared_error.min_eigenvalue_grid(x, y, w, w, "mse")
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
@pytest.fixture(scope="module")
def explorer():
    return viz.SlowdownExplorer(max_epochs=400)


def _slowdown_snapshot(explorer):
    lines = explorer._lines
    return {loss: (_line_data(lines[loss]["out"])[1].copy(), _line_data(lines[loss]["cost"])[1].copy())
            for loss in squared_error.LOSSES}


@pytest.mark.parametrize("start", list(viz.START_POINTS.values()))
@pytest.mark.parametrize("learning_rate", [LR_MIN, 0.15, LR_MAX])
@pytest.mark.parametrize("iterations", [1, 400])
def test_slowdown_draw_is_finite_over_the_slider_ranges(explorer, start, learning_rate, iterations):
    fig = explorer.draw(learning_rate=learning_rate, iterations=iterations, start=start)
    assert fig is explorer.fig
    for loss in squared_error.LOSSES:
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
    halve, train = squared_error.epochs_to_halve, squared_error.train_single_neuron
    expected = {loss: halve(train((2.0, 2.0), 0.15, 300, loss).costs) for loss in squared_error.LOSSES}
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
    real = squared_error.neuron_descent

    def counting(start, rates, n_epochs, loss):
        calls.append((start, len(rates), loss))
        return real(start, rates, n_epochs, loss)

    monkeypatch.setattr(squared_error, "neuron_descent", counting)
    slowdown._neuron_runs.cache_clear()
    fresh = viz.SlowdownExplorer(max_epochs=50)
    for n in (1, 10, 50):
        fresh.draw(0.15, n, (2.0, 2.0))
    assert len(calls) == 2  # one run per cost (0.15 is not a slider position: trained on its own)
    viz.SlowdownExplorer(max_epochs=50).draw(0.15, 50, (2.0, 2.0))
    assert len(calls) == 2  # a second figure reuses the cached runs
    rates = learning_rates(*slowdown.RATE_EXPONENTS)
    for rate in rates[:3]:  # the slider's rates: trained together, once per cost
        fresh.draw(float(rate), 50, (2.0, 2.0))
    assert len(calls) == 4 and calls[-1][1] == len(rates)
    fresh.draw(float(rates[0]), 50, (0.6, 0.9))
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
    panel = fresh.live()
    controls = panel.controls
    assert panel.calls == 1
    assert controls["learning_rate"].value == 0.15 and controls["iterations"].value == 300
    assert controls["start"].value == (2.0, 2.0) and controls["iterations"].description == "epochs"
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


def test_slowdown_trains_the_slider_rates_as_the_textbook_loop_does():
    # the slider's rates are trained together (optim.Descent): the same halving epochs as one run each
    fresh = viz.SlowdownExplorer(max_epochs=400)
    for rate in learning_rates(*slowdown.RATE_EXPONENTS)[::2]:
        for start in viz.START_POINTS.values():
            runs = fresh.trajectories(start, float(rate))
            for loss in squared_error.LOSSES:
                alone = squared_error.train_single_neuron(start, float(rate), 400, loss)
                assert runs[loss].diverged_at == alone.diverged_at and runs[loss].n_iter == alone.n_iter
                assert np.allclose(runs[loss].path, alone.path, rtol=1e-12, atol=1e-15)
                assert squared_error.epochs_to_halve(runs[loss].costs) == squared_error.epochs_to_halve(alone.costs)


# ---------------------------------------------------------------------------------------
# the exam-score race
# ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def race(exam):
    X, y = exam
    return viz.ExamScoresRace(X, y, [0.0, -3.0, -3.0], target_accuracy=0.85, max_iterations=400)


@pytest.mark.parametrize("learning_rate", [0.01, 1.0, 10.0])
@pytest.mark.parametrize("iterations", [1, 200, 400])
def test_race_draw_is_finite_over_the_slider_ranges(race, learning_rate, iterations):
    fig = race.draw(learning_rate=learning_rate, iterations=iterations)
    for loss in squared_error.LOSSES:
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
    panel = fresh.live()
    rate, steps = panel.controls["learning_rate"], panel.controls["iterations"]
    assert rate.value == 1.0 and steps.value == 100 and steps.max == 100  # 200 iterations do not fit in 100
    steps.value = 50
    before = _line_data(fresh._lines["cross_entropy"]["cost"])[1].copy()
    rate.value = 0.1
    assert panel.calls == 3
    assert not np.allclose(_line_data(fresh._lines["cross_entropy"]["cost"])[1], before)
    steps.value = 100
    assert panel.calls == 4 and len(_line_data(fresh._lines["cross_entropy"]["cost"])[0]) == 101


def test_race_trains_the_slider_rates_as_the_textbook_loop_does(exam):
    from helpers import logistic, optim

    X, y = exam
    fresh = viz.ExamScoresRace(X, y, [0.0, -3.0, -3.0], max_iterations=400)
    for rate in [*learning_rates(*fresh.rate_exponents)[::3], 0.5, 2.0]:
        for loss, (run, accuracy) in fresh.runs(float(rate)).items():
            alone = optim.fit_logistic_gd(X, y, float(rate), 400, theta0=[0.0, -3.0, -3.0], loss=loss)
            assert run.diverged_at == alone.diverged_at and run.n_iter == alone.n_iter
            assert np.allclose(run.path, alone.path, rtol=1e-10, atol=1e-12)
            assert np.array_equal(accuracy, logistic.accuracy_path(alone.path, X, y))


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
    """The slowdown panel exactly as ``notebooks/06_cross_entropy_vs_mse.ipynb`` builds it."""
    return viz.SlowdownExplorer(max_epochs=400).live()


def _race_live_panel(X, y) -> LivePanel:
    """The exam-score race panel exactly as the notebook builds it."""
    return viz.ExamScoresRace(X, y, np.array([0.0, -3.0, -3.0]), max_iterations=400).live()


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
    title = panel.draw.__self__._suptitle.get_window_extent(renderer)
    return all(not title.overlaps(ax.get_tightbbox(renderer)) for ax in panel.fig.axes)


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
def test_slowdown_panel_blits_faithfully_over_one_background_per_start():
    panel = _slowdown_live_panel()
    assert_dynamic_covers_changes(panel, SLOWDOWN_SETTINGS)
    assert_blitting_is_faithful(panel, SLOWDOWN_SETTINGS[:3])
    assert _title_is_clear_of_the_axes(panel)
    # the axes never move and only the axes titles follow the start: over the renders above
    # (every control at both ends), one background per start
    assert panel.background_draws == len(viz.START_POINTS)
    assert _background_draws_after(panel, [{"iterations": n} for n in (212, 400)]) == 0


@pytest.mark.slow  # renders many frames; the fast lane leaves it to the full run
def test_race_panel_blits_faithfully_over_one_background(exam):
    panel = _race_live_panel(*exam)
    assert_dynamic_covers_changes(panel, RACE_SETTINGS)
    assert_blitting_is_faithful(panel, RACE_SETTINGS[:3])
    assert _title_is_clear_of_the_axes(panel)
    assert panel.background_draws == 1  # neither slider moves the axes or a static text
    assert _background_draws_after(panel, [{"iterations": n} for n in (1, 400)]) == 0


def test_required_cost_figure_integrates_to_the_cross_entropy():
    fig = viz.plot_required_cost()
    ax_slope, ax_cost = fig.axes
    assert len(ax_slope.lines) == 3  # y = 1, y = 0 and the zero line
    lines = ax_cost.lines  # per target: the cross-entropy line, then the integrated markers
    for curve, dots in ((lines[0], lines[1]), (lines[2], lines[3])):
        a = np.asarray(curve.get_xdata())
        np.testing.assert_allclose(np.interp(dots.get_xdata(), a, curve.get_ydata()), dots.get_ydata(), atol=1e-3)
    fig.draw_without_rendering()
