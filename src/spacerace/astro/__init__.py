"""Pure numerics: time, ephemeris, Kepler, Lambert, transfers, porkchop. No I/O."""
