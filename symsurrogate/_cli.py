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
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._errors import FormulaError

if TYPE_CHECKING:
    from ._report import Report

# Modules that contribute subcommands; each defines add_commands(subparsers).
COMMAND_MODULES: tuple[str, ...] = ("._docs", "._equivalence", ".train")


class CommandError(Exception):
    """A user-facing error: printed as one line, exit status 2."""


def _cmd_list(args: argparse.Namespace) -> int:
    from ._catalog import catalog_entries

    current = None
    for key, (group, table) in catalog_entries().items():
        if group != current:
            print(("\n" if current else "") + f"[{group.replace(':', ' ')}]")
            current = group
        print(f"  {key:<32} {table.get('summary', '')}")
    return 0


def _resolve(name: str) -> object:
    from ._catalog import load_spec

    try:
        return load_spec(name)
    except KeyError as err:
        raise CommandError(err.args[0]) from None


def _cmd_show(args: argparse.Namespace) -> int:
    from ._api import check_entry, latex
    from ._report import fmt

    spec = _resolve(args.name)
    print(f"{spec.name} ({spec.group}): {spec.summary}")
    print(f"  forward:   H(x) = 1 if x {'>' if spec.strict else '>='} 0 else 0")
    if spec.primitive is not None:
        print(f"  primitive: G(x) = {spec.primitive}")
    print(f"  gradient:  g(x) = {spec.grad}")
    for p in spec.params:
        print(f"  param {p.name} = {p.default!r} ({p.domain}{', static' if p.static else ''}) {p.description}")
    for key, text in latex(spec).items():
        print(f"  latex {key}: {text}")
    report = check_entry(args.name, spec)
    shown = {k: v for k, v in report.properties.items() if k != "nonfinite_inputs"}
    print("  properties: " + ", ".join(f"{k}={fmt(v)}" for k, v in shown.items()))
    for failure in report.failures:
        print(f"  {failure}")
    return 0 if report.ok else 1


def _cmd_check(args: argparse.Namespace) -> int:
    from ._catalog import catalog_names
    from ._report import table, to_json

    names = catalog_names() if args.all or not args.names else args.names
    for name in names:
        _resolve(name)  # unknown names fail before any work starts
    if args.jobs > 1 and len(names) > 1:
        reports = _check_parallel(names, args.jobs)
    else:
        _enable_compilation_cache()
        reports = [_check_named(name) for name in names]
    if args.json:
        print(to_json(reports))
    elif args.verbose:
        print("\n\n".join(str(report) for report in reports))
    else:
        print(table(reports))
    failed = [r.surrogate for r in reports if not r.ok]
    if failed:
        print(f"checks failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def _enable_compilation_cache() -> None:
    # XLA compilation dominates a warm run; JAX's persistent cache makes repeat runs cheap.
    import jax

    from ._cache import private_subdir

    folder = private_subdir("xla")  # compiled native code: only from a directory no one else can write
    if folder is None:
        return
    jax.config.update("jax_compilation_cache_dir", str(folder))
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0.0)
    jax.config.update("jax_persistent_cache_min_entry_size_bytes", 0)


def _check_one(name: str) -> object:
    _enable_compilation_cache()
    return _check_named(name)


def _check_named(name: str) -> Report:
    from ._api import check_entry

    return _named(check_entry(name, _resolve(name)), name)  # the committed code users import


def _named(report: Report, name: str) -> Report:
    """The report under its catalog key (presets: ``library.Name``)."""
    if report.surrogate == name or not isinstance(name, str):
        return report
    results = [dataclasses.replace(r, surrogate=name) for r in report.results]
    return dataclasses.replace(report, surrogate=name, results=results)


def _check_parallel(names: Sequence[str], jobs: int) -> list:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn: forking a process that already runs JAX's threads can deadlock.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return list(pool.map(_check_one, names))


def _cmd_codegen(args: argparse.Namespace) -> int:
    from ._api import codegen

    _emit(codegen(_resolve(args.name)), args.output)
    return 0


def _emit(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from ._files import write_atomic

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
    new = spec(args.name, primitive=args.primitive, grad=args.grad, params=params)
    print(f"{new.name}: g(x) = {new.grad}")
    print(f"  primitive: {new.primitive if new.primitive is not None else 'no closed form'}")
    print(f"  latex: {latex(new)['grad']}")
    report = check(new)
    print(report)
    if args.output:
        _emit(codegen(new), args.output)
    return 0 if report.ok else 1


def _cmd_generate(args: argparse.Namespace) -> int:
    from ._build import generate

    for path in generate():
        print(f"wrote {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="symsurrogate", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list the catalog").set_defaults(func=_cmd_list)
    show = sub.add_parser("show", help="formulas, LaTeX, parameters, properties and failed checks of one surrogate")
    show.add_argument("name")
    show.set_defaults(func=_cmd_show)
    chk = sub.add_parser("check", help="check surrogates (all when none named)")
    chk.add_argument("names", nargs="*")
    chk.add_argument("--all", action="store_true", help="check the whole catalog")
    chk.add_argument("--json", action="store_true", help="machine-readable output")
    chk.add_argument("-v", "--verbose", action="store_true", help="every check of every surrogate")
    chk.add_argument("-j", "--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes")
    chk.set_defaults(func=_cmd_check)
    gen = sub.add_parser("codegen", help="print (or write) the generated JAX module of a surrogate")
    gen.add_argument("name")
    gen.add_argument("-o", "--output")
    gen.set_defaults(func=_cmd_codegen)
    new = sub.add_parser("new", help="define a surrogate from a formula: parse, check, show, generate")
    formula = new.add_mutually_exclusive_group(required=True)
    formula.add_argument("--primitive", help="the soft step G(x)")
    formula.add_argument("--grad", help="the surrogate gradient g(x)")
    new.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    new.add_argument("--name", default="Custom")
    new.add_argument("-o", "--output")
    new.set_defaults(func=_cmd_new)
    regen = sub.add_parser("generate", help="regenerate the package's generated modules from catalog/")
    regen.set_defaults(func=_cmd_generate)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name, __package__).add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``symsurrogate`` console script."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (CommandError, FormulaError, ValueError, KeyError, OSError) as err:
        message = err.args[0] if isinstance(err, KeyError) and err.args else err
        print(f"symsurrogate: error: {message}", file=sys.stderr)
        return 2
