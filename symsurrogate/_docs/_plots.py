"""SVG plots of G and g, deterministic so that committed pictures can be compared byte for byte.

matplotlib is an optional dependency (the ``docs`` extra); nothing else imports this module.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import numpy as np
import sympy as sp

from .._symbolic._calculus import X
from .._symbolic._render import latex_symbol
from .._symbolic._sampling import mpmath_sampler
from .._symbolic._spec import Spec

POINTS = 241
SCALES = (0.5, 1.0, 2.0)  # multiples of the default of the plotted parameter


class PlotsUnavailable(RuntimeError):
    """Raised when plots are asked for but matplotlib is not installed."""


def require_matplotlib() -> None:
    """Fail with a clear message (not an ImportError traceback) when matplotlib is missing."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise PlotsUnavailable(
            "plots need matplotlib: install the docs extra (pip install 'symsurrogate[docs]') "
            "or render without plots (symsurrogate docs --no-plots)"
        ) from None


@contextmanager
def _style() -> Iterator[None]:
    import matplotlib
    import matplotlib.style

    # Default style whatever the user's matplotlibrc says, a fixed id salt, text kept as
    # text (no font-dependent glyph paths): the same input gives the same bytes.
    with (
        matplotlib.style.context("default"),
        matplotlib.rc_context(
            {
                "svg.hashsalt": "symsurrogate",
                "svg.fonttype": "none",
                "font.size": 9,
                "axes.grid": True,
                "grid.alpha": 0.3,
            }
        ),
    ):
        yield


def _svg(fig: object) -> str:
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    FigureCanvasSVG(fig)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": creator(matplotlib.__version__)})  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


_NUMPY_EXTRAS = {"erf": np.vectorize(math.erf, otypes=[float]), "erfc": np.vectorize(math.erfc, otypes=[float])}


def creator(version: str) -> str:
    """The SVG's creator line: the matplotlib version decides the exact bytes of the picture."""
    return f"symsurrogate docs (matplotlib {version})"


def _evaluate(expr: sp.Expr, xs: np.ndarray) -> np.ndarray:
    """``expr`` on ``xs``: vectorised NumPy, or point by point in mpmath where NumPy cannot."""
    try:
        with np.errstate(all="ignore"):
            values = np.broadcast_to(sp.lambdify(X, expr, modules=[_NUMPY_EXTRAS, "numpy"])(xs), xs.shape)
            if np.iscomplexobj(values):  # a real function computed through complex intermediates
                real = values.real
                values = np.where(np.abs(values.imag) <= 1e-9 * (1 + np.abs(real)), real, np.nan)
        return np.asarray(values, dtype=float).copy()
    except Exception:
        pass
    try:
        sample = mpmath_sampler(expr, [X])
    except (KeyError, TypeError, NameError):  # e.g. a parameter value that makes expr infinite
        return np.full_like(xs, np.nan)
    return sample(xs).real


def plotted_param(spec: Spec) -> str | None:
    """The parameter varied in the plots: the steepness, else the first traced one."""
    if spec.steepness is not None:
        return spec.steepness
    return next((p.name for p in spec.params if not p.static), None)


def parameter_sets(spec: Spec) -> list[dict[str, float]]:
    """Parameter values plotted: the default, and half and twice the varied parameter."""
    name = plotted_param(spec)
    if name is None:
        return [dict(spec.defaults)]
    default = spec.defaults[name]
    if default == 0:
        return [dict(spec.defaults)]
    return [{**spec.defaults, name: float(default) * s} for s in SCALES]


def x_range(spec: Spec) -> float:
    """Half-width of the plotted interval: about four widths (integral/peak) of g at defaults."""
    g = spec.at(spec.grad)
    probe = np.linspace(-4, 4, 161)
    values = np.abs(_evaluate(g, probe))
    peak = float(np.nanmax(values)) if np.any(np.isfinite(values)) else 0.0
    if peak <= 0 or not math.isfinite(peak):
        return 4.0
    width = float(np.trapezoid(np.nan_to_num(values), probe)) / peak
    target = min(max(3 * width, 0.05), 4.0)
    for nice in (0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 3.0, 4.0):
        if target <= nice:
            return nice
    return 4.0


def _label(spec: Spec, values: dict[str, float]) -> str:
    name = plotted_param(spec)
    if name is None:
        return "default"
    symbol = latex_symbol(name)
    return f"${symbol} = {values[name]:g}$"


def plot_svg(spec: Spec) -> str:
    """An SVG with two panels: G(x) (numerically integrated when it has no closed form) and g(x)."""
    require_matplotlib()
    from matplotlib.figure import Figure

    half = x_range(spec)
    xs = np.linspace(-half, half, POINTS)
    with _style():
        fig = Figure(figsize=(7.2, 2.7))  # fixed margins: constrained layout doubles the time
        left, right = fig.subplots(
            1, 2, gridspec_kw={"left": 0.07, "right": 0.985, "bottom": 0.16, "top": 0.82, "wspace": 0.2}
        )
        for values in parameter_sets(spec):
            g = _evaluate(spec.at(spec.grad, values), xs)
            if not np.any(np.isfinite(g)):
                continue  # outside the formula's range (QPseudoSpike needs alpha > 1, say)
            if spec.primitive is not None:
                G = _evaluate(spec.at(spec.primitive, values), xs)
            else:  # cumulative trapezoid from the left edge: shape only, offset unknown
                G = np.concatenate([[0.0], np.cumsum((g[1:] + g[:-1]) / 2 * np.diff(xs))])
            label = _label(spec, values)
            left.plot(xs, G, label=label)
            right.plot(xs, g, label=label)
        left.set_title("$G(x)$" if spec.primitive is not None else "$\\int_{x_0}^{x} g$ (no closed form)")
        right.set_title("$g(x)$")
        for ax in (left, right):
            ax.set_xlabel("$x$")
        right.legend(loc="upper right", fontsize=8)
        fig.suptitle(spec.name, fontsize=10)
        return _svg(fig)


def overview_svg(specs: Sequence[Spec], half: float = 3.0) -> str:
    """One panel: the surrogate gradients g of ``specs`` at their defaults (the README picture)."""
    require_matplotlib()
    from matplotlib.figure import Figure

    xs = np.linspace(-half, half, POINTS)
    with _style():
        fig = Figure(figsize=(6.4, 3.0))
        ax = fig.subplots(gridspec_kw={"left": 0.08, "right": 0.98, "bottom": 0.15, "top": 0.9})
        for spec in specs:
            ax.plot(xs, _evaluate(spec.at(spec.grad), xs), label=spec.name)
        ax.set_xlabel("$x = v - \\theta$")
        ax.set_title("Surrogate gradients $g(x)$ at default parameters")
        ax.legend(fontsize=8)
        return _svg(fig)
