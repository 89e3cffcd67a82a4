import pytest
import torch

from therapy_app.art import checkpoint
from therapy_app.art.networks import Generator, NetworkConfig

TINY = NetworkConfig(channels=(32, 24, 16, 12, 8, 8), d_channels=(8, 12, 16, 24, 32, 32))


@pytest.fixture(scope="session")
def tiny_weights(tmp_path_factory):
    torch.manual_seed(0)
    path = tmp_path_factory.mktemp("model") / "generator.pt"
    checkpoint.export(Generator(TINY).eval(), path, {"iterations": 0, "note": "untrained"})
    return path


@pytest.fixture(scope="session")
def tiny_forms_weights(tmp_path_factory):
    from therapy_app.art.forms import FormConfig, FormGenerator

    torch.manual_seed(0)
    path = tmp_path_factory.mktemp("forms") / "generator.pt"
    net = FormGenerator(FormConfig(hidden=32)).eval()
    checkpoint.export(net, path, {"iterations": 0, "note": "untrained"})
    return path
