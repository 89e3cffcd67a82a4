"""The shipped generator: fp16 state dict + JSON record (config, versions, sha256, metrics).

Loaded with ``torch.load(weights_only=True)``: no pickled code ever runs.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import torch

from therapy_app.art.conditioning import VERSION as CONDITIONING_VERSION
from therapy_app.art.forms import FormConfig, FormGenerator
from therapy_app.art.networks import Generator, NetworkConfig
from therapy_app.fileio import atomic_write_bytes

FORMAT_VERSION = 1
# The trained models the package ships (every file here is package data: see pyproject.toml).
TRAINED = Path(__file__).with_name("trained")


class CheckpointError(Exception):
    """The checkpoint is missing, damaged or for another version."""


def export(
    generator: Generator | FormGenerator, weights_path: Path, record: dict[str, object]
) -> str:
    """Write weights (fp16) and their JSON record; returns the model version (sha256 prefix)."""
    state = {
        k: v.detach().to(torch.float16) if v.is_floating_point() else v
        for k, v in generator.state_dict().items()
    }
    buffer = io.BytesIO()
    torch.save(state, buffer)
    payload = buffer.getvalue()
    digest = hashlib.sha256(payload).hexdigest()
    document = {
        **record,
        "format_version": FORMAT_VERSION,
        "conditioning_version": CONDITIONING_VERSION,
        "network": generator.config.as_json(),
        "sha256": digest,
        "model_version": digest[:12],
    }
    atomic_write_bytes(weights_path, payload, mode=0o644)
    atomic_write_bytes(
        record_path(weights_path), json.dumps(document, indent=2).encode() + b"\n", mode=0o644
    )
    return digest[:12]


def attach_metrics(weights_path: Path, metrics: dict[str, object]) -> None:
    """Keep a benchmark's figures in the weights' record; the weights stay as they are."""
    path = record_path(weights_path)
    document = {**json.loads(path.read_text(encoding="utf-8")), "metrics": metrics}
    atomic_write_bytes(path, json.dumps(document, indent=2).encode() + b"\n", mode=0o644)


def record_path(weights_path: Path) -> Path:
    return weights_path.with_suffix(".json")


def _network(config: dict[str, object]) -> Generator | FormGenerator:
    """The record's network, empty: forms where it says so, else the first (pixel) kind."""
    if config.get("kind") == "forms":
        return FormGenerator(FormConfig.from_json(config))
    return Generator(NetworkConfig.from_json(config))


def load(weights_path: Path) -> tuple[Generator | FormGenerator, dict[str, object]]:
    """The generator in eval mode (float32) and its record; CheckpointError if unusable."""
    try:
        record = json.loads(record_path(weights_path).read_text(encoding="utf-8"))
        payload = weights_path.read_bytes()
    except (OSError, ValueError) as error:
        msg = f"no usable art model at {weights_path} ({error.__class__.__name__})"
        raise CheckpointError(msg) from None
    if hashlib.sha256(payload).hexdigest() != record.get("sha256"):
        msg = f"{weights_path} does not match its record (damaged or replaced)"
        raise CheckpointError(msg)
    if record.get("conditioning_version") != CONDITIONING_VERSION:
        msg = f"{weights_path} was trained for another conditioning version"
        raise CheckpointError(msg)
    try:
        net = _network(record["network"])
        state = torch.load(io.BytesIO(payload), weights_only=True)
        net.load_state_dict(
            {k: v.float() if v.is_floating_point() else v for k, v in state.items()}
        )
    except (RuntimeError, KeyError, TypeError, ValueError) as error:
        msg = f"{weights_path} could not be loaded: {error}"
        raise CheckpointError(msg) from None
    return net.eval().requires_grad_(False), record
