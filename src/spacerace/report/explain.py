"""Every number one step from its causes: an event's recorded breakdown as text or HTML.

An event that gives a number (a budget, a launch's odds, a base's tension) carries a
:class:`~spacerace.world.event.Breakdown`: the base, then each modifier, whose sum is the
number. ``format_breakdown`` writes it as lines (the terminal, ``spacerace explain``),
``breakdown_details`` as an HTML ``<details>`` element (``chronicle.html``). Event ids are
1-based positions in the log, the line numbers of ``events.jsonl``.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from spacerace.world.event import Breakdown, Event

__all__ = ["breakdown_details", "event_ids", "format_amount", "format_breakdown", "last_budgets"]


def format_amount(b: Breakdown, amount: float, signed: bool = False) -> str:
    """An amount in the breakdown's unit: millions with a thousands comma, else 3 decimals.

    Example:
        >>> b = Breakdown("budget_musd", "a budget, M$", ())
        >>> format_amount(b, 1234.56), format_amount(b, -20.0, signed=True)
        ('1,234.6', '−20.0')
    """
    tenths = b.of.endswith("_musd") or b.of == "prestige"  # money and points: a tenth
    text = f"{abs(amount):,.1f}" if tenths else f"{abs(amount):.3f}"
    sign = "−" if amount < 0 else ("+" if signed else "")
    return sign + text


def format_breakdown(b: Breakdown) -> list[str]:
    """The breakdown as aligned lines: its base, each modifier signed, then ``= total``.

    Example:
        >>> b = Breakdown.from_stages("budget_musd", "NASA's budget for FY1970, M$",
        ...     ("1969 budget at full support", 4000.0), [("support 0.90", 3600.0)])
        >>> for line in format_breakdown(b):
        ...     print(line)
        NASA's budget for FY1970, M$
          1969 budget at full support  4,000.0
          support 0.90                  −400.0
          = total                      3,600.0
    """
    rows = [(b.terms[0][0], format_amount(b, b.terms[0][1]))] if b.terms else []
    rows += [(label, format_amount(b, x, signed=True)) for label, x in b.terms[1:]]
    rows.append(("= total", format_amount(b, b.total)))
    width = max(len(label) for label, _ in rows)
    numbers = max(len(n) for _, n in rows)
    lines = [b.label]
    for label, number in rows:
        lines.append(f"  {label:<{width}}  {number:>{numbers}}")
    return lines


def breakdown_details(b: Breakdown, summary: str = "") -> str:
    """A ``<details>`` element: the number in its summary, the terms in a table inside.

    Example:
        >>> b = Breakdown("odds", "Saturn V's launch odds", (("real record", 0.9),))
        >>> breakdown_details(b).startswith('<details class="why"><summary>')
        True
    """
    head = escape(summary or f"{b.label}: {format_amount(b, b.total)}")
    rows = []
    for i, (label, x) in enumerate(b.terms):
        kind = "base" if i == 0 else "modifier"
        amount = format_amount(b, x, signed=i > 0)
        rows.append(
            f'<tr class="{kind}"><td>{escape(label)}</td><td class="num">{amount}</td></tr>'
        )
    rows.append(
        f'<tr class="total"><td>= total</td><td class="num">{format_amount(b, b.total)}</td></tr>'
    )
    return (
        f'<details class="why"><summary>{head}</summary><table>'
        + "".join(rows)
        + "</table></details>"
    )


def event_ids(events: Sequence[Event]) -> dict[int, int]:
    """``id(event)`` -> its event id (1-based position in the log)."""
    return {id(e): i for i, e in enumerate(events, start=1)}


def last_budgets(events: Sequence[Event], kind: str = "budget") -> dict[str, Event]:
    """Each agency's last event of ``kind`` with a breakdown among ``events``, by key."""
    out: dict[str, Event] = {}
    for e in events:
        if e.kind == kind and e.breakdown is not None and e.agency:
            out[e.agency] = e
    return out
