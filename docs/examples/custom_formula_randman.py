"""Your own surrogate from a formula, checked, then trained on Randman.

The shape here is an algebraic soft step, G(x) = (1 + αx/√(1 + (αx)²))/2, whose gradient
g(x) = α/(2(1 + (αx)²)^{3/2}) has heavier tails than the sigmoid's and is not in the catalog.
``symsurrogate.surrogate`` takes G and g (g alone, or G alone, works too), rewrites them into a stable form
and generates the JAX spike function; ``check`` proves dG/dx = g and compares the runtime
gradient with mpmath; ``train`` fits the spiking network of Zenke & Vogels 2021 on Randman.

Run (about a minute on a 2-core CPU): ``python docs/examples/custom_formula_randman.py``
"""

from __future__ import annotations

import sys

import symsurrogate as ss
from symsurrogate.train import RandmanConfig, TrainConfig, train


def main(config: TrainConfig | None = None, data: RandmanConfig | None = None) -> float:
    """Define, check and train; returns the test accuracy."""
    Algebraic = ss.surrogate(
        "Algebraic",
        primitive="(1 + alpha*x/sqrt(1 + (alpha*x)**2))/2",
        grad="alpha/(2*(1 + (alpha*x)**2)**(3/2))",  # optional: check() proves it equals dG/dx
        params={"alpha": 2.0},
        steepness="alpha",
    )
    print(ss.latex(Algebraic)["grad"])
    report = ss.check(Algebraic())
    print("checks pass:", report.ok)
    if not report.ok:
        print(report)
        sys.exit(1)
    result = train(
        Algebraic(alpha=2.0),
        config,
        data,
        progress=lambda r: print(f"epoch {r['epoch']}: loss {r['loss']:.3f}", file=sys.stderr),
    )
    print(
        f"{result.surrogate}{result.params}: test accuracy {result.test_accuracy:.3f} in {result.train_seconds:.0f} s"
    )
    return result.test_accuracy


if __name__ == "__main__":
    main()
