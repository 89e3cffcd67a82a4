from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.helpers import make_user, sample_artwork
from therapy_app.errors import AccessDeniedError, InvalidInputError, TherapyAppError
from therapy_app.journal.models import Artwork, Role
from therapy_app.mood.checkin import CheckIn, parse_feeling
from therapy_app.services import artworks, entries, sharing


def test_save_list_open_delete(ctx) -> None:
    actor = make_user(ctx, "ada")
    entry = entries.check_in(ctx, actor, CheckIn(feelings=(parse_feeling("hopeful"),)))
    artwork_id = artworks.save_artwork(ctx, actor, entry.id, sample_artwork("First light"))
    (listed,) = artworks.list_artworks(ctx, actor)
    assert listed.title == "First light" and listed.image is None
    assert listed.feelings == ("hopeful",) and len(listed.thumbnail) < 25_000
    opened = artworks.get_artwork(ctx, actor, artwork_id)
    assert opened.image.startswith(b"\x89PNG") and opened.provenance["model_version"] == "test"
    together = entries.check_in(ctx, actor, CheckIn(note="with art"), sample_artwork())
    assert len(together.artwork_ids) == 1
    assert len(artworks.list_artworks(ctx, actor)) == 2
    assert entries.get_entry(ctx, actor, entry.id).artwork_ids == (artwork_id,)
    thumbs = artworks.entry_thumbnails(ctx, actor, [entry.id])
    assert thumbs[entry.id].startswith(b"\xff\xd8")  # a JPEG thumbnail
    assert artworks.list_artworks(ctx, actor, query=artworks.ArtworkQuery(feeling="anxious")) == []
    artworks.delete_artwork(ctx, actor, artwork_id)
    assert len(artworks.list_artworks(ctx, actor)) == 1


def test_images_are_encrypted_at_rest_and_go_with_their_entry(ctx) -> None:
    actor = make_user(ctx, "ada")
    entry = entries.check_in(ctx, actor, CheckIn(note="x"))
    artwork_id = artworks.save_artwork(ctx, actor, entry.id, sample_artwork())
    opened = artworks.get_artwork(ctx, actor, artwork_id)
    with ctx.sessions() as session:
        stored = session.scalars(select(Artwork)).one()
        image_ct, thumb_ct = stored.image_ct, stored.thumb_ct
    # 32 bytes of the stored picture's own: in random ciphertext about once in 2**250 runs
    for plain, cipher in ((opened.image, image_ct), (opened.thumbnail, thumb_ct)):
        assert plain[:32] not in cipher and plain[-32:] not in cipher
    entries.delete_entry(ctx, actor, entry.id)
    with ctx.sessions() as session:
        assert session.scalars(select(Artwork)).all() == []


def test_bad_images_and_titles_are_refused(ctx) -> None:
    actor = make_user(ctx, "ada")
    entry = entries.check_in(ctx, actor, CheckIn(note="x"))
    good = sample_artwork()
    with pytest.raises(InvalidInputError, match="not a PNG"):
        artworks.save_artwork(ctx, actor, entry.id, replace(good, png=b"GIF89a...."))
    with pytest.raises(InvalidInputError, match="at most 120"):
        artworks.save_artwork(ctx, actor, entry.id, replace(good, title="t" * 121))
    with pytest.raises(InvalidInputError, match="not a PNG"):
        entries.check_in(
            ctx, actor, CheckIn(note="with a broken picture"), replace(good, png=b"\x89PNG broken")
        )
    assert artworks.list_artworks(ctx, actor) == []
    assert entries.list_entries(ctx, actor).total == 1  # the refused check-in left nothing


def test_therapist_sees_art_only_when_shared(ctx) -> None:
    client = make_user(ctx, "client")
    therapist = make_user(ctx, "therapist", Role.THERAPIST)
    entry = entries.check_in(ctx, client, CheckIn(note="x"))
    artwork_id = artworks.save_artwork(ctx, client, entry.id, sample_artwork())
    link = sharing.redeem_invite(
        ctx, client, sharing.create_invite(ctx, therapist), sharing.Scope(True, False, False)
    )
    with pytest.raises(AccessDeniedError):
        artworks.list_artworks(ctx, therapist, owner_id=client.user_id)
    assert artworks.entry_pictures(ctx, therapist, entry.id) == []  # mood only: no pictures
    sharing.update_scope(ctx, client, link.id, sharing.Scope(True, False, True))
    assert artworks.get_artwork(ctx, therapist, artwork_id).image
    assert len(artworks.list_artworks(ctx, therapist, owner_id=client.user_id)) == 1
    (picture,) = artworks.entry_pictures(ctx, therapist, entry.id)
    assert picture.id == artwork_id and picture.image.startswith(b"\x89PNG")
    stranger = make_user(ctx, "stranger")
    with pytest.raises(AccessDeniedError):
        artworks.entry_pictures(ctx, stranger, entry.id)


def test_provenance_in_words() -> None:
    provenance = {
        "model_version": "fe38ec59aa11",
        "conditioning": [0.05, 0, 0, 0, 0.8, 0.1, 0, 0.05, -0.4, -0.2, 0.1, 0.6],
        "latent": [[1234, 1.0]],
        "imperfection": 0.3,
        "size": 768,
        "crop_zoom": 1.2,
        "filter": "Warm",
    }
    assert artworks.provenance_in_words(provenance) == (
        "Painted by model fe38ec59 from sadness (strong), pleasantness -0.4, energy -0.2; "
        "seed 1234; imperfection 0.30; cropped 1.20x closer and finished 'Warm' by you."
    )
    even = {**provenance, "conditioning": [0.125] * 8 + [3.7e-17, 0, 0, 0.25]}
    even.update(latent=[[1, 0.5], [1, 0.25], [2, 0.25]], crop_zoom=1.0, filter="As painted")
    assert artworks.provenance_in_words(even) == (
        "Painted by model fe38ec59 from pleasantness +0.0, energy +0.0; "
        "a blend of seeds 1 (75%), 2 (25%); imperfection 0.30."
    )


def test_missing_model_is_a_clear_message(tmp_path) -> None:
    with pytest.raises(TherapyAppError, match="Journaling works as usual.*therapy-app train"):
        artworks.painter(tmp_path / "nothing.pt")


def test_a_busy_weeks_morph_walks_through_some_of_its_pictures_once(
    ctx, clock, monkeypatch
) -> None:
    actor = make_user(ctx, "ada")
    for day in range(10):
        entries.check_in(ctx, actor, CheckIn(note=f"day {day}"), sample_artwork())
        clock.advance(hours=12)
    asked = []

    class Painter:
        def morph(self, specs, steps, size):
            asked.append({"specs": specs, "steps": steps, "size": size})
            return b"GIF89a"

    monkeypatch.setattr(artworks, "painter", Painter)
    artworks.morph_gif.cache_clear()
    since = clock.now.date() - timedelta(days=7)
    assert artworks.mood_morph(ctx, actor, since, clock.now.date()) == b"GIF89a"
    assert len(asked[0]["specs"]) == artworks.MORPH_PICTURES
    assert (asked[0]["steps"], asked[0]["size"]) == (artworks.MORPH_STEPS, artworks.MORPH_SIDE)
    assert artworks.mood_morph(ctx, actor, since, clock.now.date()) == b"GIF89a"
    assert len(asked) == 1  # the same pictures again: painted once
    artworks.morph_gif.cache_clear()
