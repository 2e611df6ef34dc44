"""The course's figures: plots and live panels, built on the maths in :mod:`helpers`.

This subpackage imports the maths; the maths never imports it (a contract in the test
command checks it). ``style`` holds the look shared by every figure, ``live`` the engine
that redraws a figure in place as a slider moves, and ``nbNN_*`` the figures of notebook NN.
Nothing here changes global state on import. Introduced in ``notebooks/00_start_here.ipynb``.
"""
