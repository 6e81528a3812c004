"""JAX helpers that generated formula modules call: a cancellation-free sigmoid, a centred period
reduction, double-float arithmetic for exponent arguments, e^a·erfc(z) without overflow, and
an accurate Γ, and Ei and E₁ that take their limits at infinite arguments.

This is ordinary, linted and tested code. Catalog formula modules import from it; a
standalone module from ``symsurrogate codegen`` carries the source of the helpers it calls
(see ``_codegen._emit``), so it needs JAX only. Every helper is a module-level function; a
helper's own helpers are found from its source, and ``@helper.defjvp`` rules travel with it.

Why double-float exponent arguments: exp(u) turns an absolute error δ in u into a relative
error δ of the result. In a Gaussian tail u = −x²/(2σ²) reaches −70 in float32, and the
half-ulp roundings of x², σ² and their quotient cost up to 60 ulp. Computing u as an
unevaluated sum hi + lo of two floats (Dekker's products, Knuth's two-sum) and returning
exp(hi)·(1 + lo) keeps the result within a few ulp.
"""

# ruff: noqa: ANN001, ANN002, ANN202
# Copied verbatim into standalone generated modules, whose formula functions carry no annotations either.

import jax
import jax.numpy as jnp


def _compute_dtype(x):
    # Half precision is computed in float32: more accurate, and on CPU faster.
    return jnp.promote_types(jnp.result_type(x), jnp.float32)


def _compute_input(x):
    """x as g reads it: in the compute dtype, with ±inf read as ±max. A surrogate's g is finite
    at every finite input and, for parameters of ordinary size, at ±max already equals its
    limit at ±∞ to the dtype's resolution, while at inf itself a product of a growing and a
    decaying factor (x·e^{−x²/2}, x/(1 + x²)²) is inf·0 = nan. NaN stays NaN.
    """
    dtype = _compute_dtype(x)
    largest = jnp.finfo(dtype).max
    return jnp.clip(x.astype(dtype), -largest, largest)


@jax.custom_jvp
def _sigmoid(z):
    """σ(z); its derivative σ(z)·σ(−z) does not cancel in the tail as σ·(1 − σ) does."""
    return jax.nn.sigmoid(z)


@_sigmoid.defjvp
def _sigmoid_jvp(primals, tangents):
    (z,), (z_dot,) = primals, tangents
    s = _sigmoid(z)
    return s, s * _sigmoid(-z) * z_dot


def _reduce(x, period):
    """x − period·round(x/period): in [−period/2, period/2], odd in x, NaN-free.

    Exact when period·k is (always for a power-of-two period, such as T = 8); otherwise
    within one ulp of x. Where x/period overflows the phase is meaningless anyway: 0.
    """
    r = x - period * jnp.round(x / period)
    return jnp.where(jnp.abs(r) <= period, r, 0)


def _common_dtype(a, b):
    if _aligned(a, b) and not (a.weak_type or b.weak_type):
        return a, b  # jnp.asarray below would return them as they are
    dtype = jnp.result_type(a, b)
    return jnp.asarray(a, dtype), jnp.asarray(b, dtype)


def _aligned(a, b):
    """True where lax's element-wise ops apply as they are: two arrays of one dtype whose
    shapes agree or one of which is a scalar. jnp's operators compute the same, but each
    call traces a wrapper of its own for every new input shape: most of the cost of a first
    call of the double-float code below."""
    return (
        isinstance(a, jax.Array)
        and isinstance(b, jax.Array)
        and a.dtype == b.dtype
        and (a.shape == b.shape or a.ndim == 0 or b.ndim == 0)
    )


def _add(a, b):
    return jax.lax.add(a, b) if _aligned(a, b) else a + b


def _sub(a, b):
    return jax.lax.sub(a, b) if _aligned(a, b) else a - b


def _mul(a, b):
    return jax.lax.mul(a, b) if _aligned(a, b) else a * b


def _split(a):
    """a = hi + lo with half-width significands: products of the halves are exact."""
    if a.dtype == jnp.float32:
        # keep the top 12 significant bits: one integer AND instead of Veltkamp's 3 flops
        bits = jax.lax.bitcast_convert_type(a, jnp.uint32) & jnp.uint32(0xFFFFF000)
        hi = jax.lax.bitcast_convert_type(bits, jnp.float32)
    else:
        c = a * 134217729.0  # Veltkamp: 2^27 + 1 for float64
        hi = _sub(c, _sub(c, a))
    return hi, _sub(a, hi)


def _two_prod(a, b):
    """a·b = p + e exactly (Dekker)."""
    a, b = _common_dtype(a, b)
    p = _mul(a, b)
    (ah, al), (bh, bl) = _split(a), _split(b)
    return p, _add(_add(_add(_sub(_mul(ah, bh), p), _mul(ah, bl)), _mul(al, bh)), _mul(al, bl))


def _two_sum(a, b):
    """a + b = s + e exactly (Knuth)."""
    a, b = _common_dtype(a, b)
    s = _add(a, b)
    bb = _sub(s, a)
    return s, _add(_sub(a, _sub(s, bb)), _sub(b, bb))


def _dd_const(hi, lo, like):
    """The constant hi + lo (a float64 pair) as a pair in the dtype of ``like``."""
    # Constants are folded while tracing: under jit, jnp.asarray would give a tracer, which
    # float() cannot read.
    with jax.ensure_compile_time_eval():
        head = jnp.asarray(hi, jnp.result_type(like))
        return head, jnp.asarray((hi - float(head)) + lo, head.dtype)


def _plus(e, *terms):
    # A low part of None is an exact zero: no operation is emitted for it.
    for term in terms:
        e = e if term is None else _add(e, term)
    return e


def _times(a, b):
    return None if a is None or b is None else _mul(a, b)


def _dd_add(a, b):
    s, e = _two_sum(a[0], b[0])
    return s, _plus(e, a[1], b[1])


def _dd_mul(a, b):
    p, e = _two_prod(a[0], b[0])
    return p, _plus(e, _times(a[1], b[0]), _times(a[0], b[1]))


def _dd_scale(a, c):
    """(hi, lo)·c for a power of two c: exact."""
    return a[0] * c, _times(a[1], c)


def _dd_inv(a):
    # 1/(h + l) = r·(1 − (r·h − 1) − r·l) to first order, r = fl(1/h); r·h − 1 is exact.
    r = 1 / a[0]
    p, e = _two_prod(r, a[0])
    return r, _mul(r, _plus(_sub(1 - p, e), _times(-r, a[1])))


def _dd_abs(a):
    negative = a[0] < 0
    return jnp.where(negative, -a[0], a[0]), _times(jnp.where(negative, -1, 1), a[1])


def _dd_exp(a):
    """exp(hi + lo) = exp(hi)·(1 + lo); lo is dropped where an overflow spoilt it.

    lo is a rounding error: its derivative is noise (and NaN where a split overflowed), so
    derivatives flow through hi alone.
    """
    hi, lo = a
    if lo is None:
        return jnp.exp(hi)
    lo = jax.lax.stop_gradient(lo)
    return jnp.exp(hi) * (1 + jnp.where(jnp.abs(lo) < 1, lo, 0))


def _dd_sigmoid(a):
    """σ(hi + lo) = 1/(1 + e^{−hi−lo}) with the exponential compensated (see ``_dd_exp``).

    The stable forms use it at hi ≤ 0, where σ ≤ 1/2: e^{−hi} may overflow to inf, and σ is
    then 0. Its derivative is σ(z)·σ(−z)·d(hi): the quotient rule would give inf/inf there.
    """
    hi, lo = a
    return _sigmoid_of_pair(hi, jnp.zeros_like(hi) if lo is None else jax.lax.stop_gradient(lo))


@jax.custom_jvp
def _sigmoid_of_pair(hi, lo):
    return 1 / (1 + _dd_exp((-hi, -lo)))


@_sigmoid_of_pair.defjvp
def _sigmoid_of_pair_jvp(primals, tangents):
    (hi, lo), (hi_dot, _) = primals, tangents
    s = _sigmoid_of_pair(hi, lo)
    return s, s * _sigmoid(-hi) * hi_dot


def _on_side(taken, pair):
    """A pair where ``taken``, else 0: each side of a select sees only its own inputs."""
    hi, lo = pair
    return jnp.where(taken, hi, 0), None if lo is None else jnp.where(taken, lo, 0)


def _dd_exp_erfc(a, b, z):
    """e^{a}·erfc(z) for pairs a, z and b = a − z² (formed symbolically by the caller): where
    z ≥ 0 as e^{b}·erfcx(z), else as e^{a}·erfc(z).

    Where z grows, erfc(z) underflows while e^{a} may overflow (the exponentially modified
    Gaussian: inf·0 = nan), and erfc's own e^{−z²} rounds z² (tens of ulp at z = 7 in
    float32). erfcx(z) = e^{z²}·erfc(z) is near 1/(z√π) and well conditioned, and b has no
    large terms that cancel (in the modified Gaussian it is −x²/(2σ²)). Each side sees its
    own inputs only, so that the other side's overflow does not reach the gradient. z's low
    part is not needed: erfcx(z) is well conditioned, and z's pair only keeps the chain rule
    of its products finite at the largest floats.
    """
    return _exp_erfc_of_pairs(*_pair_arrays(a), *_pair_arrays(b), z[0])


def _pair_arrays(pair):
    """(hi, lo) as two arrays: an exact low part (None) as zeros; lo carries no derivative."""
    hi, lo = pair
    return hi, jnp.zeros_like(hi) if lo is None else jax.lax.stop_gradient(lo)


@jax.custom_jvp
def _exp_erfc_of_pairs(a_hi, a_lo, b_hi, b_lo, z):
    positive = z >= 0
    right = _dd_exp(_on_side(positive, (b_hi, b_lo))) * jax.scipy.special.erfcx(jnp.where(positive, z, 0))
    left = _dd_exp(_on_side(~positive, (a_hi, a_lo))) * jax.scipy.special.erfc(jnp.where(positive, 0, z))
    return jnp.where(positive, right, left)


@_exp_erfc_of_pairs.defjvp
def _exp_erfc_of_pairs_jvp(primals, tangents):
    # d/dz e^{a}·erfc(z) = −(2/√π)·e^{a − z²}: one exponential, where the product rule on
    # e^{b}·erfcx(z) would subtract two terms that agree to 1/(2z²).
    _, _, b_hi, b_lo, _ = primals
    a_dot, _, _, _, z_dot = tangents
    value = _exp_erfc_of_pairs(*primals)
    density = _dd_exp((b_hi, b_lo))
    # A value that underflowed to 0 has a zero derivative, also where a′ or z′ overflowed.
    return value, _vanished(value, a_dot) - 1.1283791670955126 * _vanished(density, z_dot)


def _vanished(value, slope):
    """value·slope, 0 where value is 0 (slope may be inf there)."""
    return jnp.where(value == 0, 0, value * slope)


def _softplus_difference(a, b, d):
    """softplus(a) − softplus(b) for a − b = d, with d given exactly: where a and b are both
    positive, d + softplus(−a) − softplus(−b) (no cancellation of two large terms, and no
    inf − inf where both overflow). The branch not taken sees harmless inputs, so neither
    its value nor its gradient is nan."""
    large = jnp.minimum(a, b) > 0
    far = d + jax.nn.softplus(-jnp.where(large, a, 1)) - jax.nn.softplus(-jnp.where(large, b, 1))
    near = jax.nn.softplus(jnp.where(large, 0, a)) - jax.nn.softplus(jnp.where(large, 0, b))
    return jnp.where(large, far, near)


def _expi(z):
    """Ei(z), with its limits at z = ±inf, where jax.scipy.special.expi is nan: Ei(−inf) = 0,
    Ei(inf) = inf. A soft step with Ei(−e^{αx}) meets −inf wherever e^{αx} overflows (from
    x = 89/α in float32). The infinite inputs reach expi as −1, so its gradient is finite."""
    infinite = jnp.isinf(z)
    return jnp.where(infinite, jnp.where(z > 0, jnp.inf, 0), jax.scipy.special.expi(jnp.where(infinite, -1, z)))


def _exp1(z):
    """E₁(z), with E₁(inf) = 0, where jax.scipy.special.exp1 is nan. The infinite inputs
    reach exp1 as 1, so its gradient is finite."""
    infinite = jnp.isposinf(z)
    return jnp.where(infinite, 0, jax.scipy.special.exp1(jnp.where(infinite, 1, z)))


def _gamma(a):
    """Γ(a), within 3 ulp for 0 < a < 20, where jax.scipy.special.gamma (exp∘lgamma: the
    absolute error of lgamma becomes a relative one) is up to 132 ulp off; elsewhere that.

    a − j is exact for whole j < a, so a = t + k with t in [1, 2) costs no rounding, and
    Γ(a) = (a − 1)⋯(a − k)·Γ(t), the product carried as a double-float. 1/Γ is entire, so a
    short polynomial in s = t − 3/2 approximates it on |s| ≤ 1/2 (a Chebyshev fit by mpmath,
    16 terms, within 5e-19); below 1, Γ(a) = Γ(a + 1)/a.
    """
    ours = (a > 0) & (a < 20)
    safe = jnp.where(ours, a, 1.5)  # the unused branch stays finite, and so do its gradients
    steps = jnp.maximum(jnp.floor(safe) - 1, 0)
    below_one = safe < 1
    s = jnp.where(below_one, safe + 1, safe - steps) - 1.5
    reciprocal = 0.0
    for c in (
        1.6830710938973937e-08, -9.002261834603835e-08, 5.80540732549556e-08, 2.1565577829270528e-06,
        -1.3896829354060864e-05, 2.5355130539175535e-05, 0.00015235762354157663, -0.001110730245918119,
        0.002120731442396242, 0.006612897826273515, -0.042155169368530074, 0.050966860247723254,
        0.1751020260439345, -0.5266544355255447, -0.0411745264452831, 1.1283791670955126,
    ):  # fmt: skip
        reciprocal = reciprocal * s + c
    hi, lo = jnp.ones_like(safe), jnp.zeros_like(safe)
    for j in range(1, 19):
        factor = jnp.where(j <= steps, safe - j, 1)
        hi, error = _two_prod(hi, factor)
        lo = lo * factor + jax.lax.stop_gradient(error)  # a rounding error: no derivative
    reduced = jnp.where(below_one, 1 / (safe * reciprocal), (hi + lo) / reciprocal)
    return jnp.where(ours, reduced, jax.scipy.special.gamma(a))
