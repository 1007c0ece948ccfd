"""The game window: pygame-ce scenes over the headless engine.

Nothing here decides what is legal or what happens; the engine does (``engine.legality``,
``engine.apply``). This package draws the state, turns clicks into orders and words.
"""
