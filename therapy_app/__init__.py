"""therapy_app: an art-therapy journal."""

__version__ = "0.1.0"
