"""``symsurrogate.plot``: a quick matplotlib figure of G and g (and g′) of a few surrogates.

The curves are the spec's formulas at the instance's parameter values, evaluated as the
docs' plots are (NumPy, or mpmath where NumPy cannot); needs matplotlib (the ``docs`` extra).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ._plots import POINTS, _evaluate, require_matplotlib, x_range

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .._symbolic._spec import Spec

FORMATS = ("svg", "png", "pdf")


def label(spec: Spec) -> str:
    """The legend entry: the name and the parameter values, ``Arctan(alpha=4)``."""
    values = ", ".join(f"{p.name}={p.default:g}" for p in spec.params)
    return f"{spec.name}({values})" if values else spec.name


def curves(spec: Spec, xs: np.ndarray, derivative: bool = False) -> dict[str, np.ndarray]:
    """``G``, ``g`` (and ``g'``) of ``spec`` at its parameter defaults on ``xs``.

    G without a closed form is g integrated from the left edge (its shape; the offset is unknown).
    """
    g = _evaluate(spec.at(spec.grad), xs)
    if spec.primitive is not None:
        G = _evaluate(spec.at(spec.primitive), xs)
    else:
        G = np.concatenate([[0.0], np.cumsum((g[1:] + g[:-1]) / 2 * np.diff(xs))])
    out = {"G": G, "g": g}
    if derivative:
        out["g'"] = _evaluate(spec.at(spec.grad_derivative), xs)
    return out


_TITLES = {"G": "$G(x)$", "g": "$g(x)$", "g'": "$g'(x)$"}


def plot(*surrogates: Any, ax: Axes | Sequence[Axes] | None = None, derivative: bool = False) -> Figure:
    r"""A matplotlib figure of the soft step \(G\) and the surrogate gradient \(g = G'\) of ``surrogates``.

    Args:
        *surrogates: instances (``ss.Arctan(alpha=4.0)``: plotted at their parameter values),
            classes (at their defaults), catalog names or Specs.
        ax: draw into these axes instead of a new figure: one Axes per panel (G, g, and g′
            when ``derivative``), or a single Axes, which gets g only (g′ with ``derivative``).
        derivative: add a panel with g′(x), what second-order differentiation sees.

    Returns:
        the figure (``fig.savefig("g.svg")``); the legend shows each surrogate's parameters.

    Examples:
        >>> import symsurrogate as ss
        >>> fig = ss.plot(ss.Sigmoid(), ss.Arctan(alpha=4.0), derivative=True)
        >>> [a.get_title() for a in fig.axes]
        ['$G(x)$', '$g(x)$', "$g'(x)$"]
        >>> [line.get_label() for line in fig.axes[1].get_lines()]
        ['Sigmoid(alpha=4)', 'Arctan(alpha=4)']
    """
    from .._symbolic._catalog import as_spec

    require_matplotlib()
    if not surrogates:
        raise ValueError("plot needs at least one surrogate")
    specs = [as_spec(s) for s in surrogates]
    panels = ["G", "g", "g'"] if derivative else ["G", "g"]
    if ax is None:
        from matplotlib.figure import Figure

        fig = Figure(figsize=(3.3 * len(panels), 2.9), layout="constrained")
        axes = list(fig.subplots(1, len(panels)))
    elif isinstance(ax, Sequence):
        axes = list(ax)
        if len(axes) != len(panels):
            raise ValueError(f"ax: expected {len(panels)} axes ({', '.join(panels)}), got {len(axes)}")
        fig = axes[0].figure
    else:
        axes, panels = [ax], ["g'" if derivative else "g"]
        fig = ax.figure
    half = max(x_range(spec) for spec in specs)
    xs = np.linspace(-half, half, POINTS)
    for spec in specs:
        values = curves(spec, xs, derivative)
        for panel, axis in zip(panels, axes, strict=True):
            axis.plot(xs, values[panel], label=label(spec))
    for panel, axis in zip(panels, axes, strict=True):
        axis.set_title(_TITLES[panel])
        axis.set_xlabel("$x$")
        axis.grid(True, alpha=0.3)
    axes[-1].legend(fontsize=8)
    return fig


def save(fig: Figure, output: str | Path) -> Path:
    """Write ``fig`` to ``output`` (SVG, PNG or PDF by its suffix), atomically."""
    from .._support._files import write_atomic

    path = Path(output)
    kind = path.suffix.lstrip(".").lower()
    if kind not in FORMATS:
        raise ValueError(f"{output}: the plot format comes from the suffix; use one of .svg, .png, .pdf")
    buffer = io.BytesIO()
    fig.savefig(buffer, format=kind, dpi=150)
    write_atomic(path, buffer.getvalue())
    return path


def _cmd_plot(args: Any) -> int:
    from .._errors import CommandError
    from .._symbolic._targets import resolve_target
    from ._plots import PlotsUnavailable

    try:
        specs = [resolve_target(target, args.catalog) for target in args.surrogates]
        fig = plot(*specs, derivative=args.derivative)
    except KeyError as err:
        raise CommandError(err.args[0]) from None
    except PlotsUnavailable as err:
        raise CommandError(str(err)) from None
    print(f"wrote {save(fig, args.output)}", file=sys.stderr)
    return 0


def add_commands(subparsers: Any) -> None:
    """The ``plot`` subcommand."""
    from .._symbolic._targets import add_catalog_option

    cmd = subparsers.add_parser("plot", help="plot G and g of a few surrogates into an SVG, PNG or PDF file")
    cmd.add_argument(
        "surrogates", nargs="+", metavar="NAME", help="catalog names, optionally with values: Arctan(alpha=4)"
    )
    cmd.add_argument(
        "-o",
        "--output",
        default="surrogates.svg",
        metavar="FILE",
        help="output file, .svg, .png or .pdf (default surrogates.svg)",
    )
    cmd.add_argument("--derivative", action="store_true", help="add a panel with g'(x)")
    add_catalog_option(cmd)
    cmd.set_defaults(func=_cmd_plot)
