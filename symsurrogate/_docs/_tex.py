"""LaTeX output: ``catalog.tex`` (booktabs summary and a section per surrogate) for a paper's appendix.

Only packages of texlive-latex-base and -recommended are used (amsmath, amssymb, booktabs,
longtable, geometry), so a minimal TeX installation compiles the document with pdflatex.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING

from .._symbolic import _render

if TYPE_CHECKING:
    from ._entry import Entry

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SYMBOLS = {
    "≥": r"$\geq$", "≤": r"$\leq$", "−": "-", "·": r"$\cdot$", "⋅": r"$\cdot$", "×": r"$\times$",
    "≈": r"$\approx$", "≡": r"$\equiv$", "≠": r"$\neq$", "∞": r"$\infty$", "√": r"$\surd$",
    "∂": r"$\partial$", "∫": r"$\int$", "→": r"$\to$", "±": r"$\pm$", "²": r"$^2$", "³": r"$^3$",
    "½": r"$\frac12$", "–": "--", "—": "---", "‘": "`", "’": "'", "“": "``", "”": "''", "…": r"\dots{}",
    "|": r"$|$", "<": r"$<$", ">": r"$>$", "θ": r"$\theta$", "ℝ": r"$\mathbb{R}$", "∈": r"$\in$",
    "∪": r"$\cup$", "′": "'",
}  # fmt: skip
# Greek capitals that LaTeX writes as the Latin letter of the same shape.
_LATIN_CAPITALS = {
    "alpha": "A", "beta": "B", "epsilon": "E", "zeta": "Z", "eta": "H", "iota": "I",
    "kappa": "K", "mu": "M", "nu": "N", "omicron": "O", "rho": "P", "tau": "T", "chi": "X",
}  # fmt: skip


def _greek(char: str) -> str | None:
    match = re.fullmatch(r"GREEK (SMALL|CAPITAL) LETTER ([A-Z]+)", unicodedata.name(char, ""))
    if not match:
        return None
    letter = match.group(2).lower().replace("lamda", "lambda")
    if match.group(1) == "CAPITAL":
        if letter in _LATIN_CAPITALS:
            return _LATIN_CAPITALS[letter]
        letter = letter.capitalize()
    return rf"$\{letter}$"


def tex_text(text: str) -> str:
    """``text`` as LaTeX text: specials escaped, Greek and math symbols as commands (pdflatex-safe)."""
    out = []
    for char in text:
        if char in _SPECIAL:
            out.append(_SPECIAL[char])
        elif char in _SYMBOLS:
            out.append(_SYMBOLS[char])
        elif ord(char) < 128:
            out.append(char)
        elif (greek := _greek(char)) is not None:
            out.append(greek)
        elif ord(char) < 0x180 and unicodedata.category(char).startswith("L"):
            out.append(char)  # Latin-1 and Latin Extended-A letters: inputenc utf8 + T1 fonts have them
        else:
            out.append(unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode() or "?")
    return "".join(out).replace("$$", "")


def _fmt(key: str, value: object) -> str:
    from ._pages import fmt_property

    return tex_text(fmt_property(key, value))


def _label(key: str) -> str:
    return "sec:" + re.sub(r"[^A-Za-z0-9]+", "-", key)


def latex_section(entry: Entry) -> str:
    """One surrogate as a LaTeX section: formulas, parameters, properties and references."""
    spec = entry.spec
    lines = [rf"\section{{{tex_text(entry.key)}}}\label{{{_label(entry.key)}}}", ""]
    lines += [tex_text(spec.summary or f"The {spec.name} surrogate."), ""]
    lines.append(r"\begin{align*}")
    rows = [f"{item.lhs} &= {_render.latex_math(item.expr)}" for item in _render.formulas(spec)]
    lines.append(" \\\\\n".join(rows))
    lines += [r"\end{align*}", ""]
    if spec.primitive is None:
        lines += ["The primitive $G$ has no closed form.", ""]
    lines += [tex_text(f"Convention at 0: {_render.convention(spec)}"), ""]
    if spec.params:
        lines += [r"\begin{center}", r"\begin{tabular}{llll}", r"\toprule"]
        lines.append(r"Parameter & Default & Domain & Description \\")
        lines.append(r"\midrule")
        for name, default, domain, kind, description in _render.param_rows(spec):
            desc = tex_text(description + (" (static integer)" if kind.startswith("static") else ""))
            lines.append(f"${_render.latex_symbol(name)}$ & {default} & {tex_text(domain)} & {desc} \\\\")
        lines += [r"\bottomrule", r"\end{tabular}", r"\end{center}", ""]
    props = "; ".join(f"{tex_text(k.replace('_', ' '))}: {_fmt(k, v)}" for k, v in entry.properties.items())
    if props:
        lines += [rf"\noindent Properties at the default parameters: {props}.", ""]
    if spec.references:
        lines += [r"\noindent References:", r"\begin{itemize}"]
        lines += [*(rf"\item {tex_text(ref)}" for ref in spec.references), r"\end{itemize}", ""]
    return "\n".join(lines) + "\n"


SUMMARY_MAX = 160  # characters of LaTeX beyond which a formula does not fit the summary table


def _summary_table(entries: list[Entry]) -> list[str]:
    # Numbers first: a wide formula may only push the last column, never hide a number.
    lines = [r"{\small\renewcommand{\arraystretch}{1.6}", r"\begin{longtable}{lrrll}", r"\toprule"]
    head = r"Surrogate & Peak & $\int g\,dx$ & Even & $g(x)$ \\"
    lines += [head, r"\midrule", r"\endhead", r"\bottomrule", r"\endfoot"]
    for e in entries:
        p: Mapping[str, object] = e.properties
        peak = _fmt("peak", p.get("peak"))
        even = "yes" if p.get("symmetric") else "no"
        grad = _render.latex_math(e.spec.grad)
        shown = rf"$\displaystyle {grad}$" if len(grad) <= SUMMARY_MAX else rf"see Section~\ref{{{_label(e.key)}}}"
        integral = _fmt("integral", p.get("integral"))
        lines.append(f"{tex_text(e.key)} & {peak} & {integral} & {even} & {shown} \\\\[4pt]")
    lines += [r"\end{longtable}", "}"]
    return lines


def latex_document(entries: list[Entry]) -> str:
    """A standalone document: the booktabs summary table, then a section per surrogate."""
    lines = [
        "% Generated by `symsurrogate docs` from catalog/. Do not edit: rerun the command.",
        r"\documentclass[10pt]{article}",
        r"\usepackage[utf8]{inputenc}",
        r"\usepackage[T1]{fontenc}",
        r"\usepackage[margin=2cm]{geometry}",
        r"\usepackage{amsmath,amssymb}",
        r"\usepackage{booktabs,longtable}",
        r"\title{Surrogate-gradient catalog}",
        r"\date{}",
        r"\begin{document}",
        r"\maketitle",
        "",
        "Each surrogate keeps the Heaviside step $H$ in the forward pass and uses the gradient $g$",
        "(the derivative of the soft step $G$) in the backward pass; $x = v - \\theta$.",
        "Properties are measured at the default parameters.",
        "",
        *_summary_table(entries),
        "",
    ]
    lines += [latex_section(e) for e in entries]
    lines.append(r"\end{document}")
    return "\n".join(lines) + "\n"
