"""Folds that judge all three readers: whole groups held out, every line read once, and
the encoder of each fold trained without what it then reads."""

import shutil

import torch
from hypothesis import given
from hypothesis import strategies as st
from safetensors.torch import save_file

from tests.mood.test_encoder import _bert_names
from therapy_app.mood import encoder_evaluation, encoder_training
from therapy_app.mood.encoder import TOKENIZER_PATH, SentenceEncoder
from therapy_app.mood.encoder_evaluation import (
    category_folds,
    deal,
    heldout_report_with_encoder,
    style_folds,
)
from therapy_app.mood.text_training import Corpus, FeelingLine, RiskLine, load_corpus


@given(st.sets(st.text(min_size=1, max_size=5), max_size=20), st.integers(2, 6))
def test_groups_are_dealt_whole_and_each_once(groups, folds) -> None:
    dealt = deal(groups, folds)
    assert len(dealt) == min(folds, len(groups))
    assert sorted(g for fold in dealt for g in fold) == sorted(groups)


def test_the_corpus_folds_hold_out_whole_groups_and_every_line_once() -> None:
    corpus = load_corpus()
    for folds, group_of in (
        (category_folds(corpus, 4), lambda line: line.category),
        (style_folds(corpus, 4), lambda line: line.style),
    ):
        assert len(folds) == 4
        held = [line for fold in folds for line in fold.risk]
        assert sorted(held, key=str) == sorted(corpus.risk, key=str)
        groups = [{group_of(line) for line in fold.risk} for fold in folds]
        for one in range(4):
            for other in range(one + 1, 4):
                assert not groups[one] & groups[other]
        assert sum(len(fold.feelings) for fold in folds) == len(corpus.feelings)


def _tiny_corpus() -> Corpus:
    risk = [
        RiskLine(text, label, category, style)
        for text, label, category, style in (
            ("i want to die tonight", True, "intent", "lower"),
            ("I have saved up the pills.", True, "means", "plain"),
            ("gave the cat away for when im gone", True, "preparatory", "lower"),
            ("I keep thinking everyone would be better off without me.", True, "passive", "plain"),
            ("had a lovely lunch with my sister", False, "ordinary", "lower"),
            ("The bus was late again and I got soaked.", False, "ordinary", "plain"),
            ("i miss him so much today", False, "sad", "lower"),
            ("Work was grey and long and nobody called.", False, "sad", "plain"),
        )
    ]
    feelings = [
        FeelingLine("got the job!!", "joy", True, "lower"),
        FeelingLine("My boss shouted at me in front of everyone.", "anger", False, "plain"),
        FeelingLine("so scared about the scan tomorrow", "fear", False, "lower"),
        FeelingLine("Mum made my favourite soup and we talked for hours.", "trust", True, "plain"),
    ]
    return Corpus(tuple(risk), tuple(feelings))


def test_each_fold_trains_both_readers_without_its_lines_and_reads_them(
    tmp_path, monkeypatch
) -> None:
    torch.manual_seed(0)
    base = tmp_path / "base"
    base.mkdir()
    bert = _bert_names(SentenceEncoder(encoder_training.LAYERS))
    save_file({name: t.contiguous() for name, t in bert.items()}, base / "model.safetensors")
    shutil.copyfile(TOKENIZER_PATH, base / "tokenizer.json")
    seen: list[set[str]] = []
    real_training = encoder_evaluation.train_encoder

    def spy(corpus, *args, **kwargs) -> None:
        seen.append({line.text for line in corpus.risk + corpus.feelings})
        real_training(corpus, *args, epochs=1, **kwargs)

    monkeypatch.setattr(encoder_evaluation, "train_encoder", spy)
    monkeypatch.setattr(encoder_training, "BATCH", 2)  # a step or two on a tiny corpus
    corpus = _tiny_corpus()
    report = heldout_report_with_encoder(corpus, base, lambda _line: None, folds=2)

    folds = category_folds(corpus, 2) + style_folds(corpus, 2)
    assert len(seen) == len(folds) == 4
    for trained_on, fold in zip(seen, folds, strict=True):
        held = {line.text for line in fold.risk + fold.feelings}
        assert held and not held & trained_on
    for kind in ("category_heldout", "style_heldout"):
        risk, feelings = report[kind]["risk"], report[kind]["feelings"]
        assert risk["risk_lines"] == 4
        assert risk["other_lines"] == 8  # four non-risk lines and four feeling lines
        assert feelings["lines"] == 4
        assert 0 <= risk["recall"] <= 1
        assert set(risk["by_group"]) == (
            {"intent", "means", "preparatory", "passive", "ordinary", "sad", "feelings"}
            if kind == "category_heldout"
            else {"lower", "plain"}
        )
