"""The bench's new figures on a tiny untrained form generator: they run and they measure."""

from dataclasses import replace

import torch
from torch.nn import functional as F  # noqa: N812

from tests.art.test_render import single
from therapy_app.art import form_evaluation, form_judge
from therapy_app.art.form_judge import FormJudge
from therapy_app.art.judges import Judge
from therapy_app.art.render import FORM_KINDS, render
from therapy_app.art.sampler import Painter


def test_strong_edges_fall_when_a_picture_is_blurred() -> None:
    crisp = render(single("anger").repeat(4, 1), [1, 2, 3, 4], 256)
    blurred = F.interpolate(F.interpolate(crisp, size=64, mode="area"), size=256, mode="bilinear")
    assert (
        form_evaluation.strong_edges(blurred) < 0.85 * form_evaluation.strong_edges(crisp)
    ).all()


def test_form_bench_figures(tiny_forms_weights) -> None:
    torch.manual_seed(0)
    painter = Painter.load(tiny_forms_weights)
    edges = form_evaluation.edge_ratios(painter, 4, sizes=(128,))
    assert 0.5 < edges["strong_edge_ratio_128px"] < 2  # the renderer's own forms, untrained
    judged = form_evaluation.judged_at_256(painter, FormJudge().eval(), 8)
    assert set(judged["form_fidelity_r"]) == set(FORM_KINDS)
    assert 0 <= judged["precision_recall_256px"]["precision"] <= 1
    space = form_evaluation.latent_space(painter, Judge("colour").eval())
    steps = list(space["neighbour_layout_distance_by_step"].values())
    assert steps[0] < steps[-1]  # a small step moves a picture less than a large one
    assert 0 <= space["morph_midpoint_valence_between_ends"] <= 1


def test_form_fidelity_per_condition_follows_what_the_condition_asks(tiny_forms_weights) -> None:
    """The shipped 256 px judge reads fields, glows and circles from an untrained form
    generator (the renderer's own forms) in step with the renders of the same conditions,
    and the renders agree with themselves; a painter given other conditions does not."""
    painter = Painter.load(tiny_forms_weights)
    judge = form_judge.load(form_judge.SHIPPED)
    fidelity = form_evaluation.fidelity_by_condition(painter, judge, 8, each=3)
    for kind in ("fields", "glows", "circles"):
        assert fidelity["renders"][kind] > 0.6
        assert fidelity["generated"][kind] > 0.5
    shuffled = form_evaluation.fidelity_by_condition(_OtherConditions(painter), judge, 8, each=3)
    assert shuffled["generated"]["glows"] < fidelity["generated"]["glows"] - 0.3


class _OtherConditions:
    """Paints each spec with the next spec's condition: forms that ignore what was asked."""

    def __init__(self, painter: Painter) -> None:
        self.painter = painter

    def paint(self, specs):
        moods = [spec.conditioning for spec in specs]
        moods = moods[len(moods) // 2 :] + moods[: len(moods) // 2]
        return self.painter.paint(
            [replace(spec, conditioning=mood) for spec, mood in zip(specs, moods, strict=True)]
        )
