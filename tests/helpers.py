"""Builders shared by tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from therapy_app.journal.models import Role
from therapy_app.services import accounts
from therapy_app.services.artworks import NewArtwork

if TYPE_CHECKING:
    from therapy_app.services.actor import Actor
    from therapy_app.services.context import AppContext

PASSWORD = "correct horse battery"


def make_user(ctx: AppContext, name: str, role: Role = Role.CLIENT, timezone: str = "UTC") -> Actor:
    return accounts.create_user(ctx, name, PASSWORD, role, name.title(), timezone)


def sample_artwork(title: str = "") -> NewArtwork:
    """A small rendered picture and its provenance, without needing a trained model."""
    import torch

    from therapy_app.art.images import png_bytes
    from therapy_app.art.render import render
    from therapy_app.art.sampler import ArtSpec, Provenance, to_image

    vector = (1.0, 0, 0, 0, 0, 0, 0, 0, 0.8, 0.45, 0.4, 0.8)
    image = to_image(render(torch.tensor([vector]), [1], 64)[0])
    provenance = Provenance("test", 1, ArtSpec(vector, ((1, 1.0),), 0.0, 64))
    return NewArtwork(png_bytes(image), provenance.as_json(), title)
