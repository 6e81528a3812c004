"""The ``symsurrogate`` command line: a thin layer over the library.

Each subcommand is a function ``(args) -> int``; feature modules add theirs through
``COMMAND_MODULES`` (each exposes ``add_commands(subparsers)``). Errors print one line
and exit with status 2.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import os
import re
import shutil
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._errors import CommandError, FormulaError
from ._support._collector import collect_less_often
from ._symbolic._catalogfiles import catalog_entry, check_order
from ._symbolic._targets import add_catalog_option

if TYPE_CHECKING:
    from ._symbolic._spec import Spec
    from ._verify._report import Report

# Modules that contribute subcommands; each defines add_commands(subparsers).
COMMAND_MODULES: tuple[str, ...] = ("._docs._site", "._equivalence._equivalent", ".train", "._docs._quickplot")


def _cmd_list(args: argparse.Namespace) -> int:
    from ._symbolic._catalogfiles import catalog_entries

    if args.catalog:
        from ._symbolic._usercatalog import read_entries

        rows = [
            (args.catalog, name, str(table.get("summary", ""))) for name, table in read_entries(args.catalog).items()
        ]
    else:
        rows = [
            (group.replace(":", " "), key, table.get("summary", ""))
            for key, (group, table) in catalog_entries().items()
        ]
    width = max(len(name) for _, name, _ in rows) + 2
    columns = shutil.get_terminal_size().columns
    current = None
    for group, name, summary in rows:
        if group != current:
            print(("\n" if current else "") + f"[{group}]")
            current = group
        # One column of names, summaries wrapped beside them: aligned at any terminal width.
        lines = textwrap.wrap(summary, max(columns - width - 2, 30)) or [""]
        print(f"  {name:<{width}}{lines[0]}".rstrip())
        for line in lines[1:]:
            print(" " * (width + 2) + line)
    return 0


def _builtin_or_fail(name: str) -> None:
    """Fail unless ``name`` is a built-in entry: answered from the TOML tables, before SymPy
    and JAX are imported (a mistyped name to ``show`` costs no second of imports)."""
    try:
        catalog_entry(name)
    except KeyError as err:
        raise CommandError(err.args[0]) from None


def _resolve(name: str, catalog: str | None = None) -> Spec:
    from ._symbolic._usercatalog import resolve

    try:
        return resolve(name, catalog)
    except KeyError as err:
        raise CommandError(err.args[0]) from None


def _wrapped(text: str, indent: int = 4) -> str:
    """``text`` wrapped at the terminal's width, continuation lines indented."""
    columns = shutil.get_terminal_size().columns
    return "\n".join(textwrap.wrap(text, max(columns, 40), subsequent_indent=" " * indent, break_on_hyphens=False))


def _cmd_show(args: argparse.Namespace) -> int:
    from ._symbolic._targets import parse_target, resolve_target

    if args.catalog is None:
        _builtin_or_fail(parse_target(args.name)[0])
    from ._api import latex
    from ._verify._report import fmt

    try:
        spec = resolve_target(args.name, args.catalog)
    except KeyError as err:
        raise CommandError(err.args[0]) from None
    name = parse_target(args.name)[0]
    lines = [f"{spec.name} ({spec.group}): {spec.summary}"]
    lines.append(f"  forward:   H(x) = 1 if x {'>' if spec.strict else '>='} 0 else 0")
    if spec.primitive is not None:
        lines.append(f"  primitive: G(x) = {spec.primitive}")
    lines.append(f"  gradient:  g(x) = {spec.grad}")
    for p in spec.params:
        lines.append(f"  param {p.name} = {p.default!r} ({p.domain}{', static' if p.static else ''}) {p.description}")
    lines += [f"  latex {key}: {text}" for key, text in latex(spec).items()]
    report = _report_for(name, spec)
    shown = {k: v for k, v in report.properties.items() if k != "nonfinite_inputs"}
    lines.append("  properties: " + ", ".join(f"{k}={fmt(v)}" for k, v in shown.items()))
    lines += [f"  {failure}" for failure in report.failures]
    print("\n".join(_wrapped(line) for line in lines))
    return 0 if report.ok else 1


def _report_for(name: str, spec: Spec) -> Report:
    """The check report of ``spec``: a catalog entry on its committed code, a user's entry on fresh code."""
    from ._api import check, check_entry

    if spec.group.startswith("user"):
        return check(spec)
    return check_entry(name, spec)


def _cmd_check(args: argparse.Namespace) -> int:
    if args.catalog:
        from ._symbolic._usercatalog import load_specs

        everything = list(load_specs(args.catalog))
    else:
        from ._symbolic._catalogfiles import catalog_names

        everything = catalog_names()
    names = everything if args.all or not args.names else args.names
    _known_or_fail(names, everything, args.catalog)
    progress = _Progress(len(names)) if sys.stderr.isatty() and len(names) > 1 else None
    if args.jobs > 1 and len(names) > 1:
        reports = _check_parallel(names, args.jobs, args.catalog, progress)
    else:
        _enable_compilation_cache()
        reports = []
        for name in names:
            if progress:
                progress.starting(name)
            reports.append(_check_named(name, args.catalog))
    if progress:
        progress.done()
    # Imported only now: worker processes start while this one would still be importing.
    from ._verify._report import table, to_json, vertical

    if args.json:
        print(to_json(reports))
    elif args.verbose:
        print("\n\n".join(str(report) for report in reports))
    elif len(reports) == 1:
        print(vertical(reports[0]))
    else:
        print(table(reports))
    failed = [r.surrogate for r in reports if not r.ok]
    if failed:
        print(f"checks failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def _known_or_fail(names: Sequence[str], listed: Sequence[str], catalog: str | None) -> None:
    """Fail on the first unknown name before any work starts, without building the known
    ones' Specs: a catalog entry's primitive may take seconds to derive, and the worker
    processes of a parallel check derive them side by side."""
    unlisted = [name for name in names if name not in listed]
    if unlisted:
        from ._symbolic._catalogfiles import catalog_names

        builtin = set(catalog_names())  # a user's catalog may name built-in entries too
        for name in unlisted:
            if name not in builtin:
                _resolve(name, catalog)  # raises, naming close matches


class _Progress:
    """``checking 12/80: Sigmoid (41 s)`` on stderr, rewritten in place (only on a terminal)."""

    def __init__(self, total: int) -> None:
        self.total, self.count, self.start = total, 0, time.perf_counter()

    def starting(self, name: str) -> None:
        self.count += 1
        elapsed = time.perf_counter() - self.start
        sys.stderr.write(f"\rchecking {self.count}/{self.total}: {name} ({elapsed:.0f} s)\033[K")
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()


def _enable_compilation_cache() -> None:
    # XLA compilation dominates a warm run; JAX's persistent cache makes repeat runs cheap.
    import jax

    from ._support._cache import private_subdir

    folder = private_subdir("xla")  # compiled native code: only from a directory no one else can write
    if folder is None:
        return
    jax.config.update("jax_compilation_cache_dir", str(folder))
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0.0)
    jax.config.update("jax_persistent_cache_min_entry_size_bytes", 0)


def _check_one(name: str, catalog: str | None = None) -> object:
    _enable_compilation_cache()
    return _check_named(name, catalog)


def _check_named(name: str, catalog: str | None = None) -> Report:
    return _named(_report_for(name, _resolve(name, catalog)), name)  # catalog: the committed code users import


def _named(report: Report, name: str) -> Report:
    """The report under its catalog key (presets: ``library.Name``)."""
    if report.surrogate == name or not isinstance(name, str):
        return report
    results = [dataclasses.replace(r, surrogate=name) for r in report.results]
    return dataclasses.replace(report, surrogate=name, results=results)


def _check_parallel(names: Sequence[str], jobs: int, catalog: str | None, progress: _Progress | None) -> list:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn: forking a process that already runs JAX's threads can deadlock.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker) as pool:
        futures = {name: pool.submit(_check_one, name, catalog) for name in check_order(names)}
        reports = []
        for name in names:
            if progress:
                progress.starting(name)
            reports.append(futures[name].result())
        return reports


def _start_worker() -> None:
    collect_less_often()
    _exit_without_teardown()


def _exit_without_teardown() -> None:
    """Make this worker process end with ``os._exit`` once its exit handlers have run.

    Its results are all with the parent by then; tearing down SymPy's caches and JAX's
    modules would only keep the parent waiting, about half a second. Registered before
    JAX and SymPy are imported, the handler runs after theirs. The status is 0 whatever the
    worker was exiting with: a pool worker hands every outcome of a task, exceptions
    included, to the parent through its result queue, not through its exit status.
    """
    import atexit

    atexit.register(_exit_now)


def _exit_now() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _cmd_codegen(args: argparse.Namespace) -> int:
    from ._api import codegen

    spec = _resolve(args.name, args.catalog)
    fast = " --precision fast" if args.precision == "fast" else ""
    if args.catalog:
        hint = f"symsurrogate codegen {args.name} --catalog {_safe_file(args.catalog)}{fast} -o FILE"
        _emit(codegen(spec, regenerate=hint, precision=args.precision), args.output)
    else:
        _emit(codegen(spec, regenerate=f"symsurrogate codegen{fast}", precision=args.precision), args.output)
    return 0


def _safe_file(path: str) -> str:
    """A file name fit to quote in generated code, else a placeholder (user text stays out)."""
    name = Path(path).name
    return name if re.fullmatch(r"[\w.-]+", name) else "FILE"


def _emit(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from ._support._files import write_atomic

    if not output.strip():
        raise CommandError("-o/--output needs a file name")
    write_atomic(Path(output), text)
    print(f"wrote {output}", file=sys.stderr)


def _parse_param(text: str) -> tuple[str, float]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise CommandError(f"--param expects NAME=VALUE, got {text!r}")
    try:
        return name.strip(), float(value)
    except ValueError:
        raise CommandError(f"--param {name}: {value!r} is not a number") from None


def _cmd_new(args: argparse.Namespace) -> int:
    from ._api import check, codegen, latex, spec

    params = dict(_parse_param(p) for p in args.param)
    new = spec(args.name or "Custom", primitive=args.primitive, grad=args.grad, params=params)
    if args.name is None:
        print(f"named it {new.name} (choose a name with --name)", file=sys.stderr)
    print(f"{new.name}: g(x) = {new.grad}")
    print(f"  primitive: {new.primitive if new.primitive is not None else 'no closed form'}")
    print(f"  latex: {latex(new)['grad']}")
    report = check(new)
    print(report)
    if args.output:
        option = "--primitive" if args.primitive is not None else "--grad"
        formula = "G" if args.primitive is not None else "g"
        values = "".join(f" --param {name}={value!r}" for name, value in params.items())
        hint = f"symsurrogate new {option} '<{formula} above>'{values} --name {new.name} -o FILE"
        _emit(codegen(new, regenerate=hint), args.output)
    if args.append:
        if not report.ok:
            print(f"not appended to {args.append}: the checks failed", file=sys.stderr)
        else:
            from ._symbolic._usercatalog import append_entry

            append_entry(args.append, new, args.primitive, args.grad)
            print(f"appended {new.name} to {args.append}", file=sys.stderr)
    return 0 if report.ok else 1


def _cmd_generate(args: argparse.Namespace) -> int:
    from ._codegen._build import generate

    for path in generate():
        print(f"wrote {path}")
    return 0


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; given the ``command`` about to run, only what it needs.

    The feature modules of ``COMMAND_MODULES`` import SymPy and JAX (about 1.7 s): a
    built-in command skips them, so that ``check --all`` starts its workers at once.
    """
    from . import __version__

    parser = argparse.ArgumentParser(prog="symsurrogate", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"symsurrogate {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    lst = sub.add_parser("list", help="list the catalog (or your own with --catalog)")
    add_catalog_option(lst)
    lst.set_defaults(func=_cmd_list)
    show = sub.add_parser("show", help="formulas, LaTeX, parameters, properties and failed checks of one surrogate")
    show.add_argument("name", help="a catalog name, optionally with values: Sigmoid(alpha=4)")
    add_catalog_option(show)
    show.set_defaults(func=_cmd_show)
    chk = sub.add_parser("check", help="check surrogates (all when none named)")
    chk.add_argument("names", nargs="*", help="catalog names (default: every entry)")
    chk.add_argument("--all", action="store_true", help="check the whole catalog (or every entry of --catalog)")
    chk.add_argument("--json", action="store_true", help="machine-readable output")
    chk.add_argument("-v", "--verbose", action="store_true", help="every check of every surrogate")
    chk.add_argument("-j", "--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes")
    add_catalog_option(chk)
    chk.set_defaults(func=_cmd_check)
    gen = sub.add_parser("codegen", help="print (or write) the generated JAX module of a surrogate")
    gen.add_argument("name", help="a catalog name")
    gen.add_argument("-o", "--output", metavar="FILE", help="write the module to FILE instead of stdout")
    gen.add_argument(
        "--precision",
        choices=("accurate", "fast"),
        default="accurate",
        help="exponent arguments in double-float (accurate, default) or plain (fast: braintools' speed)",
    )
    add_catalog_option(gen)
    gen.set_defaults(func=_cmd_codegen)
    new = sub.add_parser("new", help="define a surrogate from a formula: parse, check, show, generate")
    formula = new.add_mutually_exclusive_group(required=True)
    formula.add_argument("--primitive", help="the soft step G(x)")
    formula.add_argument("--grad", help="the surrogate gradient g(x)")
    new.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a parameter and its default")
    new.add_argument("--name", help="class name (default Custom)")
    new.add_argument("-o", "--output", metavar="FILE", help="also write the generated JAX module to FILE")
    new.add_argument("--append", metavar="CATALOG", help="add the entry to your catalog file when its checks pass")
    new.set_defaults(func=_cmd_new)
    regen = sub.add_parser("generate", help="regenerate the package's generated modules from catalog/")
    regen.set_defaults(func=_cmd_generate)
    if command not in sub.choices:  # a feature command, the top-level help, or a typo to report
        for module_name in COMMAND_MODULES:
            importlib.import_module(module_name, __package__).add_commands(sub)
    return parser


def _subparser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return actions[0].choices[command] if actions else parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``symsurrogate`` console script."""
    collect_less_often()
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(next((a for a in arguments if not a.startswith("-")), None))
    args, extra = parser.parse_known_args(arguments)
    if extra:  # the subcommand's usage, not the top-level one
        _subparser(parser, args.command).error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return args.func(args)
    except (CommandError, FormulaError, ValueError, KeyError, OSError) as err:
        message = err.args[0] if isinstance(err, KeyError) and err.args else err
        print(f"symsurrogate: error: {message}", file=sys.stderr)
        return 2
