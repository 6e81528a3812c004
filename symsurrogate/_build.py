"""Writing the generated modules of the built-in catalog into the package."""

from __future__ import annotations

from pathlib import Path

from ._catalog import catalog_entries, load_spec
from ._classgen import RUNTIME_IMPORTS, class_source
from ._codegen import codegen, helpers_module
from ._files import write_atomic

__all__ = ["PACKAGE_DIR", "formulas_module", "generate", "generated_files", "write_atomic"]

PACKAGE_DIR = Path(__file__).resolve().parent


def formulas_module(key: str) -> str:
    """Module name of a catalog entry's generated formulas."""
    return "formulas_" + key.replace(".", "__").lower()


def generated_files() -> dict[str, str]:
    """Every generated file of the package, relative path -> text."""
    files: dict[str, str] = {"_generated/_helpers.py": helpers_module()}
    groups: dict[str, list[str]] = {}
    exported: dict[str, list[str]] = {}
    for key, (group, table) in catalog_entries().items():
        spec = load_spec(key)
        module = formulas_module(key)
        files[f"_generated/{module}.py"] = codegen(spec, helpers_from="._helpers")
        repr_order = tuple(table["repr_order"]) if "repr_order" in table else None
        exported.setdefault(group, []).extend([spec.name, spec.function_name])
        groups.setdefault(group, []).append(class_source(spec, f"symsurrogate._generated.{module}", key, repr_order))
    for group, sources in groups.items():
        names = group.split(":")
        path = f"presets/{names[1]}.py" if names[0] == "presets" else f"_generated/{names[0]}.py"
        header = f'"""Generated from catalog/{"/".join(names)}.toml. Do not edit: run `symsurrogate generate`."""\n\n'
        names_all = "".join(f"    {n!r},\n" for n in exported[group])
        files[path] = header + RUNTIME_IMPORTS + f"\n__all__ = [\n{names_all}]\n" + "".join(sources)
    top_groups = [g for g in groups if not g.startswith("presets")]
    lines = ['"""Classes generated from the catalog by `symsurrogate generate`."""', ""]
    lines += [f"from .{g} import *  # noqa: F403" for g in top_groups]
    lines += [f"from .{g} import __all__ as _{g}" for g in top_groups]
    lines += ["", "__all__ = [" + ", ".join(f"*_{g}" for g in top_groups) + "]"]
    files["_generated/__init__.py"] = "\n".join(lines) + "\n"
    return files


def generate(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Regenerate every generated file under ``package_dir``; returns the paths written."""
    written = []
    for relative, text in generated_files().items():
        path = package_dir / relative
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_atomic(path, text)
            written.append(path)
    return written
