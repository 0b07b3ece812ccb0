"""The inner politics of a planned-economy program: the Politburo, the KGB, the Chief Designer.

One :class:`Apparatus` per agency whose profile is ``planned`` (``Agency.apparatus``), the
state ``sim.soviet_politics`` changes: who is Chief Designer and how he stands, how closely
the KGB watches the program's people and how they bear it, and what the Politburo refused
and until when. Plain data, as everything in ``world``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Apparatus"]


@dataclass
class Apparatus:
    """The Politburo's, the KGB's and the Chief Designer's hold on one program.

    Attributes:
        chief_designer: Name of the Chief Designer (a ``Person`` of the agency), "" if none.
        designer_since_year: Year he took the post.
        designer_standing: His standing with the leadership, 0 (disgraced) .. 1.
        designers: Names of everyone who has held the post in the run, in order.
        surveillance: How closely the KGB watches cosmonauts and engineers, 0 .. 1.
        morale: Morale of the program's cosmonauts and engineers, 0 .. 1.
        refused_until: Goal or program key -> the day the Politburo will hear it again.
        verdicts: Outcome (``approved``, ``delayed``, ``refused``) -> how many so far.
        defections: People who defected to the rival so far.
        purged: People dismissed in purges so far (the Chief Designer included).
    """

    chief_designer: str = ""
    designer_since_year: int = 0
    designer_standing: float = 0.5
    designers: list[str] = field(default_factory=list)
    surveillance: float = 0.0
    morale: float = 0.7
    refused_until: dict[str, float] = field(default_factory=dict)
    verdicts: dict[str, int] = field(default_factory=dict)
    defections: int = 0
    purged: int = 0

    def refuses(self, key: str, day: float) -> bool:
        """True while the Politburo will not hear ``key`` (a goal or program) again.

        Example:
            >>> a = Apparatus(refused_until={"lunar_base": 400.0})
            >>> a.refuses("lunar_base", 100.0), a.refuses("lunar_base", 400.0), a.refuses("", 0.0)
            (True, False, False)
        """
        return bool(key) and day < self.refused_until.get(key, float("-inf"))
