"""The learned reader: its features, its file, and the held-out report on a small corpus."""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from therapy_app.errors import TherapyAppError
from therapy_app.mood import text_training
from therapy_app.mood.normalise import normalise
from therapy_app.mood.text_model import (
    MODEL_PATH,
    N_BUCKETS,
    _concepts_of,
    features,
    load_model,
    shipped_model,
)


@pytest.mark.parametrize(
    ("words", "concepts"),
    [
        (["jumped"], {"means"}),
        (["mum's"], {"others"}),
        (["calmly"], {"finality"}),
        (["went", "to", "the", "shop"], set()),
        (["my", "old", "jumper"], {"self"}),
        (["a", "new", "pillow"], set()),
    ],
)
def test_a_word_points_to_a_concept_through_its_endings_only(
    words: list[str], concepts: set[str]
) -> None:
    assert _concepts_of(words) == concepts


RISK = [
    ("i want to die tonight", "active_no_method", "lower"),
    ("I keep thinking about the pills in my drawer", "means", "plain"),
    ("everyone would be better off without me", "passive", "plain"),
    ("im gonna end it this weekend", "intent_timing", "slang"),
    ("I gave my dog to my sister for when I'm gone", "preparatory", "plain"),
    ("cut myself again last night", "self_harm", "lower"),
]
CALM = [
    ("had pasta with friends and laughed a lot", "ordinary", "lower"),
    ("The bus was late again, so annoying.", "angry", "plain"),
    ("I miss my grandma so much today", "sad", "plain"),
    ("ngl this pizza slaps", "ordinary", "slang"),
    ("Long walk by the river, felt calm.", "ordinary", "plain"),
    ("tired after work, early night", "sad", "lower"),
]
FEELINGS = [
    ("Got the job offer today!", "joy", "+", "plain"),
    ("my hands were shaking before the interview", "fear", "-", "lower"),
    ("he ate my leftovers AGAIN", "anger", "-", "plain"),
    ("the house is so quiet since mum left", "sadness", "-", "lower"),
    ("can't wait for the trip next week", "anticipation", "+", "plain"),
    ("my sister always has my back", "trust", "+", "plain"),
    ("someone spat right next to my shoe, gross", "disgust", "-", "lower"),
    ("no way, they threw me a surprise party", "surprise", "+", "slang"),
]


def _write_corpus(folder: Path) -> None:
    (folder / "risk").mkdir(parents=True)
    (folder / "feelings").mkdir()
    rows = [f"{t}\trisk\t{c}\t{s}" for t, c, s in RISK]
    rows += [f"{t}\tnone\t{c}\t{s}" for t, c, s in CALM]
    (folder / "risk" / "lines.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    feeling_rows = [f"{t}\t{p}\t{sign}\t{s}" for t, p, sign, s in FEELINGS]
    (folder / "feelings" / "lines.tsv").write_text("\n".join(feeling_rows) + "\n")


def test_a_model_trained_on_a_corpus_reads_it_and_survives_saving(tmp_path) -> None:
    _write_corpus(tmp_path / "corpus")
    corpus = text_training.load_corpus(tmp_path / "corpus")
    assert (len(corpus.risk), len(corpus.feelings)) == (12, 8)
    model = text_training.train_model(corpus)
    model.save(tmp_path / "model.npz")
    loaded = load_model(tmp_path / "model.npz")
    risky = features(normalise("i want to die tonight"))
    calm = features(normalise("had pasta with friends"))
    assert loaded.risk_probability(risky) > loaded.risk_probability(calm)
    assert (
        max(
            loaded.primary_probabilities(features(normalise("Got the job offer today!"))).items(),
            key=lambda item: item[1],
        )[0]
        == "joy"
    )


@pytest.mark.slow
def test_the_held_out_report_retrains_without_each_group(tmp_path) -> None:
    _write_corpus(tmp_path / "corpus")
    corpus = text_training.load_corpus(tmp_path / "corpus")
    report = text_training.heldout_report(corpus, shipped_model())
    risk = report["category_heldout"]["risk"]
    assert set(risk["by_group"]) == {c for _, c, _ in RISK + CALM} | {"feelings"}
    assert risk["risk_lines"] == len(RISK)
    assert 0.0 <= risk["recall"] <= 1.0
    assert report["style_heldout"]["feelings"]["lines"] == len(FEELINGS)


def test_the_shipped_model_loads_and_a_damaged_one_is_refused(tmp_path) -> None:
    assert MODEL_PATH.is_file()
    assert 0.0 < shipped_model().risk_threshold < 1.0
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a model")
    with pytest.raises(TherapyAppError, match="train-reader"):
        load_model(broken)


@pytest.mark.slow
@given(st.text(max_size=300))
def test_features_are_distinct_bucket_ids_for_any_text(text: str) -> None:
    ids = features(normalise(text))
    assert ids.dtype == np.int64
    assert len(ids) == len(set(ids.tolist()))
    assert all(0 <= i < N_BUCKETS for i in ids.tolist())


@given(st.text(max_size=200))
def test_normalised_text_is_lower_case_single_spaced(text: str) -> None:
    normalised = normalise(text)
    assert normalised == normalised.lower() or not normalised.isascii()
    assert "  " not in normalised and normalised == normalised.strip()
