"""Lecture mode's settings and notebook choice (``tools/lecture.py``); the browser test shows it live."""

from __future__ import annotations

import json

import pytest

from tools.lecture import DEFAULT_NOTEBOOK, lecture_settings, notebook_path, write_settings


def test_settings_enlarge_every_font_in_proportion():
    overrides = lecture_settings(24)["@jupyterlab/apputils-extension:themes"]["overrides"]
    assert overrides == {"content-font-size1": "24px", "code-font-size": "20px", "ui-font-size1": "18px"}
    assert lecture_settings(30)["@jupyterlab/apputils-extension:themes"]["overrides"]["code-font-size"] == "25px"


@pytest.mark.parametrize("size", [11, 49, 20.5, "24"])
def test_settings_reject_unreadable_or_odd_sizes(size):
    with pytest.raises(ValueError, match=rf"font_size must be a whole number of pixels from 12 to 48; got {size!r}"):
        lecture_settings(size)


def test_settings_are_written_where_jupyterlab_reads_them(tmp_path):
    folder = write_settings(tmp_path, lecture_settings())
    themes = folder / "@jupyterlab" / "apputils-extension" / "themes.jupyterlab-settings"
    assert json.loads(themes.read_text())["overrides"]["content-font-size1"] == "24px"
    news = folder / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    assert json.loads(news.read_text())["fetchNews"] == "false"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, DEFAULT_NOTEBOOK),
        ("6", "notebooks/06_cross_entropy_vs_mse.ipynb"),
        ("08", "notebooks/08_softmax.ipynb"),
        ("notebooks/01_sigmoid.ipynb", "notebooks/01_sigmoid.ipynb"),
        ("03_likelihood_cross_entropy.ipynb", "notebooks/03_likelihood_cross_entropy.ipynb"),
    ],
)
def test_a_notebook_is_chosen_by_number_or_path(given, expected):
    assert notebook_path(given) == expected


@pytest.mark.parametrize("given", ["99", "README.md", "notebooks/nothing.ipynb"])
def test_an_unknown_notebook_names_the_choices(given):
    with pytest.raises(ValueError, match=r"no notebook called .*give a number \(0-\d+\) or one of: 00_start_here"):
        notebook_path(given)
