"""Mission plans from the astro layer: delta-v budgets, real Mars windows, rocket equation.

A plan answers: how much delta-v after low Earth orbit, how much mass must be put in low
Earth orbit for it (the rocket equation, stage by stage), how many launches of a given
vehicle that takes, when it can leave (Mars: a real Earth-Mars window from DE421 whose C3
sets the departure burn), and how long it lasts. The window tables are computed once per
planner (about a second) and shared by every run that uses the planner.
"""

from __future__ import annotations

import bisect
import itertools
import math
from dataclasses import replace
from functools import cached_property

from spacerace.astro.porkchop import TransferPoint
from spacerace.astro.rockets import propellant_mass_kg
from spacerace.astro.transfers import capture_dv_km_s, departure_dv_km_s, earth_moon_transfer
from spacerace.catalog.bodies import get_body
from spacerace.catalog.capture_targets import CaptureTarget, load_capture_targets
from spacerace.mining.capture import leo_mass_ratio
from spacerace.sim.calendar import Calendar
from spacerace.world.mechanics import Mechanics
from spacerace.world.mission import MissionPlan
from spacerace.world.mission_kinds import MISSION_KINDS
from spacerace.world.vehicle import VehicleSpec

__all__ = ["MissionPlanner"]

LEO_ALTITUDE_KM = 200.0
"""Parking orbit altitude, km (as in the porkchop command)."""
LLO_ALTITUDE_KM = 110.0
"""Low lunar orbit altitude, km (Apollo: about 110 km, 60 nautical miles)."""
LMO_ALTITUDE_KM = 250.0
"""Low Mars orbit altitude, km."""


class MissionPlanner:
    """Plans missions between the Earth, the Moon and Mars.

    Args:
        start_jd_tdb: Day 0 of the runs it serves, TDB Julian date.
        end_jd_tdb: Last departure it must plan, TDB Julian date.
    """

    def __init__(self, start_jd_tdb: float, end_jd_tdb: float):
        self.start_jd_tdb = float(start_jd_tdb)
        self.end_jd_tdb = float(end_jd_tdb)
        earth, moon, mars = get_body("earth"), get_body("moon"), get_body("mars")
        self._r_leo = earth.equatorial_radius_km + LEO_ALTITUDE_KM
        self._mu_earth = earth.gm_km3_s2
        self._r_lmo = mars.equatorial_radius_km + LMO_ALTITUDE_KM
        self._mu_mars = mars.gm_km3_s2
        moon_leg = earth_moon_transfer(
            self._r_leo,
            moon.equatorial_radius_km + LLO_ALTITUDE_KM,
            earth.gm_km3_s2,
            moon.gm_km3_s2,
        )
        self.tli_dv_km_s = float(moon_leg.tli_dv_km_s)
        self.loi_dv_km_s = float(moon_leg.loi_dv_km_s)
        self.lunar_tof_days = float(moon_leg.tof_s) / 86400.0
        self._calendar = Calendar(self.start_jd_tdb)
        self.memo: dict = {}
        """Plans already made, shared by the runs using this planner (``RunContext.plan``)."""
        self._mechanics: dict[Mechanics, Mechanics] = {}
        self._last_mechanics: tuple[Mechanics | None, int] = (None, 0)

    def mechanics_id(self, mech: Mechanics) -> int:
        """A small key standing for a run's mechanics in :attr:`memo`.

        Equal mechanics get the same key: the first instance seen is kept and its ``id``
        used, so a run hashes and compares its (150-field) mechanics once, not once per
        plan looked up (measured: that lookup cost more than the planning it saved).
        """
        last, key = self._last_mechanics
        if last is not mech:
            key = id(self._mechanics.setdefault(mech, mech))
            self._last_mechanics = (mech, key)
        return key

    @cached_property
    def mars_windows(self) -> list[TransferPoint]:
        """Earth-to-Mars windows (best C3 of each) departing in the planner's span."""
        return self._windows("earth", "mars")

    @cached_property
    def return_windows(self) -> list[TransferPoint]:
        """Mars-to-Earth windows departing in the planner's span plus three years."""
        return self._windows("mars", "earth", extra_days=3 * 365.25)

    def _windows(self, origin: str, target: str, extra_days: float = 0.0) -> list[TransferPoint]:
        from spacerace.planning import launch_windows

        end = min(self.end_jd_tdb + extra_days, 2469807.5 - 450.0)  # stay inside DE421
        return launch_windows(origin, target, self.start_jd_tdb, end, (120.0, 420.0))

    def next_mars_window(self, day: float) -> TransferPoint | None:
        """The first Earth-Mars window whose best departure is on or after ``day``."""
        return _first_on_or_after(self.mars_windows, self._mars_departs, self.start_jd_tdb + day)

    def return_window_after(self, jd_tdb: float) -> TransferPoint | None:
        """The first Mars-Earth window departing on or after an epoch."""
        return _first_on_or_after(self.return_windows, self._return_departs, jd_tdb)

    @cached_property
    def _mars_departs(self) -> list[float] | None:
        return _departures(self.mars_windows)

    @cached_property
    def _return_departs(self) -> list[float] | None:
        return _departures(self.return_windows)

    def plan(
        self,
        kind: str,
        vehicle: VehicleSpec,
        day: float,
        mech: Mechanics,
        nuclear: bool = False,
        destination: str = "earth-moon",
    ) -> MissionPlan | None:
        """Plan one mission of a kind with a vehicle, deciding on ``day``.

        Args:
            kind: Mission kind (``world.mission_kinds``): its row's ``planner`` names the
                builder.
            vehicle: The launch vehicle that lifts every piece.
            day: Day of the decision (days since day 0); launch follows after the lead time.
            mech: The run's mechanics (spacecraft masses, specific impulses).
            nuclear: Nuclear thermal propulsion for the interplanetary stages.
            destination: Where an asteroid capture delivers (``"mars-orbit"`` or
                ``"earth-moon"``).

        Returns:
            The plan, or None when there is no window before the planner's span ends.
        """
        depart = day + mech.missions.mission_lead_days
        build = self.builders[MISSION_KINDS[kind].planner]
        return build(vehicle, depart, mech, nuclear, destination)

    @property
    def builders(self) -> dict:
        """Builder name (a kind row's ``planner``) -> method making that kind's plan.

        Each takes ``(vehicle, depart_day, mech, nuclear, destination)`` and returns a
        ``MissionPlan`` or None (no window left in the planner's span).
        """
        return {
            "earth_orbit": self._earth_orbit,
            "station": self._station,
            "lunar": self._lunar,
            "lunar_base": self._lunar_base,
            "mars": self._mars,
            "mars_light": self._mars_light,
            "asteroid": self._asteroid,
        }

    # --- one builder per kind of plan ------------------------------------------------------

    def _earth_orbit(self, vehicle, depart, mech, nuclear, destination=""):
        mass = 7000.0  # a Gemini/Soyuz-class crewed capsule, ~7 t (Soyuz 7.2 t)
        return self._finish(0.0, mass, vehicle, depart, 10.0, 0.0, 0.0, mech, "crew to LEO")

    def _station(self, vehicle, depart, mech, nuclear, destination=""):
        """A crew flight to the agency's station (launched when its program finished)."""
        return self._finish(
            0.0,
            mech.spacecraft.capsule_kg,
            vehicle,
            depart,
            0.0,
            90.0,
            0.0,
            mech,
            "crew to the station in LEO",
        )

    def _after_tli(self, post_tli_kg: float, mech: Mechanics) -> float:
        """Mass in LEO that injects ``post_tli_kg`` toward the Moon (rocket equation), kg."""
        return float(
            post_tli_kg
            + propellant_mass_kg(self.tli_dv_km_s, mech.spacecraft.isp_chemical_s, post_tli_kg)
        )

    def _cargo_post_tli(self, payload_kg: float, mech: Mechanics) -> float:
        """Mass after TLI that lands ``payload_kg`` one way: LOI then descent, kg."""
        dv = self.loi_dv_km_s + mech.spacecraft.lunar_descent_dv_km_s
        return float(
            payload_kg + propellant_mass_kg(dv, mech.spacecraft.isp_storable_s, payload_kg)
        )

    def _lunar(self, vehicle, depart, mech, nuclear, destination=""):
        # The crewed stack after TLI carries its own lunar propellant (Apollo's 45.7 t)
        imleo = self._after_tli(mech.spacecraft.lunar_spacecraft_kg, mech)
        dv = self.tli_dv_km_s + self.loi_dv_km_s + mech.spacecraft.lunar_descent_ascent_dv_km_s
        note = (
            f"TLI {self.tli_dv_km_s:.2f} + LOI {self.loi_dv_km_s:.2f} + landing/ascent "
            f"{mech.spacecraft.lunar_descent_ascent_dv_km_s:.2f} km/s (patched conics)"
        )
        return self._finish(dv, imleo, vehicle, depart, self.lunar_tof_days, 3.0, 0.0, mech, note)

    def _lunar_base(self, vehicle, depart, mech, nuclear, destination=""):
        crew = self._after_tli(mech.spacecraft.lunar_spacecraft_kg, mech)
        cargo = self._after_tli(self._cargo_post_tli(mech.spacecraft.lunar_cargo_kg, mech), mech)
        dv = self.tli_dv_km_s + self.loi_dv_km_s + mech.spacecraft.lunar_descent_ascent_dv_km_s
        note = f"crew landing plus a {mech.spacecraft.lunar_cargo_kg / 1000:.0f} t module landed"
        return self._finish(
            dv, crew + cargo, vehicle, depart, self.lunar_tof_days, 180.0, 0.0, mech, note
        )

    def _mars_legs(self, depart, mech, nuclear):
        """The next window out and the return window after it, with their burns, km/s.

        Returns (window, back, TMI, MOI, TEI, Isp s), or None when a window is missing.
        """
        window = self.next_mars_window(depart)
        if window is None:
            return None
        isp = mech.spacecraft.isp_nuclear_s if nuclear else mech.spacecraft.isp_chemical_s
        tmi = float(departure_dv_km_s(window.vinf_depart_km_s, self._r_leo, self._mu_earth))
        moi = float(capture_dv_km_s(window.vinf_arrive_km_s, self._r_lmo, self._mu_mars))
        back = self.return_window_after(window.arrive_jd_tdb + 30.0)
        if back is None:
            return None
        tei = float(departure_dv_km_s(back.vinf_depart_km_s, self._r_lmo, self._mu_mars))
        return window, back, tmi, moi, tei, isp

    def _mars(self, vehicle, depart, mech, nuclear, destination=""):
        legs = self._mars_legs(depart, mech, nuclear)
        if legs is None:
            return None
        window, back, tmi, moi, tei, isp = legs
        # stages from the last burn back: return, landing+ascent, capture, departure
        mass = mech.spacecraft.mars_spacecraft_kg / 3.0  # the Earth-return craft
        mass += propellant_mass_kg(tei, isp, mass)
        mass += mech.spacecraft.mars_spacecraft_kg * 2.0 / 3.0  # habitat, lander and ascent vehicle
        mass += propellant_mass_kg(
            mech.spacecraft.mars_landing_ascent_dv_km_s, mech.spacecraft.isp_storable_s, mass
        )
        mass += propellant_mass_kg(moi, isp, mass)
        mass += propellant_mass_kg(tmi, isp, mass)
        surface = back.depart_jd_tdb - window.arrive_jd_tdb
        note = (
            f"window {window.c3_km2_s2:.1f} km2/s2 C3, TMI {tmi:.2f} + MOI {moi:.2f} + "
            f"landing/ascent {mech.spacecraft.mars_landing_ascent_dv_km_s:.1f} + "
            f"TEI {tei:.2f} km/s, "
            f"{'nuclear' if nuclear else 'chemical'} Isp {isp:.0f} s"
        )
        return self._finish(
            tmi + moi + mech.spacecraft.mars_landing_ascent_dv_km_s + tei,
            float(mass),
            vehicle,
            window.depart_jd_tdb - self.start_jd_tdb,
            window.tof_days,
            surface,
            window.c3_km2_s2,
            mech,
            note,
        )

    def _mars_light(self, vehicle, depart, mech, nuclear, destination=""):
        """A two-seat Mars landing (a client state's craft, ``mars_landing_light``).

        The same windows and burns as :meth:`_mars`, but split as real Mars plans are: the
        Earth-return craft (``mars_light_return_kg``) waits in Mars orbit with its TEI
        propellant while the lander (``mars_light_lander_kg``) goes down and back up on
        storable propellant. Lighter than the full ship, not cheaper per seat: the saving
        is in the seats and in what is not landed.
        """
        legs = self._mars_legs(depart, mech, nuclear)
        if legs is None:
            return None
        window, back, tmi, moi, tei, isp = legs
        sc = mech.spacecraft
        lander = sc.mars_light_lander_kg
        lander += propellant_mass_kg(sc.mars_landing_ascent_dv_km_s, sc.isp_storable_s, lander)
        craft = sc.mars_light_return_kg
        craft += propellant_mass_kg(tei, isp, craft)
        mass = lander + craft
        mass += propellant_mass_kg(moi, isp, mass)
        mass += propellant_mass_kg(tmi, isp, mass)
        note = (
            f"two seats, window {window.c3_km2_s2:.1f} km2/s2 C3, TMI {tmi:.2f} + MOI "
            f"{moi:.2f} + lander {sc.mars_landing_ascent_dv_km_s:.1f} + TEI {tei:.2f} km/s, "
            f"{'nuclear' if nuclear else 'chemical'} Isp {isp:.0f} s"
        )
        return self._finish(
            tmi + moi + sc.mars_landing_ascent_dv_km_s + tei,
            float(mass),
            vehicle,
            window.depart_jd_tdb - self.start_jd_tdb,
            window.tof_days,
            back.depart_jd_tdb - window.arrive_jd_tdb,
            window.c3_km2_s2,
            mech,
            note,
        )

    def asteroid_target(self, depart: float, destination: str) -> CaptureTarget | None:
        """The best capture designed for the year of ``depart`` that leaves on or after it.

        Targets come from ``catalog.capture_targets`` (the mining machinery's designs over
        the objects known that year); the next year's are tried when this year's have left.
        """
        jd = self.start_jd_tdb + depart
        year = self._calendar.year(depart)
        table = load_capture_targets()
        for y in (year, year + 1):
            for target in table.get((y, destination), []):
                if target.depart_jd_tdb >= jd:
                    return target
        return None

    def _asteroid(self, vehicle, depart, mech, nuclear, destination):
        """A tug flies to the year's best target and brings back what its launches allow.

        Mass in LEO is linear in the returned mass (the rocket equation of both legs,
        ``mining.capture.leo_mass_ratio``, with the engine's tug and specific impulse), so
        the returned mass is the target's, or what ``max_launches_other`` launches lift.
        """
        target = self.asteroid_target(depart, destination)
        if target is None:
            return None
        isp = mech.spacecraft.isp_nuclear_s if nuclear else mech.spacecraft.isp_chemical_s
        tug = mech.spacecraft.asteroid_spacecraft_kg
        dv_out, dv_back = target.dv_outbound_km_s, target.dv_return_km_s
        empty = tug * float(leo_mass_ratio(dv_out, dv_back, isp, 0.0))
        per_kg = tug * float(leo_mass_ratio(dv_out, dv_back, isp, 1.0 / tug)) - empty
        lift = mech.programs.max_launches_other * vehicle.payload_leo_kg
        returned = min(target.returned_kg, (lift - empty) / per_kg)
        if returned < mech.spacecraft.asteroid_min_return_kg:
            return None
        imleo = empty + per_kg * returned
        note = (
            f"{target.label} into {destination}: outbound {dv_out:.2f} + return "
            f"{dv_back:.2f} km/s (batch Lambert design), {returned / 1000:,.0f} t returned, "
            f"{'nuclear' if nuclear else 'chemical'} Isp {isp:.0f} s"
        )
        plan = self._finish(
            dv_out + dv_back,
            float(imleo),
            vehicle,
            target.depart_jd_tdb - self.start_jd_tdb,
            target.rendezvous_jd_tdb - target.depart_jd_tdb,
            target.leave_jd_tdb - target.rendezvous_jd_tdb,
            0.0,
            mech,
            note,
        )
        return replace(
            plan,
            return_days=target.arrive_jd_tdb - target.leave_jd_tdb,
            target=target.designation,
            returned_kg=round(float(returned), 1),
            destination=destination,
        )

    def cargo_to_surface(
        self, body: str, landed_kg: float, day: float, mech: Mechanics, nuclear: bool = False
    ) -> tuple[float, float, float] | None:
        """Mass in LEO that lands ``landed_kg`` of cargo one way on the Moon or Mars.

        Args:
            body: ``"moon"`` or ``"mars"``.
            landed_kg: Cargo to land, kg.
            day: Earliest departure, days since day 0 (Mars: the next real window).
            mech: The run's mechanics (specific impulses, descent delta-v).
            nuclear: Nuclear thermal propulsion for the Mars departure and capture.

        Returns:
            (mass in LEO kg, departure day, transit days), or None when no Mars window
            remains in the planner's span.
        """
        if body == "moon":
            return (
                self._after_tli(self._cargo_post_tli(landed_kg, mech), mech),
                day,
                (self.lunar_tof_days),
            )
        window = self.next_mars_window(day)
        if window is None:
            return None
        isp = mech.spacecraft.isp_nuclear_s if nuclear else mech.spacecraft.isp_chemical_s
        tmi = float(departure_dv_km_s(window.vinf_depart_km_s, self._r_leo, self._mu_earth))
        moi = float(capture_dv_km_s(window.vinf_arrive_km_s, self._r_lmo, self._mu_mars))
        mass = landed_kg + propellant_mass_kg(
            mech.spacecraft.mars_descent_dv_km_s, mech.spacecraft.isp_storable_s, landed_kg
        )
        mass += propellant_mass_kg(moi, isp, mass)
        mass += propellant_mass_kg(tmi, isp, mass)
        return float(mass), window.depart_jd_tdb - self.start_jd_tdb, window.tof_days

    def _finish(self, dv, imleo, vehicle, depart, transit, surface, c3, mech, note):
        launches = max(1, math.ceil(imleo / vehicle.payload_leo_kg))
        cost = (
            launches * vehicle.cost_musd
            + mech.spacecraft.spacecraft_cost_musd_per_t * imleo / 1000.0 / 3.0
        )
        return MissionPlan(
            delta_v_km_s=round(dv, 4),
            imleo_kg=round(imleo, 1),
            launches=launches,
            depart_day=float(depart),
            transit_days=float(transit),
            surface_days=float(surface),
            c3_km2_s2=round(float(c3), 4),
            cost_musd=round(cost, 2),
            notes=f"{note}; {imleo / 1000:.0f} t in LEO = {launches} x {vehicle.name}",
        )


def _departures(windows: list[TransferPoint]) -> list[float] | None:
    """The windows' departure epochs if they are in time order (for a bisect), else None."""
    departs = [w.depart_jd_tdb for w in windows]
    in_order = all(a <= b for a, b in itertools.pairwise(departs))
    return departs if in_order else None


def _first_on_or_after(windows, departs, jd_tdb: float) -> TransferPoint | None:
    """The first window (in list order) departing on or after ``jd_tdb``."""
    if departs is None:  # not in time order: the first in the list that qualifies
        return next((w for w in windows if w.depart_jd_tdb >= jd_tdb), None)
    i = bisect.bisect_left(departs, jd_tdb)
    return windows[i] if i < len(windows) else None
