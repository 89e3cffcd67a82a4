"""The procedural emotion renderer: conditioning vector + seed -> abstract painting.

Grounding (DESIGN section 4): brightness and saturation from valence/arousal after
Valdez & Mehrabian (1994); Plutchik's colours; angular forms for negative, aroused
moods and curves for pleasant ones (Bar & Neta 2006); calm as long horizontal curves
and soft colour fields, sadness as downward drift and a heavy lower half, high arousal
as dense jagged marks, dominance as larger, bolder, deeper-coloured forms. The seed picks the
composition (layout, focal point, which forms and where), not just the noise.

Everything is batched in torch and resolution-independent, so the same call paints
64 px training images and 512 px pictures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from therapy_app.art.conditioning import (
    AROUSAL,
    DOMINANCE,
    EMOTION_RGB,
    EMOTIONS,
    INTENSITY,
    VALENCE,
    check,
)

FIELDS, GLOWS, CIRCLES, SHARDS, STROKES, MARKS = 3, 4, 5, 6, 8, 16
FORM_KINDS = ("fields", "glows", "circles", "shards", "strokes", "marks")
SADNESS, FEAR, DISGUST, ANGER = (EMOTIONS.index(e) for e in ("sadness", "fear", "disgust", "anger"))


@dataclass
class Mood:
    """Per-image amounts, each (B, 1, 1) so they broadcast over pixels."""

    valence: torch.Tensor
    arousal: torch.Tensor
    dominance: torch.Tensor
    intensity: torch.Tensor
    calm: torch.Tensor
    angular: torch.Tensor
    heavy: torch.Tensor
    pleasant: torch.Tensor

    @classmethod
    def of(cls, c: torch.Tensor) -> Mood:
        col = lambda i: c[:, i].view(-1, 1, 1)  # noqa: E731
        v, a, d = col(VALENCE), col(AROUSAL), col(DOMINANCE)
        hostile = col(ANGER) + col(FEAR) + 0.7 * col(DISGUST)
        return cls(
            valence=v,
            arousal=a,
            dominance=d,
            intensity=col(INTENSITY),
            calm=((1 - a) / 2).clamp(0, 1),
            angular=(0.6 * (-v).clamp(min=0) * (a + 1) / 2 + 0.6 * hostile).clamp(0, 1),
            heavy=(col(SADNESS) + 0.5 * (-v).clamp(min=0) * (1 - a) / 2).clamp(0, 1),
            pleasant=v.clamp(min=0),
        )


@dataclass
class Layout:
    """The seed's composition: a focal point and one of four arrangements."""

    fx: torch.Tensor
    fy: torch.Tensor
    kind: torch.Tensor  # (B, 4, 1, 1) one-hot: centred, diagonal, horizon, scattered
    direction: torch.Tensor

    @classmethod
    def of(cls, draws: Draws, mood: Mood) -> Layout:
        p = draws.take(4).view(-1, 4, 1, 1)
        fx = 0.3 + 0.4 * p[:, 0]
        fy = (0.3 + 0.4 * p[:, 1] + 0.2 * mood.heavy).clamp(0.2, 0.85)
        kind = draws.bin(p[:, 2, 0, 0], 4)
        return cls(fx, fy, kind.view(-1, 4, 1, 1), torch.sign(p[:, 3] - 0.5))

    def place(self, a: torch.Tensor, b: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        t, s = a - 0.5, b - 0.5
        xs = torch.stack(
            [self.fx + 0.6 * t, self.fx + 0.9 * t, self.fx + 1.1 * t, 0.1 + 0.8 * a], dim=1
        )
        ys = torch.stack(
            [
                self.fy + 0.5 * s,
                self.fy + self.direction * 0.8 * t + 0.12 * s,
                self.fy + 0.12 * s,
                0.1 + 0.8 * b,
            ],
            dim=1,
        )
        return (xs * self.kind).sum(1), (ys * self.kind).sum(1)


def _grid(size: int, batch: int, device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    axis = (torch.arange(size, dtype=torch.float32, device=device) + 0.5) / size
    y, x = torch.meshgrid(axis, axis, indexing="ij")
    return x.expand(batch, size, size), y.expand(batch, size, size)


def _adjust_colours(rgb: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
    """Valdez & Mehrabian: brightness and saturation follow pleasure and arousal; their
    dominance = -.76 B + .32 S gives the signs for control (darker, more saturated)."""
    p, a, d = c[:, VALENCE], c[:, AROUSAL], c[:, DOMINANCE]
    brightness = (0.58 + 0.22 * (1.244 * p - 0.456 * a) / 1.7 - 0.25 * d).clamp(0.12, 0.95)
    saturation = (
        0.45 + 0.45 * (0.643 * p + 1.431 * a) / 2.074 + 0.35 * c[:, INTENSITY] - 0.15 + 0.45 * d
    )
    saturation = saturation.clamp(0.15, 1.2)
    view = lambda t: t.view(-1, *([1] * (rgb.ndim - 1)))  # noqa: E731
    weights = torch.tensor([0.3, 0.59, 0.11], device=rgb.device)
    luma = (rgb * weights.view(*([1] * (rgb.ndim - 1)), 3)).sum(-1, True)
    rgb = luma + (rgb - luma) * view(saturation)
    luma = luma.clamp_min(0.05)
    return (rgb * (view(brightness) / luma) ** 0.6).clamp(0, 1)


TONES = torch.tensor([1.0, 0.42, 1.3, 0.7, 1.55])  # base, deep shade, light, mid, pale


def _palette(c: torch.Tensor, draws: Draws, k: int = 5) -> torch.Tensor:
    """(B, k, 3): the emotions' colours in proportion to their weights, in several tones."""
    weights = c[:, : len(EMOTIONS)].clamp_min(0) + 1e-4
    cumulative = (weights / weights.sum(1, keepdim=True)).cumsum(1)
    base = draws.choose(cumulative, draws.take(k), EMOTION_RGB.to(c.device))
    tones = draws.arrange(draws.take(k), TONES.to(c.device)).unsqueeze(-1)
    toned = torch.where(tones > 1, base + (1 - base) * (tones - 1), base * tones)
    jitter = (draws.take(k, 3) - 0.5) * 0.1
    return _adjust_colours((toned + jitter).clamp(0, 1), c)


class Draws:
    """All of an image's numbers in 0..1, handed out in order, and the renderer's discrete
    choices made from them (which form, which colour, which arrangement).

    Seeded draws come at once from each image's seed: one draw per image keeps rendering
    fast and makes a picture depend only on its own seed and vector, never on what else is
    in the batch. A learned generator hands in its own numbers instead (art.forms).
    """

    COUNT = 1024

    def __init__(self, values: torch.Tensor) -> None:
        self._values = values
        self._used = 0

    @classmethod
    def seeded(cls, gens: list[torch.Generator], count: int = COUNT) -> Draws:
        return cls(torch.stack([torch.rand(count, generator=g) for g in gens]))

    @property
    def used(self) -> int:
        return self._used

    def take(self, *shape: int) -> torch.Tensor:
        count = math.prod(shape)
        if self._used + count > self._values.shape[1]:
            msg = f"asked for {self._used + count} numbers, {self._values.shape[1]} were given"
            raise ValueError(msg)
        block = self._values[:, self._used : self._used + count]
        self._used += count
        return block.reshape(-1, *shape)

    def above(self, value: torch.Tensor, threshold: torch.Tensor | float) -> torch.Tensor:
        return (value > threshold).float()

    def below(self, value: torch.Tensor, threshold: torch.Tensor | float) -> torch.Tensor:
        return (value < threshold).float()

    def either(
        self, value: torch.Tensor, threshold: float, if_above: torch.Tensor, otherwise: torch.Tensor
    ) -> torch.Tensor:
        return torch.where(value > threshold, if_above, otherwise)

    def bin(self, u: torch.Tensor, count: int) -> torch.Tensor:
        """(B,) -> (B, count) one-hot: which of count equal bins of 0..1 holds u."""
        return torch.nn.functional.one_hot((u * count).long().clamp(max=count - 1), count).float()

    def choose(
        self, cumulative: torch.Tensor, u: torch.Tensor, table: torch.Tensor
    ) -> torch.Tensor:
        """Rows of table picked by u (B, k) from each image's cumulative weights (B, E)."""
        picks = torch.searchsorted(cumulative, u.contiguous()).clamp(max=len(table) - 1)
        return table[picks]

    def arrange(self, u: torch.Tensor, table: torch.Tensor) -> torch.Tensor:
        """table (k,) in the order that sorts u (B, k): a shuffle of the table per image."""
        return table[torch.argsort(u, dim=1)]


class Flaws:
    """A hand's mistakes on the marks, growing with amount (0..1): a wobble in every line,
    colour layers printed a little out of register, strokes dropped or gone over twice,
    shapes torn across. All its numbers are drawn up front, so the same picture gets the
    same flaws at every size."""

    WOBBLE = 0.012  # of the side, at amount 1
    # of the side, at amount 1: 5 px at 1024. At 0.01 the colour judge read the mood in only
    # 71% as many rough pictures as clean ones (0.89 at 0.005; the other flaws cost 3%).
    REGISTER = 0.005

    def __init__(self, amount: float, draws: Draws) -> None:
        self.amount = amount
        self._wobble = draws.take(2, 10, 10) - 0.5
        self._register = (draws.take(2, 2) - 0.5) * 2
        self._strokes = draws.take(STROKES, 2)
        self._tears = draws.take(CIRCLES + SHARDS, 4)
        self._stroke = 0

    def __bool__(self) -> bool:
        return self.amount > 0

    def wobble(self, x: torch.Tensor, y: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        field = torch.nn.functional.interpolate(
            self._wobble, size=x.shape[-2:], mode="bicubic", align_corners=False
        )
        reach = 2 * self.WOBBLE * self.amount
        return x + reach * field[:, 0], y + reach * field[:, 1]

    def misregister(self, canvas: torch.Tensor) -> torch.Tensor:
        """Red and blue layers shifted a little against green, each its own way."""
        layers = [canvas[:, 1:2]]
        for channel, shift in ((0, self._register[:, 0]), (2, self._register[:, 1])):
            theta = torch.zeros(len(canvas), 2, 3, device=canvas.device)
            theta[:, 0, 0] = theta[:, 1, 1] = 1
            theta[:, :, 2] = shift * 2 * self.REGISTER * self.amount
            plane = canvas[:, channel : channel + 1]
            grid = torch.nn.functional.affine_grid(theta, list(plane.shape), align_corners=False)
            layers.insert(
                channel,
                torch.nn.functional.grid_sample(
                    plane, grid, padding_mode="border", align_corners=False
                ),
            )
        return torch.cat(layers, dim=1)

    def kept(self, stroke: int) -> torch.Tensor:
        """(B, 1, 1): 0 where the hand left this stroke out."""
        return (self._strokes[:, stroke, 0] >= 0.3 * self.amount).float().view(-1, 1, 1)

    def doubled(self, stroke: int, width: torch.Tensor) -> torch.Tensor:
        """How far the second pass of this stroke lies from the first (0: no second pass)."""
        again = (self._strokes[:, stroke, 1] < 0.35 * self.amount).float().view(-1, 1, 1)
        return again * (2.5 * width + 0.01)

    def tear(
        self,
        shape: int,
        x: torch.Tensor,
        y: torch.Tensor,
        cx: torch.Tensor,
        cy: torch.Tensor,
        reach: torch.Tensor,
        size: int,
    ) -> torch.Tensor:
        """A jagged gap across some shapes: 0 in the gap, 1 elsewhere."""
        u = self._tears[:, shape].view(-1, 4, 1, 1)
        torn = (u[:, 0] < 0.5 * self.amount).float()
        angle = u[:, 1] * math.pi
        px, py = cx + (u[:, 2] - 0.5) * reach * 0.6, cy + (u[:, 3] - 0.5) * reach * 0.6
        across = (x - px) * torch.sin(angle) - (y - py) * torch.cos(angle)
        along = (x - px) * torch.cos(angle) + (y - py) * torch.sin(angle)
        gap = 0.06 * reach + 1.5 / size
        jag = gap * (2 * torch.abs(2 * ((along / (3 * gap)) % 1) - 1) - 1)
        return 1 - torn * _soft_step(gap - (across + jag).abs(), 1.0 / size)


def _blend(canvas: torch.Tensor, colour: torch.Tensor, alpha: torch.Tensor) -> torch.Tensor:
    """canvas (B,3,H,W), colour (B,3), alpha (B,H,W)."""
    alpha = alpha.clamp(0, 1).unsqueeze(1)
    return canvas * (1 - alpha) + colour[:, :, None, None] * alpha


Box = tuple[slice, slice] | None  # pixel rows and columns a form can reach; None: all
EMPTY = (slice(0, 0), slice(0, 0))
WOBBLE_MARGIN = 0.03  # of the side: more than a hand's wobble moves any pixel


def _window(xs: list[torch.Tensor], ys: list[torch.Tensor], size: int, margin: float) -> Box:
    """The pixels within margin of the given points' bounding box, over the whole batch.
    Only when painting: while learning, every form covers the whole canvas (None)."""
    if torch.is_grad_enabled():
        return None
    left = min(float(t.min()) for t in xs) - margin
    right = max(float(t.max()) for t in xs) + margin
    top = min(float(t.min()) for t in ys) - margin
    bottom = max(float(t.max()) for t in ys) + margin
    cols = slice(max(0, math.floor(left * size)), min(size, math.ceil(right * size) + 1))
    rows = slice(max(0, math.floor(top * size)), min(size, math.ceil(bottom * size) + 1))
    if cols.start >= cols.stop or rows.start >= rows.stop:
        return EMPTY
    return rows, cols


def _stroke_window(
    angle: torch.Tensor,
    offset: torch.Tensor,
    amplitude: torch.Tensor,
    drift: torch.Tensor,
    start: torch.Tensor,
    length: torch.Tensor,
    size: int,
    flaws: Flaws | None,
) -> Box:
    """Where a stroke can reach: its rotated rectangle (along: its length and soft ends;
    across: offset, wave, downward drift, the widest brush and a doubled pass)."""
    first, last = start - 0.12, start + length + 0.12
    reach = drift * torch.maximum(first.abs(), last.abs())
    side = amplitude + reach + 2 * 0.045 + 2.0 / size + (0.15 if flaws else 0.0)
    corners_x, corners_y = [], []
    for u in (first, last):
        for v in (offset - side, offset + side):
            corners_x.append(0.5 + u * torch.cos(angle) - v * torch.sin(angle))
            corners_y.append(0.5 + u * torch.sin(angle) + v * torch.cos(angle))
    return _window(corners_x, corners_y, size, WOBBLE_MARGIN)


def _crop(grid: torch.Tensor, box: Box) -> torch.Tensor:
    return grid if box is None else grid[:, box[0], box[1]]


def _blend_in(
    canvas: torch.Tensor, colour: torch.Tensor, alpha: torch.Tensor, box: Box
) -> torch.Tensor:
    """_blend within box only (a new canvas: the caller's stays as it was)."""
    if box is None:
        return _blend(canvas, colour, alpha)
    canvas = canvas.clone()
    canvas[:, :, box[0], box[1]] = _blend(canvas[:, :, box[0], box[1]], colour, alpha)
    return canvas


def _nothing(amount: torch.Tensor) -> bool:
    """A form no picture shows is skipped when painting (a large saving at 1024 px); while
    learning, every form stays in the graph."""
    return not torch.is_grad_enabled() and not bool(amount.any())


def _soft_step(value: torch.Tensor, edge: torch.Tensor | float) -> torch.Tensor:
    return torch.sigmoid(value / edge)


def render(
    c: torch.Tensor,
    seeds: list[int],
    size: int = 64,
    tally: dict[str, torch.Tensor] | None = None,
) -> torch.Tensor:
    """Paint one image per (vector, seed): (B, 3, size, size) in 0..1. Deterministic.
    tally: see paint."""
    c = check(c.float())
    if len(seeds) != c.shape[0]:
        msg = "need one seed per conditioning vector"
        raise ValueError(msg)
    draws = Draws.seeded([torch.Generator().manual_seed(int(seed)) for seed in seeds])
    return paint(c, draws, size, tally=tally)


def paint(
    c: torch.Tensor,
    draws: Draws,
    size: int,
    flaws: Flaws | None = None,
    tally: dict[str, torch.Tensor] | None = None,
) -> torch.Tensor:
    """Paint (B, 3, size, size) in 0..1 from conditioning and numbers: the same forms at
    every size, edges about one pixel wide. flaws: a hand's mistakes (none when None).
    tally: filled with how much each form kind changed each picture (mean |change|)."""
    batch = c.shape[0]
    mood = Mood.of(c)
    x, y = _grid(size, batch, c.device)
    if flaws:
        x, y = flaws.wobble(x, y)
    palette = _palette(c, draws)
    layout = Layout.of(draws, mood)
    scale = 0.45 + 1.4 * (mood.dominance + 1) / 2

    layers = {
        "fields": lambda canvas: _fields(canvas, x, y, palette, mood, draws),
        "glows": lambda canvas: _glows(canvas, x, y, palette, mood, draws, layout, scale),
        "circles": lambda canvas: _circles(
            canvas, x, y, palette, mood, draws, layout, scale, size, flaws
        ),
        "shards": lambda canvas: _shards(
            canvas, x, y, palette, mood, draws, layout, scale, size, flaws
        ),
        "strokes": lambda canvas: _strokes(canvas, x, y, palette, mood, draws, size, flaws),
        "marks": lambda canvas: _marks(canvas, x, y, palette, mood, draws, size),
    }
    canvas = _background(x, y, palette, mood, draws)
    for kind, layer in layers.items():
        before, canvas = canvas, layer(canvas)
        if tally is not None:
            tally[kind] = (canvas - before).abs().mean((1, 2, 3))
    canvas = _grain(canvas, mood, draws, size)
    if flaws:
        canvas = flaws.misregister(canvas)
    return canvas.clamp(0, 1)


def _background(
    x: torch.Tensor, y: torch.Tensor, palette: torch.Tensor, mood: Mood, draws: Draws
) -> torch.Tensor:
    tilt = (draws.take(1).view(-1, 1, 1) - 0.5) * 0.8
    t = (y + tilt * (x - 0.5)).clamp(0, 1)
    top, bottom = palette[:, 0], palette[:, 1] * 0.8
    canvas = top[:, :, None, None] * (1 - t[:, None]) + bottom[:, :, None, None] * t[:, None]
    light = 0.85 + 0.3 * (mood.valence + 1) / 2
    weight = 1 - 0.55 * mood.heavy * y  # sadness: a darker, heavier lower half
    return canvas * (light * weight).unsqueeze(1)


def _fields(
    canvas: torch.Tensor,
    x: torch.Tensor,
    y: torch.Tensor,
    palette: torch.Tensor,
    mood: Mood,
    draws: Draws,
) -> torch.Tensor:
    """Rothko-like soft colour fields, stacked; strongest when calm."""
    params = draws.take(FIELDS, 4)
    edge = (0.015 + 0.06 * mood.calm).squeeze(-1).squeeze(-1)
    for i in range(FIELDS):
        p = params[:, i].view(-1, 4, 1, 1)
        top = 0.06 + 0.33 * i + 0.1 * p[:, 0]
        height = 0.16 + 0.16 * p[:, 1] + 0.1 * mood.heavy * i
        margin = 0.05 + 0.1 * p[:, 2]
        e = edge.view(-1, 1, 1)
        mask = (
            _soft_step(x - margin, e)
            * _soft_step(1 - margin - x, e)
            * _soft_step(y - top, e)
            * _soft_step(top + height - y, e)
        )
        alpha = mask * (0.15 + 0.6 * mood.calm) * (0.5 + 0.5 * p[:, 3])
        canvas = _blend(canvas, palette[:, (i + 2) % palette.shape[1]], alpha)
    return canvas


def _glows(
    canvas: torch.Tensor,
    x: torch.Tensor,
    y: torch.Tensor,
    palette: torch.Tensor,
    mood: Mood,
    draws: Draws,
    layout: Layout,
    scale: torch.Tensor,
) -> torch.Tensor:
    """Turner/Monet diffuse light for pleasant moods: large soft luminous areas."""
    params = draws.take(GLOWS, 4)
    for i in range(GLOWS):
        p = params[:, i].view(-1, 4, 1, 1)
        cx, cy = layout.place(p[:, 0], p[:, 1])
        cy = cy - 0.1 * mood.pleasant
        radius = (0.12 + 0.22 * p[:, 2]) * scale
        falloff = torch.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * radius**2))
        colour = (palette[:, (i + 1) % palette.shape[1]] * 0.5 + 0.55).clamp(0, 1)
        amount = (0.15 + 0.8 * mood.pleasant) * (1 - 0.4 * mood.angular) * (0.5 + 0.5 * p[:, 3])
        canvas = _blend(canvas, colour, falloff * amount)
    return canvas


def _circles(
    canvas: torch.Tensor,
    x: torch.Tensor,
    y: torch.Tensor,
    palette: torch.Tensor,
    mood: Mood,
    draws: Draws,
    layout: Layout,
    scale: torch.Tensor,
    size: int,
    flaws: Flaws | None = None,
) -> torch.Tensor:
    """Kandinsky's round forms: discs and rings, for pleasant and gentle moods."""
    params = draws.take(CIRCLES, 6)
    edge = 1.2 / size + 0.01 * mood.calm
    for i in range(CIRCLES):
        p = params[:, i].view(-1, 6, 1, 1)
        cx, cy = layout.place(p[:, 0], p[:, 1])
        radius = (0.05 + 0.2 * p[:, 2] ** 1.5) * scale
        amount = (
            (1 - mood.angular) * (0.4 + 0.55 * (mood.valence + 1) / 2) * draws.above(p[:, 5], 0.2)
        )
        if _nothing(amount):
            continue
        reach = radius + 0.032 + 12 * edge  # a ring's outer edge; the soft edge below 1e-5
        box = _window([cx - reach, cx + reach], [cy - reach, cy + reach], size, WOBBLE_MARGIN)
        if box == EMPTY:
            continue
        xs, ys = _crop(x, box), _crop(y, box)
        dist = torch.sqrt((xs - cx) ** 2 + (ys - cy) ** 2)
        disc = _soft_step(radius - dist, edge)
        ring = _soft_step(0.012 + 0.02 * p[:, 3] - (dist - radius).abs(), edge)
        shape = draws.either(p[:, 4], 0.65, ring, disc)
        if flaws:
            shape = shape * flaws.tear(i, xs, ys, cx, cy, radius, size)
        colour = palette[:, (i + 3) % palette.shape[1]]
        canvas = _blend_in(canvas, colour, shape * amount * 0.9, box)
    return canvas


def _shards(
    canvas: torch.Tensor,
    x: torch.Tensor,
    y: torch.Tensor,
    palette: torch.Tensor,
    mood: Mood,
    draws: Draws,
    layout: Layout,
    scale: torch.Tensor,
    size: int,
    flaws: Flaws | None = None,
) -> torch.Tensor:
    """Sharp triangles and splinters: threat and hostility (negative valence x arousal)."""
    params = draws.take(SHARDS, 8)
    edge = 0.8 / size
    for i in range(SHARDS):
        p = params[:, i].view(-1, 8, 1, 1)
        cx, cy = layout.place(p[:, 0], p[:, 1])
        reach = (0.12 + 0.3 * p[:, 2]) * scale
        spin = p[:, 3] * 2 * math.pi
        amount = (
            (mood.angular * 1.3).clamp(max=1) * (0.8 + 0.2 * p[:, 5]) * draws.above(p[:, 6], 0.15)
        )
        if _nothing(amount):
            continue
        thin = 0.25 + 0.9 * p[:, 4] * (1 - mood.arousal.clamp(min=0) * 0.6)  # splinters
        corners = [
            (
                cx + reach * torch.cos(spin + k * 2.4) * (thin if k else 1.0),
                cy + reach * torch.sin(spin + k * 2.4) * (thin if k else 1.0),
            )
            for k in range(3)
        ]
        inside = torch.ones_like(x)
        for (ax, ay), (bx, by) in zip(corners, corners[1:] + corners[:1], strict=True):
            cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax)
            orient = torch.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) + 1e-6
            inside = inside * _soft_step(cross * orient / (reach + 1e-3), edge)
        if flaws:
            inside = inside * flaws.tear(CIRCLES + i, x, y, cx, cy, reach, size)
        colour = palette[:, (i + 1) % palette.shape[1]] * (0.55 + 0.6 * p[:, 7, 0, 0, None])
        canvas = _blend(canvas, colour.clamp(0, 1), inside * amount)
    return canvas


def _strokes(
    canvas: torch.Tensor,
    x: torch.Tensor,
    y: torch.Tensor,
    palette: torch.Tensor,
    mood: Mood,
    draws: Draws,
    size: int,
    flaws: Flaws | None = None,
) -> torch.Tensor:
    """Lines: long horizontal curves when calm, jagged zigzags when aroused, drips when sad."""
    params = draws.take(STROKES, 8)
    # Aroused and unpleasant: jagged; aroused and pleasant: lively but still curved.
    jagged = ((mood.arousal + 0.2) / 1.2).clamp(0, 1) * (1 - 0.8 * mood.pleasant)
    for i in range(STROKES):
        p = params[:, i].view(-1, 8, 1, 1)
        active = (i < 2 + 6 * jagged + 2 * mood.heavy).float()
        amount = (0.6 + 0.35 * mood.intensity) * active
        if flaws:
            amount = amount * flaws.kept(i)
        if _nothing(amount):
            continue
        drip = draws.below(p[:, 0], mood.heavy * 0.8)  # sadness: vertical, falling
        angle = (1 - drip) * (p[:, 1] - 0.5) * math.pi * (0.15 + 0.85 * jagged) + drip * (
            math.pi / 2
        )
        offset = (p[:, 2] - 0.5) * 0.9
        amplitude = 0.02 + 0.06 * p[:, 6] + 0.05 * jagged
        drift = 0.25 * mood.heavy * (1 - drip)  # sadness pulls lines downward
        start = (p[:, 1] - 0.5) * 0.8 - 0.1
        length = 0.35 + 0.6 * p[:, 0] * (1 - drip) + 0.5 * drip * p[:, 4]
        box = _stroke_window(angle, offset, amplitude, drift, start, length, size, flaws)
        if box == EMPTY:
            continue
        xs, ys = _crop(x, box), _crop(y, box)
        u = (xs - 0.5) * torch.cos(angle) + (ys - 0.5) * torch.sin(angle)
        v = -(xs - 0.5) * torch.sin(angle) + (ys - 0.5) * torch.cos(angle)
        freq = 2 + 4 * p[:, 3] + 22 * jagged * p[:, 4]
        phase = p[:, 5] * 2 * math.pi
        smooth = torch.sin(freq * u * math.pi + phase)
        zigzag = 2 * torch.abs(2 * ((freq * u / 2 + phase / 6.283) % 1) - 1) - 1
        wave = (1 - jagged) * smooth + jagged * zigzag
        curve = offset + amplitude * wave + drift * u
        progress = ((u - start) / length).clamp(0, 1)
        taper = 0.35 + 0.65 * torch.sin(progress * math.pi)  # a brush lifts at both ends
        width = (
            0.006 + 0.022 * p[:, 7] * (0.4 + 1.2 * (mood.dominance + 1) / 2) * (1 - 0.5 * jagged)
        ) * taper + 1.0 / size
        along = _soft_step(u - start, 0.015) * _soft_step(start + length - u, 0.015)
        alpha = torch.exp(-(((v - curve) / width) ** 4)) * along
        if flaws:  # a doubled stroke: the hand went over it again, a little off
            again = torch.exp(-(((v - curve - flaws.doubled(i, width)) / width) ** 4)) * along
            alpha = torch.maximum(alpha, again)
        colour = palette[:, (i + 4) % palette.shape[1]] * (0.6 + 0.5 * (p[:, 4, 0, 0, None]))
        canvas = _blend_in(canvas, colour.clamp(0, 1), alpha * amount, box)
    return canvas


def _marks(
    canvas: torch.Tensor,
    x: torch.Tensor,
    y: torch.Tensor,
    palette: torch.Tensor,
    mood: Mood,
    draws: Draws,
    size: int,
) -> torch.Tensor:
    """Dense gestural dabs and splatter for high energy (action painting)."""
    params = draws.take(MARKS, 5)
    energy = ((mood.arousal - 0.05) / 0.95).clamp(0, 1)
    for i in range(MARKS):
        p = params[:, i].view(-1, 5, 1, 1)
        amount = energy * draws.below(p[:, 4], energy * 1.2)
        if _nothing(amount):
            continue
        cx, cy = p[:, 0], p[:, 1]
        stretch = 1 + 4 * p[:, 2]
        theta = p[:, 3] * math.pi
        radius = 0.008 + 0.02 * p[:, 4] + 1.0 / size
        reach = 3 * radius * stretch  # the dab is below 1e-4 beyond this
        box = _window([cx - reach, cx + reach], [cy - reach, cy + reach], size, WOBBLE_MARGIN)
        if box == EMPTY:
            continue
        xs, ys = _crop(x, box), _crop(y, box)
        du = (xs - cx) * torch.cos(theta) + (ys - cy) * torch.sin(theta)
        dv = -(xs - cx) * torch.sin(theta) + (ys - cy) * torch.cos(theta)
        dab = _soft_step(1 - torch.sqrt((du / stretch) ** 2 + dv**2) / radius, 0.2)
        canvas = _blend_in(canvas, palette[:, i % palette.shape[1]], dab * amount, box)
    return canvas


def _grain(canvas: torch.Tensor, mood: Mood, draws: Draws, size: int) -> torch.Tensor:
    """Paper texture: soft low-frequency mottling plus fine grain, rougher when aroused."""
    coarse = draws.take(1, 8, 8)
    coarse = torch.nn.functional.interpolate(
        coarse, size=(size, size), mode="bicubic", align_corners=False
    )
    fine = _hash_noise(size, draws.take(1)).unsqueeze(1)
    amount = (0.03 + 0.05 * (mood.arousal + 1) / 2).unsqueeze(1)
    return canvas * (1 + amount * (coarse - 0.5) * 1.5) + amount * (fine - 0.5) * 0.6


def _hash_noise(size: int, offset: torch.Tensor) -> torch.Tensor:
    """Per-pixel grain at any size from one number per image (no size-dependent draws)."""
    axis = torch.arange(size, dtype=torch.float32, device=offset.device)
    row, col = torch.meshgrid(axis, axis, indexing="ij")
    phase = row * 12.9898 + col * 78.233 + offset.view(-1, 1, 1) * 437.585
    return torch.frac(torch.sin(phase) * 43758.5453)
