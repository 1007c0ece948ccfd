"""The default AI controller under the name the rest of the project imports.

``BaselineAI`` was the first, greedy AI. Since issue 6 the one AI is :class:`AIPlayer`
(:mod:`engine.ai.player`): personalities, plans, levels and look-ahead (docs/ai.md). The name
stays so that the CLI, the game window, the what-if lab and the tests keep one import.
"""

from __future__ import annotations

from engine.ai.player import AIPlayer

BaselineAI = AIPlayer

__all__ = ["AIPlayer", "BaselineAI"]
