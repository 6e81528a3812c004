"""Count hostile inputs tried and how many executed code, hung, or gave a non-clean error.

Run: ``PYTHONPATH=. python tests/hardening/count_hostile.py`` (prints one line per threat and
a total; exit status 1 unless all three counts are 0).

Each input goes through the public entry points in a worker thread with a wall-clock
limit (a hang is a thread still running after it). "Executed code": the sentinel file
exists afterwards. "Non-clean error": anything but a one-line FormulaError / ValueError /
OSError (the errors the API documents), or a traceback or exit status other than 0/2 on
the command line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

import jax.numpy as jnp  # noqa: E402

import symsurrogate as ss  # noqa: E402
from symsurrogate._api import surrogate_class  # noqa: E402
from symsurrogate._support import _budget  # noqa: E402
from symsurrogate._support._files import write_atomic  # noqa: E402

sys.path.insert(0, str(HERE))
from payloads import hostile_formulas, injections  # noqa: E402

HANG_SECONDS = 120.0
CLEAN = (ss.FormulaError, ValueError, OSError)


def attempt(action: Callable[[], object]) -> str:
    """'ok', 'clean', 'unclean: ...' or 'hung'."""
    outcome: list[str] = []

    def run() -> None:
        try:
            action()
            outcome.append("ok")
        except CLEAN as err:
            text = str(err)
            outcome.append("clean" if "\n" not in text.strip() and len(text) < 500 else f"unclean: {text[:80]!r}")
        except BaseException as err:
            outcome.append(f"unclean: {type(err).__name__}: {str(err)[:80]}")

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(HANG_SECONDS)
    return outcome[0] if outcome else "hung"


def main() -> int:
    _budget.LIMITS.update(analysis=20.0, reference=20.0)
    work = Path(tempfile.mkdtemp())
    os.environ["SYMSURROGATE_CACHE"] = str(work / "cache")
    sentinel = work / "PWNED"
    cases: dict[str, list[tuple[str, Callable[[], object]]]] = {}

    formulas = hostile_formulas(str(sentinel))
    cases["formula"] = [(f, lambda f=f: ss.check(ss.surrogate("H", grad=f))) for f in formulas]
    cases["formula"] += [("tower", lambda: ss.check(ss.surrogate("Tower", grad="exp(exp(exp(exp(x))))")))]

    def with_metadata(text: str) -> None:
        cls = ss.surrogate("M", grad="alpha*exp(-alpha*x**2)", params={"alpha": {"default": 2.0, "description": text}},
                           summary=text, references=[text], notes=text, libraries=[text])  # fmt: skip
        namespace: dict = {}
        exec(compile(ss.codegen(cls), "<standalone>", "exec"), namespace)  # what a user importing it runs

    cases["metadata"] = [(t, lambda t=t: with_metadata(t)) for t in injections(str(sentinel))]

    names = ["mine", "jax", "x", "Param", "class", "\uff21bc", "a\u0301", "_x", "a b", "", "é", "self", "lambda"]
    params = ["self", "jnp", "jax", "ct", "dtype", "spike", "grad", "super", "autodiff", "params", "\uff41", "lambda"]
    cases["name"] = [(n, lambda n=n: surrogate_class(ss.spec(n, grad="exp(-x**2)"))()(1.0)) for n in names]
    cases["name"] += [
        (p, lambda p=p: ss.surrogate("P", grad=f"{p}*exp(-x**2)", params={p: 2.0})()(jnp.ones(3))) for p in params
    ]

    def plant_and_check(content: bytes | None) -> None:
        ss.check(ss.surrogate("C", grad="exp(-x**2)"))
        for entry in (work / "cache").glob("*.json"):
            entry.unlink()
            if content is None:
                os.mkfifo(entry)
            else:
                entry.write_bytes(content)
        ss.check(ss.surrogate("C", grad="exp(-x**2)"))

    planted = [b"", b"\x80garbage", b'{"format": 1, "value": {"$sympy": ["Apply", "os:system", []]}}', None]
    cases["cache"] = [(repr(c)[:30], lambda c=c: plant_and_check(c)) for c in planted]

    (work / "dir").mkdir()
    (work / "link").symlink_to(work / "target.py")
    targets = ["", str(work / "dir"), str(work / "link"), str(work / "missing" / "deep" / "x.py"), "/proc/version"]
    cases["output"] = [(t, lambda t=t: write_atomic(t, ss.codegen("Sigmoid"))) for t in targets]
    cli = [["codegen", "Sigmoid", "-o", ""], ["codegen", "Sigmoid", "-o", str(work / "dir")],
           ["new", "--name", "mine", "--grad", "exp(-x**2)"], ["new", "--grad", "x*9**9**9"],
           ["new", "--name", "\uff21", "--grad", "exp(-x**2)"]]  # fmt: skip

    def run_cli(args: list[str]) -> None:
        result = subprocess.run([sys.executable, "-m", "symsurrogate", *args], capture_output=True, text=True,
                                timeout=HANG_SECONDS, cwd=work)  # fmt: skip
        if result.returncode not in (0, 2) or "Traceback" in result.stderr:
            raise RuntimeError(result.stderr[-200:])

    cases["output"] += [(" ".join(a), lambda a=a: run_cli(a)) for a in cli]

    values = [1e300, float("nan"), float("inf"), -1.0, "1", None, jnp.ones(5), jnp.ones((2, 3, 4))]
    cases["parameter"] = [(repr(v)[:30], lambda v=v: ss.Sigmoid(alpha=v)(jnp.ones((3, 4)))) for v in values]
    cases["parameter"] += [
        ("n=1000", lambda: ss.SquarewaveFourierSeries(n=1000)),
        ("n=10**9", lambda: ss.SquarewaveFourierSeries(n=10**9)),
    ]

    totals = {"tried": 0, "executed": 0, "hung": 0, "unclean": 0}
    for threat, items in cases.items():
        counts = {"tried": 0, "executed": 0, "hung": 0, "unclean": 0}
        for label, action in items:
            start = time.monotonic()
            outcome = attempt(action)
            counts["tried"] += 1
            if sentinel.exists():
                counts["executed"] += 1
                sentinel.unlink()
                print(f"  EXECUTED {threat}: {label!r}")
            if outcome == "hung":
                counts["hung"] += 1
                print(f"  HUNG {threat}: {label!r}")
            elif outcome.startswith("unclean"):
                counts["unclean"] += 1
                print(f"  UNCLEAN {threat}: {label!r}: {outcome}")
            del start
        print(f"{threat:10s} tried {counts['tried']:3d}  executed {counts['executed']}  hung {counts['hung']}  "
              f"non-clean {counts['unclean']}")  # fmt: skip
        for key in totals:
            totals[key] += counts[key]
    print(f"{'total':10s} tried {totals['tried']:3d}  executed {totals['executed']}  hung {totals['hung']}  "
          f"non-clean {totals['unclean']}")  # fmt: skip
    return 0 if totals["executed"] == totals["hung"] == totals["unclean"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
