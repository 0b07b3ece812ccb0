"""spacerace: an alternate history of human spaceflight on real orbital mechanics.

Heavy modules (NumPy kernels, Matplotlib, the ephemeris) are imported where used, so that
``import spacerace`` and ``spacerace --help`` stay fast.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
