"""Technology transfers: what a patron state may hand a client, and for what fee.

Rows live in ``data/transfers.csv`` (sources in ``data/PROVENANCE.md``): a program the
patron has completed (its design, tooling and know-how: the client holds the capability
without developing it) or a vehicle of the patron's fleet (the client may buy its launches
at the catalog price), with the fee the client pays once for it. ``sim.transfers`` decides
when a patron hands them over.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["TRANSFER_KINDS", "TransferSpec", "load_transfers", "parse_transfers"]

TRANSFER_KINDS = ("program", "vehicle")
"""What a row hands over: a completed program's capability, or a vehicle's launches."""


@dataclass(frozen=True)
class TransferSpec:
    """One item a patron may hand a client.

    Attributes:
        item: A program key (``programs.csv``) or a vehicle key (``vehicles.csv``).
        kind: ``"program"`` or ``"vehicle"``.
        fee_musd: What the client pays once for it, million USD of ``fee_year``.
        fee_year: Dollar year of ``fee_musd``.
        invented: True if the fee is ours, not a record's.
        source: Why the row and its fee (short; details in PROVENANCE.md).
    """

    item: str
    kind: str
    fee_musd: float
    fee_year: int
    invented: bool
    source: str


def parse_transfers(lines: Iterable[str]) -> tuple[TransferSpec, ...]:
    """Parse ``transfers.csv`` lines into rows, in file order.

    Example:
        >>> rows = ["item,kind,fee_musd,fee_year,invented,source", "l3,program,60,1990,true,x"]
        >>> parse_transfers(rows)[0].fee_musd
        60.0
    """
    out = []
    for i, row in enumerate(csv.DictReader(lines)):
        if row["kind"] not in TRANSFER_KINDS:
            raise ValueError(
                f"transfers.csv row {i + 1}: kind: expected one of {TRANSFER_KINDS}, "
                f"got {row['kind']!r}"
            )
        out.append(
            TransferSpec(
                item=row["item"],
                kind=row["kind"],
                fee_musd=float(row["fee_musd"]),
                fee_year=int(row["fee_year"]),
                invented=row["invented"].strip().lower() == "true",
                source=row["source"],
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def load_transfers() -> tuple[TransferSpec, ...]:
    """Return the packaged transfer rows, in file order.

    Example:
        >>> [t.item for t in load_transfers()][:2]
        ['l3', 'nuclear_propulsion']
    """
    path = resources.files("spacerace.catalog.data").joinpath("transfers.csv")
    with path.open(encoding="utf-8") as f:
        return parse_transfers(f)
