"""Play one agency against the engine: turns, questions explained, news, saves.

``Game`` is the library a terminal loop (``spacerace play``) and a web handler both drive;
see ``docs/play.md``.
"""

from spacerace.play.answers import parse_answer
from spacerace.play.explain import Choice
from spacerace.play.news import NewsItem
from spacerace.play.session import Game, Turn
from spacerace.play.status import Budget, Rival

__all__ = ["Budget", "Choice", "Game", "NewsItem", "Rival", "Turn", "parse_answer"]
