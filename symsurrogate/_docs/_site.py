"""The catalog's documentation, rendered from the specs and their check reports.

``symsurrogate docs`` writes an index page, one Markdown page per entry and per preset
library, SVG plots and ``catalog.tex``; ``symsurrogate latex NAME`` prints one entry's
LaTeX section. The pieces come from :mod:`._render`, which also writes the docstrings.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import inspect
import json
import sys
from collections.abc import Mapping
from pathlib import Path

import sympy as sp

from .._support._cache import cached
from .._symbolic._catalog import catalog_entries, catalog_entry, load_spec
from .._symbolic._spec import Spec
from .._verify._checks import check_spec
from ._entry import Entry
from ._pages import entry_page, index_page, library_page
from ._tex import latex_document, latex_section

DEFAULT_DIR = "docs/catalog"
OVERVIEW = ("Sigmoid", "Arctan", "PiecewiseQuadratic", "ERF", "SoftSign", "PiecewiseExp")


def properties_of(spec: Spec) -> dict[str, object]:
    """The properties measured by the checks (symbolic where SymPy can, else mpmath).

    The runtime part of the checks (JIT-compiling the generated code) adds nothing to
    the properties, so it is skipped. Symbolic integration takes seconds for some
    entries, so results are cached on disk under a key that covers the spec and the
    source of every package module: any change to either recomputes them.
    """
    # Where the checks can skip the generated-code numerics (accuracy per dtype, JIT
    # compiles), do: the properties shown in the docs come from the symbolic analysis.
    fast = {"numerics": False} if "numerics" in inspect.signature(check_spec).parameters else {}
    key = (spec.hash, spec.formula_hash, sorted(spec.expect.items(), key=str), spec.steepness, _code_digest())
    return cached("properties", key, lambda: dict(check_spec(spec, **fast).properties))


@functools.cache
def _code_digest() -> str:
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(sp.__version__.encode())
    generated = {package / "_generated", package / "presets"}
    for module in sorted(package.rglob("*.py")):
        if generated.isdisjoint(module.parents):
            digest.update(str(module.relative_to(package)).encode() + module.read_bytes())
    return digest.hexdigest()


def load_entries(catalog: str | None = None) -> list[Entry]:
    """Every catalog entry (presets included) with its measured properties, in file order.

    With ``catalog`` (a user's TOML file): only that file's entries.
    """
    if catalog is not None:
        from .._symbolic._usercatalog import load_specs, read_entries

        tables = read_entries(catalog)
        return [
            Entry(name, spec.group, spec, tables[name], properties_of(spec))
            for name, spec in load_specs(catalog).items()
        ]
    entries = []
    for key, (group, table) in catalog_entries().items():
        spec = load_spec(key)
        entries.append(Entry(key, group, spec, table, properties_of(spec)))
    return entries


# -- the whole catalog ----------------------------------------------------------------------


def render_catalog(plots: bool = True, entries: list[Entry] | None = None) -> dict[str, str]:
    """Every file of the rendered catalog, relative path -> text: pages, catalog.tex and plots."""
    if plots:
        from ._plots import require_matplotlib

        require_matplotlib()
    entries = load_entries() if entries is None else entries
    files = render_pages(entries, plots)
    if plots:
        files.update(render_plots(entries))
    return files


def render_pages(entries: list[Entry], plots: bool = True) -> dict[str, str]:
    """The text files (Markdown and catalog.tex); ``plots`` says whether pages link to the SVGs."""
    files = {"index.md": index_page(entries, plots).rstrip() + "\n"}
    libraries: dict[str, list[Entry]] = {}
    for entry in entries:
        files[entry.page] = entry_page(entry, entries, plots)
        if entry.library:
            libraries.setdefault(entry.library, []).append(entry)
    for library, members in libraries.items():
        files[f"presets-{library}.md"] = library_page(library, members)
    files["catalog.tex"] = latex_document(entries)
    return files


def render_plots(entries: list[Entry]) -> dict[str, str]:
    """The SVG files: one per entry, and the overview of a few gradients."""
    from ._plots import overview_svg, plot_svg

    files = {entry.plot: plot_svg(entry.spec) for entry in entries}
    shown = [e.spec for name in OVERVIEW for e in entries if e.key == name]
    files["overview.svg"] = overview_svg(shown or [e.spec for e in entries[: len(OVERVIEW)]])
    return files


MANIFEST = ".symsurrogate-docs.json"


def write_catalog(out_dir: Path, files: Mapping[str, str], *, plots: bool = True) -> list[Path]:
    """Write ``files`` under ``out_dir`` (atomically, only what changed) and drop stale pages.

    A file is removed only if a previous run wrote it (it is listed in the directory's
    manifest, ``.symsurrogate-docs.json``) and still holds what that run wrote; files
    anyone else put there are never touched. Without ``plots`` the plots written before
    are kept.
    """
    from .._support._files import write_atomic

    previous = _read_manifest(out_dir)
    written = []
    for relative, text in files.items():
        path = out_dir / relative
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
            written.append(path)
    kept = {r: h for r, h in previous.items() if not plots and r.startswith("plots/")}
    for relative, digest in previous.items():
        path = out_dir / relative
        if relative in files or relative in kept or not path.is_file() or path.is_symlink():
            continue
        if _digest(path.read_bytes()) == digest:
            path.unlink()
    manifest = {**kept, **{r: _digest(t.encode("utf-8")) for r, t in files.items()}}
    write_atomic(out_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return written


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(out_dir: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of the files a previous run wrote (empty when unreadable)."""
    try:
        raw = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    # Only plain relative paths inside the directory: a planted "../x" must not delete anything.
    return {
        r: h
        for r, h in raw.items()
        if isinstance(r, str) and isinstance(h, str) and r and not Path(r).is_absolute() and ".." not in Path(r).parts
    }


# -- command line -----------------------------------------------------------------------------


def _cmd_docs(args: argparse.Namespace) -> int:
    from .._errors import CommandError
    from ._plots import PlotsUnavailable

    try:
        files = render_catalog(plots=not args.no_plots, entries=load_entries(args.catalog) if args.catalog else None)
    except PlotsUnavailable as err:
        raise CommandError(str(err)) from None
    if args.output is None:
        # Never the package's docs/catalog for a user's file: it would drop the built-in pages.
        args.output = f"{Path(args.catalog).stem}-docs" if args.catalog else DEFAULT_DIR
    out_dir = Path(args.output)
    if args.check:
        drift = [r for r, t in files.items() if not (out_dir / r).exists() or (out_dir / r).read_text("utf-8") != t]
        for relative in drift:
            print(f"out of date: {out_dir / relative}")
        return 1 if drift else 0
    for path in write_catalog(out_dir, files, plots=not args.no_plots):
        print(f"wrote {path}")
    return 0


def _cmd_latex(args: argparse.Namespace) -> int:
    from .._symbolic._usercatalog import read_entries, resolve

    spec = resolve(args.name, args.catalog)  # an unknown name raises KeyError with close matches
    if args.catalog and spec.group.startswith("user:"):
        group, table = spec.group, read_entries(args.catalog)[args.name]
    else:
        group, table = catalog_entry(args.name)
    entry = Entry(args.name, group, spec, table, properties_of(spec))
    sys.stdout.write(latex_document([entry]) if args.document else latex_section(entry))
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """The ``docs`` and ``latex`` subcommands."""
    from .._symbolic._targets import add_catalog_option

    docs = subparsers.add_parser("docs", help="render the catalog's Markdown pages, plots and catalog.tex")
    docs.add_argument(
        "-o", "--output", metavar="DIR", help=f"output directory (default {DEFAULT_DIR}; with --catalog: NAME-docs)"
    )
    docs.add_argument("--no-plots", action="store_true", help="skip the SVG plots (no matplotlib needed)")
    docs.add_argument("--check", action="store_true", help="write nothing; exit 1 if the directory is out of date")
    add_catalog_option(docs)
    docs.set_defaults(func=_cmd_docs)
    tex = subparsers.add_parser("latex", help="print one surrogate's LaTeX (a section of catalog.tex)")
    tex.add_argument("name", help="a catalog name")
    add_catalog_option(tex)
    tex.add_argument("--document", action="store_true", help="a complete document instead of a section")
    tex.set_defaults(func=_cmd_latex)
