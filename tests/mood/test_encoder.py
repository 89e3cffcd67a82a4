"""The sentence encoder: its weights, its batches, and its place among the readers."""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
import torch

from therapy_app.config import torch_threads
from therapy_app.errors import TherapyAppError
from therapy_app.mood.encoder import (
    SentenceEncoder,
    _Int8Linear,
    load_encoder,
    save_encoder,
    shipped_encoder,
    tokenize,
)
from therapy_app.mood.encoder_training import _LAYER_PARTS, from_bert
from therapy_app.mood.normalise import normalise
from therapy_app.mood.safety import (
    MODEL_SURE,
    RiskReading,
    encoder_texts,
    read_risk,
    read_risks,
)
from therapy_app.mood.text import EMPTY_READING, suggest, suggest_many

TEXTS = [
    "had a lovely walk with the dog and a long lunch with my sister",
    "i want to kill myself tonight",
    "so tired",
    "the cat's with her new family now and the flat is sorted, nobody needs to worry after",
]


def _bert_names(encoder: SentenceEncoder) -> dict[str, torch.Tensor]:
    """The encoder's weights under all-MiniLM-L6-v2's names, as its file holds them."""
    ours = encoder.state_dict()
    bert = {
        "embeddings.word_embeddings.weight": ours["words.weight"],
        "embeddings.position_embeddings.weight": ours["positions.weight"],
        "embeddings.token_type_embeddings.weight": torch.stack([ours["segment"]] * 2),
        "embeddings.LayerNorm.weight": ours["embedding_norm.weight"],
        "embeddings.LayerNorm.bias": ours["embedding_norm.bias"],
        "pooler.dense.weight": torch.zeros(3),
    }
    for layer in range(len(encoder.layers)):
        for theirs, mine in _LAYER_PARTS.items():
            for part in ("weight", "bias"):
                bert[f"encoder.layer.{layer}.{theirs}.{part}"] = ours[
                    f"layers.{layer}.{mine}.{part}"
                ]
    return bert


def test_every_weight_but_the_head_comes_from_the_base_model() -> None:
    torch.manual_seed(0)
    original = SentenceEncoder(2)
    copy = SentenceEncoder(2)
    result = copy.load_state_dict(from_bert(_bert_names(original), 2), strict=False)
    assert set(result.missing_keys) == {"head.weight", "head.bias"}
    assert not result.unexpected_keys
    for name, tensor in original.state_dict().items():
        if not name.startswith("head."):
            assert torch.equal(copy.state_dict()[name], tensor), name


def test_saved_encoder_reads_as_it_did(tmp_path) -> None:
    torch.manual_seed(1)
    network = SentenceEncoder(1).eval()
    path = tmp_path / "encoder.pt"
    save_encoder(network, 0.4, {"base": "test"}, path)
    tokenizer = shipped_encoder().tokenizer
    loaded = load_encoder(path)
    ids, mask = tokenize(tokenizer, TEXTS)
    with torch.inference_mode():
        before, after = network(ids, mask), loaded.network(ids, mask)
    assert loaded.risk_threshold == 0.4
    assert torch.allclose(before, after, atol=0.15)  # half precision, int8 words and layers
    assert (before.argmax(1) == after.argmax(1)).all()


def test_an_unreadable_encoder_says_how_to_rebuild_it(tmp_path) -> None:
    broken = tmp_path / "encoder.pt"
    broken.write_bytes(b"not a model")
    with pytest.raises(TherapyAppError, match="train-reader"):
        load_encoder(broken)


def test_batches_read_as_single_notes_do_and_keep_their_order() -> None:
    encoder = shipped_encoder()
    together = encoder.read(TEXTS)
    for text, reading in zip(TEXTS, together, strict=True):
        alone = encoder.read([text])[0]
        # padding changes the order of float sums in attention: readings move by about 0.002
        assert reading.risk == pytest.approx(alone.risk, abs=0.01)
        assert reading.pleasantness == pytest.approx(alone.pleasantness, abs=0.01)


def test_requests_at_once_load_one_encoder_and_read_as_one_alone() -> None:
    shipped_encoder.cache_clear()
    with ThreadPoolExecutor(4) as requests:
        loaded = list(requests.map(lambda _: shipped_encoder(), range(4)))
        together = list(requests.map(lambda note: loaded[0].read([note])[0], TEXTS * 3))
    assert all(encoder is loaded[0] for encoder in loaded)
    assert torch.get_num_threads() == torch_threads()
    assert together == [loaded[0].read([note])[0] for note in TEXTS * 3]


def test_int8_products_read_the_same_on_any_processor() -> None:
    """Where int8 products are slow (AVX2), the layer multiplies the same integers as
    float32: the readings must not depend on which way the processor took."""
    torch.manual_seed(0)
    layer = _Int8Linear(torch.nn.Linear(384, 1536))
    tokens = torch.randn(2, 40, 384) * 3
    ways = []
    for integer_products in (True, False):
        layer.integer_products = integer_products
        layer.weight = layer.weight.to(torch.int8 if integer_products else torch.float32)
        ways.append(layer(tokens))
    assert torch.equal(ways[0], ways[1])


def test_notes_read_for_risk_together_read_as_they_do_alone() -> None:
    """An import reads its notes together; each must read as it would alone."""
    long_note = " ".join(["the day was long and the bus was late again ."] * 4) + TEXTS[1]
    notes = [*TEXTS, long_note, TEXTS[1], ""]
    together = read_risks(notes, encoder=shipped_encoder())
    for note, reading in zip(notes, together, strict=True):
        alone = read_risk(note, encoder=shipped_encoder())
        assert reading.flagged == alone.flagged
        assert reading.encoder_probability == pytest.approx(alone.encoder_probability, abs=0.01)
    assert together[1].flagged and together[4].flagged and not together[0].flagged


def test_the_encoder_reads_meaning() -> None:
    walk, explicit, _, indirect = shipped_encoder().read(TEXTS)
    assert explicit.risk > 0.9 and walk.risk < 0.1
    assert walk.pleasantness > 0.3 and explicit.pleasantness < 0
    assert max(walk.primaries, key=walk.primaries.get) in {"joy", "trust"}
    assert indirect.risk > walk.risk


# A preparation line (from the corpus) that neither the rules nor the linear model flag.
FOR_THE_ENCODER = "I've pressed every flower from the garden into the book I'm leaving her."


def test_the_encoder_alone_can_raise_the_flag() -> None:
    reading = read_risk(FOR_THE_ENCODER, encoder=shipped_encoder())
    assert not reading.categories and reading.model_probability < reading.model_threshold
    assert reading.encoder_may_flag and reading.flagged
    assert not read_risk(FOR_THE_ENCODER).flagged  # the rules and the linear model alone


@pytest.mark.parametrize("note", ["see you tomorrow", "long day", "nothing much"])
def test_the_encoder_never_flags_short_notes_alone(note) -> None:
    reading = read_risk(note, encoder=shipped_encoder())
    assert not reading.encoder_may_flag and not reading.flagged


def test_the_encoder_needs_a_trace_in_the_linear_model() -> None:
    strong = {"encoder_probability": 0.99, "encoder_threshold": 0.7}
    assert RiskReading((), 0.35, 0.55, encoder_may_flag=True, **strong).flagged
    assert not RiskReading((), 0.35, 0.55, encoder_may_flag=False, **strong).flagged
    weak = {"encoder_probability": 0.5, "encoder_threshold": 0.7}
    assert not RiskReading((), 0.35, 0.55, encoder_may_flag=True, **weak).flagged


@pytest.mark.parametrize(
    ("model", "encoder", "flagged"),
    [
        (0.6, None, True),  # no encoder read it: the linear model decides alone
        (0.75, 0.5, True),  # the encoder confirms
        (0.75, 0.1, False),  # the encoder does not: not flagged
        (0.45, 0.5, False),  # too unsure for the encoder's confirmation to count
        (0.95, 0.1, True),  # the linear model is sure
        (0.4, 0.6, False),  # below the linear threshold and the encoder's
    ],
)
def test_the_encoder_must_confirm_what_the_linear_model_is_unsure_of(
    model, encoder, flagged
) -> None:
    reading = RiskReading((), model, 0.55, encoder, 0.7, encoder_may_flag=True)
    assert reading.flagged is flagged


@pytest.mark.parametrize(
    ("sentence", "encoder", "on_sentence", "flagged"),
    [
        (0.8, None, None, True),  # no encoder read the note: a sentence flags it alone
        (0.8, 0.1, None, False),  # the encoder read it: a sentence alone no longer does
        (0.85, 0.1, 0.75, True),  # a heavy sentence the encoder agrees with
        (0.85, 0.1, 0.5, False),  # one it does not
    ],
)
def test_a_single_sentence_needs_the_encoder_to_agree_where_it_reads(
    sentence, encoder, on_sentence, flagged
) -> None:
    reading = RiskReading(
        (),
        0.2,
        0.55,
        encoder,
        0.7,
        sentence_probability=sentence,
        heavy_sentences=("a heavy sentence",),
        sentence_encoder_probability=on_sentence,
    )
    assert reading.flagged is flagged


@pytest.mark.parametrize(
    ("model", "encoder", "flagged"),
    [
        (0.95, 0.3, False),  # the linear model sure alone no longer flags a long note
        (0.35, 0.99, False),  # nor the encoder alone
        (0.6, 0.65, True),  # both see risk in it
        (0.6, 0.55, False),  # the encoder below its share
        (0.5, 0.95, False),  # the linear model below its threshold
    ],
)
def test_in_a_long_note_both_learned_readers_must_see_risk(model, encoder, flagged) -> None:
    reading = RiskReading((), model, 0.55, encoder, 0.7, long=True)
    assert reading.flagged is flagged
    assert RiskReading(("plan",), model, 0.55, encoder, 0.7, long=True).flagged


# An ordinary Saturday (a tenth blind set's line): the encoder alone reads it as risk.
NORMAL_SATURDAY = (
    "Nice, normal Saturday. Did the big shop, cleaned the bathroom, and took the kids to "
    "the park where my youngest finally got across the monkey bars on her own. We had "
    "spaghetti bolognese and watched a film about a talking dog. Nothing special happened, "
    "which is exactly what I needed after last week. Early night with my book."
)


def test_an_ordinary_long_entry_is_not_flagged_by_the_encoder_alone() -> None:
    encoder = shipped_encoder()
    alone = max(r.risk for r in encoder.read(encoder_texts(normalise(NORMAL_SATURDAY))))
    assert alone >= encoder.risk_threshold
    reading = read_risk(NORMAL_SATURDAY, encoder=encoder)
    assert reading.long and not reading.encoder_may_flag and not reading.flagged
    assert not suggest(NORMAL_SATURDAY).risk


# A long entry about a birthday: one of its sentences, read alone, reads as hiding means.
BIRTHDAY = (
    "Grandma's ninetieth is on Sunday and the whole family is coming. I baked the cake "
    "today and iced it tonight. My cousins are flying in from Lisbon. I wrapped her "
    "present and hid it in the wardrobe. I just can't wait for that day to come."
)


def test_a_long_entry_is_read_in_runs_of_sentences_not_sentence_by_sentence() -> None:
    assert read_risk("I wrapped her present and hid it in the wardrobe.").flagged
    reading = read_risk(BIRTHDAY, encoder=shipped_encoder())
    assert not reading.heavy_sentences and not reading.flagged
    assert not suggest(BIRTHDAY).risk
    assert read_risk(BIRTHDAY).flagged  # without the encoder, sentences still flag alone


# Corpus lines whose risk is one sentence among ordinary ones.
ONE_HEAVY_SENTENCE = [
    "The kids had their nativity. Leo was a sheep and forgot his line. I'll stay till "
    "Boxing Day for them and then go. Made mince pies with too much brandy.",
    "Rugby training was tough. After, I hit my head on the locker door over and over until "
    "it hurt enough. Coach didn't see. Had a burger on the way home.",
]


@pytest.mark.parametrize("note", ONE_HEAVY_SENTENCE)
def test_one_heavy_sentence_among_ordinary_ones_flags_when_both_models_agree(note) -> None:
    # the learned readers' part alone: a rule may read the sentence too
    reading = replace(read_risk(note, encoder=shipped_encoder()), categories=())
    assert reading.heavy_sentences and reading.flagged
    assert not replace(reading, sentence_encoder_probability=None).flagged
    assert suggest(note).risk


def test_the_rules_flag_whatever_the_models_read() -> None:
    assert RiskReading(("plan",), 0.0, 0.55, 0.0, 0.7).flagged


# A sad corpus line the linear model alone flags, unsure (below MODEL_SURE); the encoder
# does not.
UNSURE_AND_SAD = (
    "i keep thinking about how i could have been a better daughter when dad was alive. "
    "my counselor says that guilt is part of grief"
)


def test_the_encoder_takes_back_a_false_alarm_the_linear_model_is_unsure_of() -> None:
    alone = read_risk(UNSURE_AND_SAD)
    assert alone.flagged and not alone.categories
    assert alone.model_probability < MODEL_SURE
    reading = read_risk(UNSURE_AND_SAD, encoder=shipped_encoder())
    assert reading.encoder_probability is not None and not reading.flagged
    assert not suggest(UNSURE_AND_SAD).as_json()["risk"]


def test_the_shipped_reading_consults_the_encoder() -> None:
    reading = read_risk(TEXTS[1], encoder=shipped_encoder())
    assert reading.encoder_probability > 0.9
    assert reading.encoder_threshold == shipped_encoder().risk_threshold
    assert suggest(TEXTS[1]).risk_reading.encoder_probability == pytest.approx(
        reading.encoder_probability, abs=0.01
    )


def test_notes_read_together_read_as_they_do_alone() -> None:
    notes = [TEXTS[0], "", " . ", TEXTS[3], TEXTS[0]]
    together = suggest_many(notes)
    assert together[1] == EMPTY_READING and together[2] == EMPTY_READING
    for note, reading in zip(notes, together, strict=True):
        alone = suggest(note).as_json()
        assert reading.as_json()["risk"] == alone["risk"]
        assert reading.as_json()["valence"] == pytest.approx(alone["valence"], abs=0.01)
