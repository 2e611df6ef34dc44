"""Reference solutions of the notebooks' exercises, one module per topic (``sigmoid`` ...).

Try each exercise yourself first: the notebook's self-check tells you which mistake is
likely. The tests import these modules to prove that every self-check accepts them.
"""
