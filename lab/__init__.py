"""The what-if lab: many seeded all-AI campaigns of a scenario (with or without what-if
overlays), stored in SQLite, and the statistics, charts and reports that compare them.

Headless: nothing here imports pygame, so batches run in worker processes and on dask
clusters; the game's lab screen drives the same :mod:`lab.batch` from a background thread.
"""
