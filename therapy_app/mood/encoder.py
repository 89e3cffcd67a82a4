"""The third reader of a note: a small sentence encoder, fine-tuned on the corpus.

The linear model (``text_model.py``) reads words and letters it has seen; the encoder
reads what a sentence means, so "I've pressed every flower from the garden into the book
I'm leaving her" reads as a goodbye without a word about one. It is all-MiniLM-L6-v2
(a BERT encoder by Microsoft and sentence-transformers, Apache-2.0), fine-tuned by
``encoder_training.py`` to read risk, the eight primary emotions and pleasantness at
once from the mean of its token vectors. It reads the note once, as written (idioms and
denials too: it learned them from the corpus), and each sentence as well when the note
is long.

Weights ship in the package as ``encoder.pt`` (loaded with ``weights_only``: tensors,
numbers and strings, never code), the word-piece vocabulary as ``encoder_tokenizer.json``.
"""

from __future__ import annotations

import math
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn

from therapy_app.config import torch_threads
from therapy_app.loading import loaded_once
from therapy_app.mood.feelings import PRIMARIES
from therapy_app.mood.model_files import REBUILD, check_version, unreadable

if TYPE_CHECKING:
    from collections.abc import Sequence

    from tokenizers import Tokenizer

ENCODER_PATH = Path(__file__).with_name("encoder.pt")
TOKENIZER_PATH = Path(__file__).with_name("encoder_tokenizer.json")
ENCODER_VERSION = 1
ENCODER_NAME = "sentence encoder"  # in what the app says of its file
MAX_TOKENS = 64
BATCH = 16  # notes read together: larger batches spill the int8 steps out of cache
VOCABULARY, POSITIONS, WIDTH, HEADS, INNER = 30522, 512, 384, 12, 1536
LAYER_NORM_EPS = 1e-12
DROPOUT = 0.1  # BERT's own, while fine-tuning only
OUTPUTS = 1 + len(PRIMARIES) + 1  # risk, the primaries, pleasant
_INT8_PARTS = ("query", "key", "value", "attended", "widen", "narrow")


class _Layer(nn.Module):
    """One BERT layer: self-attention, then a feed-forward block, each added back and
    normalised."""

    def __init__(self) -> None:
        super().__init__()
        self.query, self.key, self.value = (nn.Linear(WIDTH, WIDTH) for _ in range(3))
        self.attended = nn.Linear(WIDTH, WIDTH)
        self.attention_norm = nn.LayerNorm(WIDTH, eps=LAYER_NORM_EPS)
        self.widen = nn.Linear(WIDTH, INNER)
        self.narrow = nn.Linear(INNER, WIDTH)
        self.output_norm = nn.LayerNorm(WIDTH, eps=LAYER_NORM_EPS)
        self.dropout = nn.Dropout(DROPOUT)

    def _heads(self, x: torch.Tensor) -> torch.Tensor:
        batch, length, _ = x.shape
        return x.view(batch, length, HEADS, WIDTH // HEADS).transpose(1, 2)

    def forward(self, x: torch.Tensor, padding: torch.Tensor) -> torch.Tensor:
        q, k, v = self._heads(self.query(x)), self._heads(self.key(x)), self._heads(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(WIDTH // HEADS) + padding
        mixed = (self.dropout(scores.softmax(-1)) @ v).transpose(1, 2).reshape(x.shape)
        x = self.attention_norm(x + self.dropout(self.attended(mixed)))
        widened = nn.functional.gelu(self.widen(x))
        return self.output_norm(x + self.dropout(self.narrow(widened)))


class SentenceEncoder(nn.Module):
    """Token, position and segment embeddings, ``layers`` BERT layers, the mean of the
    token vectors, and one linear head for the three readings."""

    def __init__(self, layers: int) -> None:
        super().__init__()
        self.words = nn.Embedding(VOCABULARY, WIDTH)
        self.positions = nn.Embedding(POSITIONS, WIDTH)
        self.segment = nn.Parameter(torch.zeros(WIDTH))  # one segment: BERT's type 0
        self.embedding_norm = nn.LayerNorm(WIDTH, eps=LAYER_NORM_EPS)
        self.dropout = nn.Dropout(DROPOUT)
        self.layers = nn.ModuleList(_Layer() for _ in range(layers))
        self.head = nn.Linear(WIDTH, OUTPUTS)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Logits (batch, OUTPUTS) for token ids and their mask (1 for a token, 0 for padding)."""
        positions = torch.arange(ids.shape[1], device=ids.device)
        x = self.embedding_norm(self.words(ids) + self.positions(positions) + self.segment)
        x = self.dropout(x)
        padding = (1.0 - mask[:, None, None, :].to(x.dtype)) * torch.finfo(x.dtype).min
        for layer in self.layers:
            x = layer(x, padding)
        weights = mask[..., None].to(x.dtype)
        return self.head((x * weights).sum(1) / weights.sum(1)).float()


@dataclass(frozen=True)
class EncoderReading:
    risk: float  # 0..1
    primaries: dict[str, float]  # sums to 1
    pleasantness: float  # -1 (surely unpleasant) .. 1 (surely pleasant)


@dataclass(frozen=True)
class Encoder:
    network: SentenceEncoder
    tokenizer: Tokenizer
    risk_threshold: float
    record: dict[str, object]
    graph: torch.jit.ScriptModule = field(compare=False, repr=False)  # the network traced
    # One reading at a time per process: eleven request threads reading at once took 6.5
    # ms a note against 4.2 one after another (and each held torch's thread team).
    _reading: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def read(self, texts: Sequence[str]) -> list[EncoderReading]:
        """Readings of normalised texts, in order; a text given twice is read once. They
        are read in batches of texts of about the same length, so that little of a batch
        is padding."""
        distinct = sorted(set(texts), key=lambda text: (len(text), text))
        readings: dict[str, EncoderReading] = {}
        with self._reading, torch.inference_mode():
            for start in range(0, len(distinct), BATCH):
                batch = distinct[start : start + BATCH]
                logits = self.graph(*tokenize(self.tokenizer, batch))
                for text, row in zip(batch, logits.numpy().astype(np.float64), strict=True):
                    readings[text] = _reading(row)
        return [readings[text] for text in texts]


def _traced(network: SentenceEncoder, tokenizer: Tokenizer) -> torch.jit.ScriptModule:
    """The network as one graph that runs in C++. Run op by op from Python, each of its
    hundreds of operations gives up the GIL and waits to take it back behind a process's
    other threads: beside four busy threads one note took 10 s to read instead of 5 ms
    (traced: 0.1 s), and under a clinic's load check-ins waited most of their time for
    it. The graph reads notes of any number and length exactly as the network does.
    ``torch.jit.trace`` is deprecated in favour of ``torch.compile`` and ``torch.export``,
    but neither gives one graph run outside Python without a compiler at run time."""
    example = tokenize(tokenizer, ["a note to trace"])
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore", DeprecationWarning)
        return torch.jit.trace(network, example)


def _reading(logits: np.ndarray) -> EncoderReading:
    primaries = np.exp(logits[1:-1] - logits[1:-1].max())
    primaries /= primaries.sum()
    return EncoderReading(
        risk=float(1 / (1 + np.exp(-logits[0]))),
        primaries={p.value: float(primaries[i]) for i, p in enumerate(PRIMARIES)},
        pleasantness=float(2 / (1 + np.exp(-logits[-1])) - 1),
    )


def load_tokenizer(path: Path = TOKENIZER_PATH) -> Tokenizer:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 (a token, not a secret)
    return tokenizer


def tokenize(tokenizer: Tokenizer, texts: Sequence[str]) -> tuple[torch.Tensor, torch.Tensor]:
    encoded = tokenizer.encode_batch(list(texts))
    ids = torch.tensor([e.ids for e in encoded])
    return ids, torch.tensor([e.attention_mask for e in encoded])


def save_encoder(encoder: SentenceEncoder, risk_threshold: float, record: dict, path: Path) -> None:
    """Half precision, and the word table (half the weights) as int8 with one scale a row."""
    state = {name: t.detach().half() for name, t in encoder.state_dict().items()}
    words = encoder.words.weight.detach()
    scale = words.abs().amax(dim=1, keepdim=True).clamp_min(1e-8) / 127
    state["words.weight"] = torch.round(words / scale).to(torch.int8)
    state["words.scale"] = scale.half()
    meta = {
        "version": ENCODER_VERSION,
        "layers": len(encoder.layers),
        "risk_threshold": risk_threshold,
        **record,
    }
    tmp = path.with_suffix(".tmp")
    torch.save({"meta": meta, "state": state}, tmp)
    tmp.replace(path)


def load_encoder(path: Path = ENCODER_PATH, tokenizer_path: Path = TOKENIZER_PATH) -> Encoder:
    try:
        saved = torch.load(path, weights_only=True)
        meta, state = dict(saved["meta"]), dict(saved["state"])
        scale = state.pop("words.scale").float()
        state["words.weight"] = state["words.weight"].float() * scale
        network = SentenceEncoder(int(meta["layers"]))
        network.load_state_dict({name: t.float() for name, t in state.items()})
        tokenizer = load_tokenizer(tokenizer_path)
    except Exception as error:  # noqa: BLE001 (torch and tokenizers raise many kinds; all mean this)
        rebuild = f"{REBUILD} --encoder-base FOLDER"
        raise unreadable(ENCODER_NAME, path, error, rebuild) from error
    check_version(meta, ENCODER_VERSION, ENCODER_NAME, path)
    threshold = float(meta.pop("risk_threshold"))
    reading = for_reading(network)
    return Encoder(reading, tokenizer, threshold, meta, _traced(reading, tokenizer))


def _int8_products_are_fast() -> bool:
    """torch multiplies int8 matrices quickly only with AVX-512 (VNNI); on an AVX2-only
    processor (this project's AMD EPYC machines) ``torch._int_mm`` took 60 ms for a
    64 x 384 by 384 x 1536 product that float32 did in 16: 97.8 % of the encoder's time,
    2,000 notes in about 12 minutes instead of 10 s."""
    return torch.backends.cpu.get_cpu_capability().startswith("AVX512")


class _Int8Linear(nn.Module):
    """A linear layer multiplied in int8 (1.6 times faster than float32 on one core
    with AVX-512): the weights with one scale per output, and each token's input with its
    own scale, so that a note reads the same whatever is batched beside it (one scale for
    a whole batch moved a note's reading by up to 0.4). Where int8 products are slow, the
    same integers are multiplied as float32, which holds them and their sums exactly (up
    to 2**24), so the readings do not depend on the processor."""

    def __init__(self, linear: nn.Linear) -> None:
        super().__init__()
        weight = linear.weight.detach().float()
        scale = weight.abs().amax(1).clamp_min(1e-8) / 127
        quantised = torch.round(weight / scale[:, None]).to(torch.int8)
        self.register_buffer("weight", quantised.t().contiguous())
        self.register_buffer("scale", scale)
        self.register_buffer("bias", linear.bias.detach().float())
        self.integer_products = _int8_products_are_fast()
        if not self.integer_products:
            self.weight = self.weight.float()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        rows = x.reshape(-1, x.shape[-1])
        scale = rows.abs().amax(1, keepdim=True).div_(127).clamp_min_(1e-12)
        quantised = rows.div(scale).round_()
        if self.integer_products:
            products = torch._int_mm(quantised.to(torch.int8), self.weight)
        else:
            products = quantised @ self.weight
        out = torch.addcmul(self.bias, products.float().mul_(scale), self.scale)
        return out.view(*x.shape[:-1], -1)


def for_reading(network: SentenceEncoder) -> SentenceEncoder:
    """The network with its layers' linear parts in int8 (the embeddings and the head
    stay in float32). Against float32, on 2,000 blind-set notes: risk readings within
    0.06 for 99 notes in 100, 0.11 at most."""
    for layer in network.layers:
        for name in _INT8_PARTS:
            setattr(layer, name, _Int8Linear(getattr(layer, name)))
    return network.eval()


@loaded_once()
def shipped_encoder() -> Encoder:
    """The shipped encoder, reading with the process's torch threads
    (``config.torch_threads``)."""
    torch.set_num_threads(torch_threads())
    return load_encoder()
