"""The reliability tests' fixtures: the bad-file corpus and the zip bomb (see runner.py)."""
from tests.reliability.runner import corpus, zip_bomb  # noqa: F401  (fixtures)
