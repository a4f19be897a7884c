"""Sentence encoders behind one interface; see ``base`` for the registry."""
from summarize.encoders.base import (
    DEFAULT_ENCODER,
    Encoder,
    available_encoders,
    get_encoder,
    register_encoder,
)

__all__ = ["DEFAULT_ENCODER", "Encoder", "available_encoders", "get_encoder", "register_encoder"]
