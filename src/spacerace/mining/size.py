"""Size and mass of asteroids from absolute magnitude, albedo, spectral class and density.

Diameter from absolute magnitude H and geometric albedo p_V (Fowler & Chillemi 1992, IRAS
Minor Planet Survey, PL-TR-92-2049; the constant as discussed by Pravec & Harris 2007,
Icarus 190:250, eq. 2)::

    D = 1329 km / sqrt(p_V) * 10^(-H / 5)

A measured diameter (JPL SBDB) wins over the formula; a measured albedo wins over the class
default; an object without a class takes the debiased mean NEO albedo (Stuart & Binzel 2004).
Mass is a sphere of that diameter at the bulk density of its class group (Carry 2012).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from spacerace.catalog.asteroid_classes import ClassGroup, load_class_groups

__all__ = [
    "H_TO_DIAMETER_KM",
    "PhysicalProperties",
    "class_group",
    "diameter_km",
    "physical_properties",
    "sphere_mass_kg",
]

H_TO_DIAMETER_KM = 1329.0
"""Diameter of an object of H = 0 and albedo 1, km (Fowler & Chillemi 1992)."""

_FIRST_LETTER_GROUP = {
    "S": "S", "K": "S", "L": "S", "A": "S", "O": "S", "R": "S", "Q": "Q", "V": "V",
    "C": "C", "B": "C", "F": "C", "G": "C", "D": "D", "T": "D", "M": "M", "E": "E",
    "X": "X", "P": "X",
}  # fmt: skip


def diameter_km(h_mag: object, albedo: object) -> np.ndarray | float:
    """Return the diameter from absolute magnitude and geometric albedo, km.

    Args:
        h_mag: Absolute magnitude H.
        albedo: Geometric albedo p_V, > 0.

    Example:
        >>> round(diameter_km(19.0, 0.35) * 1000)  # Apophis, JPL H and albedo; radar: 340 m
        356
    """
    h = np.asarray(h_mag, dtype=float)
    p = np.asarray(albedo, dtype=float)
    d = H_TO_DIAMETER_KM / np.sqrt(p) * 10.0 ** (-h / 5.0)
    return float(d) if d.ndim == 0 else d


def sphere_mass_kg(diameter_km_: object, density_g_cm3: object) -> np.ndarray | float:
    """Return the mass of a sphere, kg.

    Example:
        >>> # Bennu: D 0.490 km, 1.19 g/cm^3 (Lauretta et al. 2019); 7.33e10 kg (Scheeres 2019)
        >>> f"{sphere_mass_kg(0.49, 1.19):.2e}"
        '7.33e+10'
    """
    d_m = np.asarray(diameter_km_, dtype=float) * 1000.0
    m = np.pi / 6.0 * d_m**3 * np.asarray(density_g_cm3, dtype=float) * 1000.0
    return float(m) if m.ndim == 0 else m


def class_group(spectral_class: str, groups: dict[str, ClassGroup] | None = None) -> str:
    """Return the composition group of a spectral class string (``"unknown"`` when blank).

    Uncertainty marks and suffixes are dropped (``"S:"``, ``"S(IV)"``, ``"Sqw"``); a class
    not listed as a member falls back to its first letter (Tholen ``"TCG"`` -> D).

    Example:
        >>> class_group("Cb"), class_group("Sqw"), class_group("Xk:"), class_group("")
        ('C', 'S', 'M', 'unknown')
    """
    groups = load_class_groups() if groups is None else groups
    text = spectral_class.split("(")[0].strip().rstrip(":")
    if not text or not text[0].isalpha():
        return "unknown"
    for candidate in (text, text.rstrip("w")):
        for group in groups.values():
            if candidate in group.members:
                return group.group
    return _FIRST_LETTER_GROUP.get(text[0].upper(), "unknown")


@dataclass(frozen=True)
class PhysicalProperties:
    """Sizes and masses of many objects (arrays of one length).

    Attributes:
        group: Composition group key per object.
        albedo: Albedo used (measured, else the group's mean).
        albedo_measured: True where the albedo was measured.
        diameter_km: Diameter used (measured, else from H and the albedo), km.
        diameter_measured: True where the diameter was measured.
        density_g_cm3: Bulk density of the group, g/cm^3.
        mass_kg: Mass of a sphere of that diameter and density, kg.
    """

    group: np.ndarray
    albedo: np.ndarray
    albedo_measured: np.ndarray
    diameter_km: np.ndarray
    diameter_measured: np.ndarray
    density_g_cm3: np.ndarray
    mass_kg: np.ndarray


def physical_properties(
    h_mag: np.ndarray,
    spectral_class: np.ndarray,
    measured_albedo: np.ndarray,
    measured_diameter_km: np.ndarray,
) -> PhysicalProperties:
    """Return sizes and masses for catalogue columns (see :class:`PhysicalProperties`).

    Args:
        h_mag: Absolute magnitudes H.
        spectral_class: Spectral class strings ("" when unknown).
        measured_albedo: Measured albedos, NaN when unknown.
        measured_diameter_km: Measured diameters, km, NaN when unknown.
    """
    groups = load_class_groups()
    keys, inverse = np.unique(np.asarray(spectral_class), return_inverse=True)
    group = np.array([class_group(str(k), groups) for k in keys])[inverse]
    default_albedo = np.array([groups[g].albedo for g in group.tolist()])
    density = np.array([groups[g].density_g_cm3 for g in group.tolist()])
    has_albedo = np.isfinite(measured_albedo) & (measured_albedo > 0)
    albedo = np.where(has_albedo, measured_albedo, default_albedo)
    has_d = np.isfinite(measured_diameter_km) & (measured_diameter_km > 0)
    d = np.where(has_d, measured_diameter_km, diameter_km(h_mag, albedo))
    return PhysicalProperties(
        group=group,
        albedo=albedo,
        albedo_measured=has_albedo,
        diameter_km=d,
        diameter_measured=has_d,
        density_g_cm3=density,
        mass_kg=sphere_mass_kg(d, density),
    )
