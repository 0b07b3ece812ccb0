"""A private company's books and ownership: plain data the engine's ``sim.company`` changes.

A company (an agency whose profile's funding is ``"private"``) lives on capital: each
fiscal year its revenue streams come in, its costs go out, and what its owners let it
spend of the rest is its budget. Capital below zero for long ends in a takeover (new
owners put money in, the founder is ousted) or in bankruptcy (the company is gone).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Company", "CompanyYear", "REVENUE_STREAMS"]

REVENUE_STREAMS = ("business", "helium3", "contracts", "launches", "hotel", "investors")
"""Where a company's money comes from (:class:`CompanyYear` fields of the same names):
its business on Earth (the scenario's ``revenue_musd``: fusion for Helios), lunar helium-3,
construction contracts at bases, launch services sold, its orbital hotel, and investors."""


@dataclass(frozen=True)
class CompanyYear:
    """One fiscal year of a company's books, million USD (then-year).

    Attributes:
        year: The fiscal year (``FY`` starting 1 October of the year before).
        capital_musd: Capital after the year's revenue and costs, before its budget.
        business: Revenue of its business on Earth.
        helium3: Lunar helium-3 sales.
        contracts: Construction contracts paid by the bases' commands.
        launches: Launch services sold.
        hotel: Guests of its orbital hotel.
        investors: New equity from investors.
        payroll: Pay of its employees at the bases.
        overhead: Its fixed costs on Earth.
        budget_musd: What it may spend this year (its owners' share of its capital).
    """

    year: int
    capital_musd: float
    business: float = 0.0
    helium3: float = 0.0
    contracts: float = 0.0
    launches: float = 0.0
    hotel: float = 0.0
    investors: float = 0.0
    payroll: float = 0.0
    overhead: float = 0.0
    budget_musd: float = 0.0

    @property
    def revenue_musd(self) -> float:
        """Money in this year, all streams."""
        return sum(getattr(self, s) for s in REVENUE_STREAMS)


@dataclass
class Company:
    """Who owns a company, how its books stand, and whether it still exists.

    Attributes:
        owner: ``"founders"``, ``"investors"`` (after a takeover by them) or the key of the
            agency that bought it.
        founder: Name of its founder (a person of the scenario), "" if none named.
        sells_launches: True while it sells launches of its own vehicles (its policy's
            ``sell_launches`` answer this fiscal year).
        years_in_debt: Fiscal years in a row it closed with capital below zero.
        bankrupt_day: Day it went bankrupt (days since the start), None while it trades.
        taken_over_day: Day of its last change of owner, None if never.
        pending_musd: Revenue earned since the books were last closed (hotel guests, launches
            sold), by stream; booked at the next close.
        books: Its fiscal years, in order.
    """

    owner: str = "founders"
    founder: str = ""
    sells_launches: bool = False
    years_in_debt: int = 0
    bankrupt_day: float | None = None
    taken_over_day: float | None = None
    pending_musd: dict[str, float] = field(default_factory=dict)
    books: list[CompanyYear] = field(default_factory=list)

    @property
    def trades(self) -> bool:
        """True until it goes bankrupt."""
        return self.bankrupt_day is None

    def earn(self, stream: str, value_musd: float) -> None:
        """Note revenue earned now, to be booked when the books close.

        Example:
            >>> c = Company()
            >>> c.earn("hotel", 40.0); c.earn("hotel", 20.0); c.pending_musd
            {'hotel': 60.0}
        """
        if stream not in REVENUE_STREAMS:
            raise ValueError(f"unknown revenue stream {stream!r}; known: {REVENUE_STREAMS}")
        self.pending_musd[stream] = self.pending_musd.get(stream, 0.0) + value_musd
