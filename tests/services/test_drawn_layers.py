"""The person's own hand: a drawn layer stored apart from the model's picture, sealed."""

import io
import zipfile
from dataclasses import replace

import pytest
from PIL import Image
from sqlalchemy import select

from tests.helpers import PINK, drawn_layer, make_user, sample_artwork
from therapy_app.errors import AccessDeniedError, InvalidInputError
from therapy_app.journal.models import Artwork, Role
from therapy_app.mood.checkin import CheckIn
from therapy_app.mood.session_plan import plan_from_directive
from therapy_app.services import artworks, entries, exports, review, sessions, sharing


def _pixel(png: bytes, where: tuple[int, int]) -> tuple[int, ...]:
    with Image.open(io.BytesIO(png)) as image:
        return image.convert("RGB").getpixel(where)


def _saved(ctx, actor) -> tuple[str, str]:
    entry = entries.check_in(ctx, actor, CheckIn(note="drawn on"))
    drawn = replace(sample_artwork("mine"), drawing=drawn_layer())
    return entry.id, artworks.save_artwork(ctx, actor, entry.id, drawn)


def test_the_drawing_is_kept_apart_and_laid_over_the_picture(ctx) -> None:
    actor = make_user(ctx, "ada")
    _, artwork_id = _saved(ctx, actor)
    opened = artworks.get_artwork(ctx, actor, artwork_id)
    assert opened.model_image == sample_artwork().png  # the model's part, as it was painted
    assert _pixel(opened.image, (32, 32)) == PINK[:3]  # the finished picture has the stroke
    assert _pixel(opened.model_image, (32, 32)) != PINK[:3]
    assert _pixel(opened.image, (5, 58)) == _pixel(opened.model_image, (5, 58))  # off the line
    assert opened.drawn and opened.provenance["hand"]["strokes"] == 1
    assert opened.provenance["model_part"].startswith("regenerable")
    assert opened.provenance["latent"] == [[1, 1.0]]  # the recipe is still whole
    assert "drawn over by you (1 stroke)" in artworks.provenance_in_words(opened.provenance)
    (listed,) = artworks.list_artworks(ctx, actor)
    assert listed.drawn and listed.image is None
    plain = artworks.save_artwork(ctx, actor, opened.entry_id, sample_artwork())
    undrawn = artworks.get_artwork(ctx, actor, plain)
    assert not undrawn.drawn and undrawn.model_image is None


def test_the_drawing_is_encrypted_at_rest(ctx) -> None:
    actor = make_user(ctx, "ada")
    _saved(ctx, actor)
    with ctx.sessions() as session:
        stored = session.scalars(select(Artwork)).one()
        assert stored.drawing_ct and b"PNG" not in stored.drawing_ct
        assert b"IHDR" not in stored.drawing_ct and b"IDAT" not in stored.drawing_ct


def test_only_the_owner_or_a_therapist_shown_art_sees_the_drawing(ctx) -> None:
    owner = make_user(ctx, "ada")
    entry_id, artwork_id = _saved(ctx, owner)
    stranger = make_user(ctx, "stranger")
    with pytest.raises(AccessDeniedError):
        artworks.get_artwork(ctx, stranger, artwork_id)
    with pytest.raises(AccessDeniedError):
        artworks.entry_pictures(ctx, stranger, entry_id)
    drawn = replace(sample_artwork(), drawing=drawn_layer())
    with pytest.raises(AccessDeniedError):
        artworks.save_artwork(ctx, stranger, entry_id, drawn)
    therapist = make_user(ctx, "therapist", Role.THERAPIST)
    sharing.redeem_invite(
        ctx, owner, sharing.create_invite(ctx, therapist), sharing.Scope(True, False, False)
    )
    with pytest.raises(AccessDeniedError):
        artworks.get_artwork(ctx, therapist, artwork_id)  # mood shared, art not
    assert artworks.entry_pictures(ctx, therapist, entry_id) == []


def test_the_entry_and_exports_show_the_finished_picture(ctx, tmp_path) -> None:
    actor = make_user(ctx, "ada")
    entry_id, _ = _saved(ctx, actor)
    (picture,) = artworks.entry_pictures(ctx, actor, entry_id)
    assert _pixel(picture.image, (32, 32)) == PINK[:3]
    out = tmp_path / "all.zip"
    exports.export_journal(ctx, actor, "zip", out)
    with zipfile.ZipFile(out) as archive:
        (name,) = [n for n in archive.namelist() if n.startswith("images/")]
        assert _pixel(archive.read(name), (32, 32)) == PINK[:3]


def test_a_drawing_that_does_not_fit_is_refused_and_nothing_saved(ctx) -> None:
    actor = make_user(ctx, "ada")
    entry = entries.check_in(ctx, actor, CheckIn(note="x"))
    wrong_size = replace(sample_artwork(), drawing=drawn_layer(side=100))
    with pytest.raises(InvalidInputError, match="does not fit"):
        artworks.save_artwork(ctx, actor, entry.id, wrong_size)
    not_png = replace(sample_artwork(), drawing=artworks.Drawing(b"GIF89a", strokes=1))
    with pytest.raises(InvalidInputError, match="not a PNG"):
        artworks.save_artwork(ctx, actor, entry.id, not_png)
    assert artworks.list_artworks(ctx, actor) == []


def test_a_session_picture_reaches_the_therapist_with_the_clients_drawing(ctx) -> None:
    therapist = make_user(ctx, "lee", Role.THERAPIST)
    client = make_user(ctx, "abe")
    sharing.redeem_invite(ctx, client, sharing.create_invite(ctx, therapist), sharing.Scope())
    planned = sessions.create_plan(
        ctx, therapist, client.user_id, plan_from_directive("feelings-as-weather")
    )
    sessions.check_in_step(ctx, client, planned.id, 0, CheckIn(valence=0.2))
    drawn = replace(sample_artwork("mine"), drawing=drawn_layer())
    view = sessions.art_step(ctx, client, planned.id, 1, drawn)
    (picture,) = view.artwork_ids
    assert _pixel(review.session_picture(ctx, therapist, planned.id, picture), (32, 32)) == PINK[:3]
