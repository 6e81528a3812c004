"""Surrogate formulas from papers, peer libraries and textbooks, as a new user would write them.

Not part of the catalog: a corpus that the pipeline must handle without having been tuned
to it. Each entry gives g and/or G as a formula string, parameter defaults and its source.
``well_posed`` is False for formulas that are not soft steps (g grows, ∫g diverges, g is
negative somewhere or G is not monotone); those must fail ``check`` or be refused.

Sources are cited as "library function" (the function whose backward pass gives g) or as
a paper; where a library centres g at the threshold, x here is the distance to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    name: str
    source: str
    grad: str | None = None
    primitive: str | None = None
    params: dict[str, float] = field(default_factory=dict)
    well_posed: bool = True
    why: str = ""  # for ill-posed entries: what is wrong


def _g(name: str, grad: str, source: str, well_posed: bool = True, why: str = "", **params: float) -> Entry:
    return Entry(name, source, grad=grad, params=params, well_posed=well_posed, why=why)


def _G(name: str, primitive: str, source: str, well_posed: bool = True, why: str = "", **params: float) -> Entry:
    return Entry(name, source, primitive=primitive, params=params, well_posed=well_posed, why=why)


SNN = [
    _g("SuperSpike", "1/(beta*Abs(x) + 1)**2", "Zenke & Ganguli 2018, SuperSpike, Neural Comput. 30(6)", beta=10.0),
    _g("SuperSpikeNormed", "beta/(2*(1 + beta*Abs(x))**2)", "Zenke & Vogels 2021, Neural Comput. 33(4)", beta=10.0),
    _g("SnnTorchFastSigmoid", "1/(slope*Abs(x) + 1)**2", "snnTorch surrogate.fast_sigmoid", slope=25.0),
    _G("SnnTorchAtan", "atan(pi/2*alpha*x)/pi + 1/2", "snnTorch surrogate.atan", alpha=2.0),
    _G("SnnTorchSigmoid", "1/(1 + exp(-slope*x))", "snnTorch surrogate.sigmoid", slope=25.0),
    _g(
        "SnnTorchSpikeRateEscape",
        "slope*exp(-beta*Abs(x - 1))",
        "snnTorch surrogate.spike_rate_escape",
        beta=1.0,
        slope=25.0,
    ),
    _g("SnnTorchTriangular", "Max(0, 1 - Abs(x))", "snnTorch surrogate.triangular (threshold 1)"),
    _g("NorseSuperSpike", "1/(alpha*Abs(x) + 1)**2", "Norse norse.torch.functional.superspike", alpha=100.0),
    _g("NorseTent", "alpha*Max(0, 1 - Abs(x))", "Norse norse.torch.functional.heaviside heavi_tent_fn", alpha=1.0),
    _g("NorseErfc", "alpha/sqrt(pi)*exp(-(alpha*x)**2)", "Norse heavi_erfc_fn", alpha=10.0),
    _G("NorseCirc", "(x/sqrt(1/alpha**2 + x**2) + 1)/2", "Norse heavi_circ_fn", alpha=10.0),
    _G("NorseTanh", "(tanh(alpha*x) + 1)/2", "Norse heavi_tanh_fn", alpha=5.0),
    _g(
        "SinabsSingleExponential",
        "exp(-Abs(x)/grad_width)/grad_width*grad_scale",
        "sinabs.activation.SingleExponential",
        grad_width=0.5,
        grad_scale=1.0,
    ),
    _g(
        "SinabsGaussian",
        "exp(-x**2/(2*grad_width**2))/(sqrt(2*pi)*grad_width)",
        "sinabs.activation.Gaussian",
        grad_width=0.5,
    ),
    _g(
        "SinabsHeavisideWindow",
        "Piecewise((1/window, Abs(x) < window/2), (0, True))",
        "sinabs.activation.Heaviside (window)",
        window=1.0,
    ),
    _g("SpyxSuperspike", "1/(1 + k*Abs(x))**2", "spyx.axn.superspike", k=25.0),
    _g("SpyxArctan", "1/(1 + k*x**2)", "spyx.axn.arctan", k=2.0),
    _g("SpyxTanh", "4/(exp(-k*x) + exp(k*x))**2", "spyx.axn.tanh", k=1.0),
    _g("SpyxBoxcar", "Piecewise((height, Abs(x) <= width/2), (0, True))", "spyx.axn.boxcar", width=2.0, height=0.5),
    _g("SpyxTriangular", "Max(0, 1 - k*Abs(x))", "spyx.axn.triangular", k=2.0),
    _g("RockpoolPeriodicExpOne", "exp(-Abs(x)/0.5)", "Rockpool PeriodicExponential (one period, width 0.5)"),
    _g(
        "SlayerPdf",
        "scale_rho/tau_rho*exp(-Abs(x)/tau_rho)",
        "Shrestha & Orchard 2018, SLAYER, NeurIPS (rho)",
        scale_rho=1.0,
        tau_rho=1.0,
    ),
    _G("SpikingJellySigmoid", "sigmoid(alpha*x)", "SpikingJelly surrogate.Sigmoid", alpha=4.0),
    _G("SpikingJellyATan", "atan(pi/2*alpha*x)/pi + 1/2", "SpikingJelly surrogate.ATan", alpha=2.0),
    _g(
        "SpikingJellyPiecewiseQuadratic",
        "Piecewise((0, Abs(x) > 1/alpha), (alpha - alpha**2*Abs(x), True))",
        "SpikingJelly surrogate.PiecewiseQuadratic",
        alpha=1.0,
    ),
    _g("SpikingJellyPiecewiseExp", "alpha/2*exp(-alpha*Abs(x))", "SpikingJelly surrogate.PiecewiseExp", alpha=1.0),
    _G("SpikingJellySoftSign", "(alpha*x/(1 + Abs(alpha*x)) + 1)/2", "SpikingJelly surrogate.SoftSign", alpha=2.0),
    _G("SpikingJellyErf", "erfc(-alpha*x)/2", "SpikingJelly surrogate.Erf", alpha=2.0),
    _g(
        "SpikingJellyQPseudoSpike",
        "(1 + 2*Abs(x)/(alpha - 1))**(-alpha)",
        "SpikingJelly surrogate.QPseudoSpike",
        alpha=2.0,
    ),
    _g(
        "BellecPseudoDerivative",
        "gamma_pd*Max(0, 1 - Abs(x))",
        "Bellec et al. 2018, Long short-term memory and learning-to-learn in SNNs, NeurIPS",
        gamma_pd=0.3,
    ),
    _g("EsserTrueNorth", "Max(0, 1 - Abs(x))", "Esser et al. 2016, Convolutional networks for ... neuromorphic, PNAS"),
    _g("WuRect", "Piecewise((1/a, Abs(x) < a/2), (0, True))", "Wu et al. 2018, STBP, Front. Neurosci. (h1)", a=1.0),
    _g(
        "WuPolynomial",
        "Piecewise((sqrt(a)/2 - a/4*Abs(x), Abs(x) < 2/sqrt(a)), (0, True))",
        "Wu et al. 2018, STBP (h2)",
        a=1.0,
    ),
    _g("WuSigmoid", "exp(-x/a)/(a*(1 + exp(-x/a))**2)", "Wu et al. 2018, STBP (h3)", a=1.0),
    _g("WuGaussian", "exp(-x**2/(2*a))/sqrt(2*pi*a)", "Wu et al. 2018, STBP (h4)", a=1.0),
    _g(
        "NeftciSigmoidPrime",
        "alpha*sigmoid(alpha*x)*(1 - sigmoid(alpha*x))",
        "Neftci, Mostafa & Zenke 2019, Surrogate gradient learning, IEEE SPM",
        alpha=5.0,
    ),
    _g(
        "ZenkeVogelsEsser", "beta*Max(0, 1 - beta*Abs(x))", "Zenke & Vogels 2021 (Esser-type, steepness beta)", beta=2.0
    ),
    _g(
        "HuhSejnowskiGate",
        "Piecewise((1/(2*w)*(1 + cos(pi*x/w)), Abs(x) < w), (0, True))",
        "Huh & Sejnowski 2018, Gradient descent for SNNs, NeurIPS (raised cosine gate)",
        w=0.5,
    ),
    _G(
        "DSpike",
        "Piecewise((0, x < -1/2), (1, x > 1/2), ((tanh(b*x)/tanh(b/2) + 1)/2, True))",
        "Li et al. 2021, Differentiable Spike, NeurIPS",
        b=3.0,
    ),
    _g("TanhOneMinusSquare", "alpha*(1 - tanh(alpha*x)**2)/2", "derivative of (1 + tanh(alpha x))/2", alpha=2.0),
    _g("MultiGaussianSum", "Sum(exp(-(x - k)**2/2)/sqrt(2*pi), (k, -1, 1))/3", "equal-weight Gaussian mixture"),
    _g("LinearExpAsym", "Piecewise((exp(x), x < 0), (exp(-2*x), True))", "asymmetric exponential (two rates)"),
]

TEXTBOOK = [
    _g("LogisticPdf", "exp(-x/s)/(s*(1 + exp(-x/s))**2)", "logistic density", s=0.5),
    _G("LogisticCdf", "1/(1 + exp(-x/t))", "logistic distribution function", t=0.25),
    _g("CauchyPdf", "1/(pi*gamma_c*(1 + (x/gamma_c)**2))", "Cauchy density", gamma_c=0.5),
    _G("CauchyCdf", "1/2 + atan(x/gamma_c)/pi", "Cauchy distribution function", gamma_c=0.5),
    _g("LaplacePdf", "exp(-Abs(x)/b)/(2*b)", "Laplace density", b=0.5),
    _G("LaplaceCdf", "Piecewise((exp(x/b)/2, x < 0), (1 - exp(-x/b)/2, True))", "Laplace distribution function", b=0.5),
    _g("GumbelPdf", "alpha*exp(-alpha*x)*exp(-exp(-alpha*x))", "Gumbel (max) density", alpha=2.0),
    _G("GumbelCdf", "exp(-exp(-x/beta))", "Gumbel (max) distribution function", beta=0.5),
    _G("GumbelMinCdf", "1 - exp(-exp(x/beta))", "Gumbel (min) distribution function", beta=0.5),
    _g("StudentT", "(1 + x**2/nu)**(-(nu + 1)/2)", "Student-t density (unnormalised)", nu=3.0),
    _g("StudentT2", "(1 + x**2/2)**(-3/2)/(2*sqrt(2))", "Student-t density, nu = 2"),
    _g("HyperbolicSecantPdf", "sech(pi*x/2)/2", "hyperbolic secant density"),
    _G("HyperbolicSecantCdf", "2/pi*atan(exp(pi*x/2))", "hyperbolic secant distribution function"),
    _g("SechScaled", "sech(x/s)/(pi*s)", "hyperbolic secant kernel, scale s", s=0.5),
    _g("SechSquared", "sech(alpha*x)**2*alpha/2", "derivative of (1 + tanh)/2, as sech squared", alpha=3.0),
    _g("NormalPdf", "exp(-x**2/(2*sigma**2))/(sigma*sqrt(2*pi))", "normal density", sigma=0.5),
    _G("NormalCdf", "(1 + erf(x/(sigma*sqrt(2))))/2", "normal distribution function", sigma=0.5),
    _g("TriangularKernel", "Max(0, 1 - Abs(x)/w)/w", "triangular kernel", w=0.5),
    _g("Epanechnikov", "Piecewise((3/(4*w)*(1 - (x/w)**2), Abs(x) <= w), (0, True))", "Epanechnikov kernel", w=1.0),
    _g("Biweight", "Piecewise((15/16*(1 - x**2)**2, Abs(x) <= 1), (0, True))", "biweight (quartic) kernel"),
    _g("Triweight", "Piecewise((35/32*(1 - x**2)**3, Abs(x) <= 1), (0, True))", "triweight kernel"),
    _g("Tricube", "Piecewise((70/81*(1 - Abs(x)**3)**3, Abs(x) <= 1), (0, True))", "tricube kernel"),
    _g("CosineKernel", "Piecewise((pi/4*cos(pi*x/2), Abs(x) <= 1), (0, True))", "cosine kernel"),
    _g("RaisedCosine", "Piecewise(((1 + cos(pi*x/s))/(2*s), Abs(x) <= s), (0, True))", "raised cosine density", s=1.0),
    _g(
        "VonMisesLike",
        "Piecewise((exp(kappa*(cos(x) - 1)), Abs(x) <= pi), (0, True))",
        "von Mises density shape on one period",
        kappa=2.0,
    ),
    _g("GenNormalP1", "alpha*exp(-Abs(alpha*x))", "generalised normal exp(-|x|^p), p = 1", alpha=2.0),
    _g("GenNormalP3halves", "alpha*exp(-Abs(alpha*x)**(3/2))", "generalised normal, p = 3/2", alpha=2.0),
    _g("GenNormalP2", "alpha*exp(-(alpha*x)**2)", "generalised normal, p = 2", alpha=2.0),
    _g("GenNormalP3", "alpha*exp(-Abs(alpha*x)**3)", "generalised normal, p = 3", alpha=2.0),
    _g("GenNormalP4", "alpha*exp(-(alpha*x)**4)", "generalised normal, p = 4", alpha=2.0),
    _g("GenNormalP6", "exp(-x**6)", "generalised normal, p = 6"),
    _g("GenNormalPHalf", "exp(-sqrt(Abs(x)))/4", "generalised normal, p = 1/2 (cusp at 0)"),
    _g(
        "KumaraswamyA2B3",
        "Piecewise((3*(x + 1)/2*(1 - ((x + 1)/2)**2)**2, Abs(x) <= 1), (0, True))",
        "Kumaraswamy(2, 3) density on [-1, 1]",
    ),
    _g("BetaKernel22", "Piecewise((3/4*(1 - x**2), Abs(x) < 1), (0, True))", "Beta(2, 2) on [-1, 1]"),
    _G(
        "Smoothstep",
        "Piecewise((0, x < -1), (1, x > 1), (3*((x + 1)/2)**2 - 2*((x + 1)/2)**3, True))",
        "smoothstep (Hermite) on [-1, 1]",
    ),
    _G(
        "Smootherstep",
        "Piecewise((0, x < -1), (1, x > 1), (6*((x+1)/2)**5 - 15*((x+1)/2)**4 + 10*((x+1)/2)**3, True))",
        "smootherstep (Perlin) on [-1, 1]",
    ),
    _G("Gudermannian", "2*atan(tanh(x/2))/pi + 1/2", "Gudermannian function, scaled to a step"),
    _G("AlgebraicSigmoid", "(1 + x/sqrt(1 + x**2))/2", "algebraic sigmoid"),
    _G("SoftsignCdf", "(1 + x/(1 + Abs(x)))/2", "softsign, scaled to a step"),
    _G("TanhStep", "(1 + tanh(alpha*x))/2", "tanh step", alpha=4.0),
    _G("ErfStep", "erfc(-x/sqrt(2))/2", "normal distribution function, unit scale"),
    _g("ExponentialPdf", "Piecewise((0, x < 0), (lam*exp(-lam*x), True))", "exponential density", lam=2.0),
    _g("RayleighPdf", "Piecewise((0, x < 0), (x*exp(-x**2/2), True))", "Rayleigh density"),
    _g("GammaK2Pdf", "Piecewise((0, x < 0), (x*exp(-x), True))", "gamma density, shape 2"),
    _g("WeibullK3halves", "Piecewise((0, x < 0), (3/2*sqrt(x)*exp(-x**(3/2)), True))", "Weibull density, k = 3/2"),
    _g("MaxwellPdf", "Piecewise((0, x < 0), (sqrt(2/pi)*x**2*exp(-x**2/2), True))", "Maxwell density"),
    _g("LogLogisticB2", "Piecewise((0, x < 0), (2*x/(1 + x**2)**2, True))", "log-logistic density, beta = 2"),
    _g("LevyPdf", "Piecewise((0, x <= 0), (exp(-1/(2*x))/(sqrt(2*pi)*x**(3/2)), True))", "Levy density, c = 1"),
    _g("WignerSemicircle", "Piecewise((2/pi*sqrt(1 - x**2), Abs(x) < 1), (0, True))", "Wigner semicircle density"),
    _g("CauchySquared", "2/(pi*(1 + x**2)**2)", "squared Cauchy kernel (normalised)"),
    _g("CubicPowerTail", "1/(1 + Abs(x))**3", "power tail, exponent 3"),
    _g("FejerSinc2", "sin(x)**2/(pi*x**2)", "Fejer kernel sinc^2 / pi"),
    _g("BumpFunction", "Piecewise((exp(-1/(1 - x**2)), Abs(x) < 1), (0, True))", "smooth bump (no closed-form G)"),
    _g("SkewLogistic", "2*exp(-x)/(1 + exp(-x))**3", "type-I generalised logistic density, alpha = 2"),
    _g("LogisticMix", "exp(-Abs(x))/(1 + exp(-Abs(x)))**2", "logistic density, written in the even form"),
    _g("GaussLaplaceMix", "exp(-x**2)/(2*sqrt(pi)) + exp(-Abs(x))/4", "Gaussian + Laplace mixture"),
    _g(
        "ScaledArcsinhPrime",
        "1/(pi*sqrt(1 + x**2)*(1 + log(x + sqrt(1 + x**2))**2))",
        "derivative of atan(asinh x)/pi + 1/2",
    ),
    _G("ExpSigmoidDoubleExp", "exp(-exp(-x))", "Gompertz-type step"),
    _G("ArctanCubic", "1/2 + atan(x**3)/pi", "flat-top arctan step"),
    _g("FejerSinc2Scaled", "sin(alpha*x)**2/(pi*alpha*x**2)", "Fejer kernel at frequency alpha", alpha=2.0),
    _g("ErlangDensity", "Piecewise((x*exp(-x/theta)/theta**2, x > 0), (0, True))", "Gamma density, shape 2", theta=0.5),
    _g(
        "SoftBoxWidth",
        "(sigmoid(alpha*(x + w)) - sigmoid(alpha*(x - w)))/(2*w)",
        "logistic steps at +-w",
        alpha=4.0,
        w=1.0,
    ),
    _g("TanhBoxWidth", "(tanh(alpha*(x + w)) - tanh(alpha*(x - w)))/(4*w)", "tanh steps at +-w", alpha=2.0, w=1.0),
    _g("LogisticScale", "exp(-x/s)/(s*(1 + exp(-x/s))**2)", "logistic density, a scale not a power of two", s=0.3),
    _g("SkewNormal", "exp(-x**2/2)/sqrt(2*pi)*erfc(-a*x/sqrt(2))", "skew normal density (Azzalini 1985)", a=2.0),
    _g(
        "ExGaussian",
        "lam/2*exp(lam/2*(lam*sig**2 - 2*x))*erfc((lam*sig**2 - x)/(sqrt(2)*sig))",
        "exponentially modified Gaussian density",
        lam=1.0,
        sig=0.5,
    ),
    _g(
        "StudentTNormalised",
        "gamma((nu + 1)/2)/(sqrt(nu*pi)*gamma(nu/2))*(1 + x**2/nu)**(-(nu + 1)/2)",
        "Student's t density",
        nu=4.0,
    ),
    _G("LogCoshBox", "(log(cosh(a*(x + 1))) - log(cosh(a*(x - 1))))/(4*a) + 1/2", "integral of a tanh box", a=2.0),
    _G("TanhOfCubic", "(1 + tanh(a*x + b*x**3))/2", "tanh of a cubic argument", a=1.0, b=0.1),
    _g("QuadraticTimesGaussian", "(1 + x**2)*exp(-x**2)*2/(3*sqrt(pi))", "Gaussian times 1 + x^2"),
]

ILL_POSED = [
    _g("GrowingExp", "exp(alpha*x)", "sign error: exp(+alpha x)", False, "g grows", alpha=1.0),
    _g("GrowingSquare", "x**2", "not a bump", False, "g grows"),
    _g("GrowingCosh", "cosh(x)", "sign error: cosh instead of sech", False, "g grows"),
    _g("NonIntegrableInvAbs", "1/(1 + beta*Abs(x))", "SuperSpike without the square", False, "∫g diverges", beta=1.0),
    _g("NonIntegrableInvSqrt", "1/sqrt(1 + x**2)", "asinh derivative", False, "∫g diverges"),
    _g(
        "LeakyWindow",
        "Piecewise((1/w, Abs(x) < w), (c, True))",
        "SpikingJelly PiecewiseLeakyReLU (c > 0)",
        False,
        "constant tails",
        w=1.0,
        c=0.01,
    ),
    _g("NonzeroSignLogAbs", "1/(1/alpha + Abs(x))", "SpikingJelly NonzeroSignLogAbs", False, "∫g diverges", alpha=1.0),
    _g("LeakyKReLU", "Piecewise((k, x < 0), (1, True))", "SpikingJelly LeakyKReLU", False, "constant tails", k=0.1),
    _g(
        "RockpoolStepPwl",
        "Piecewise((0, x < -w), (1, True))",
        "Rockpool step_pwl (g = 1 above t - window)",
        False,
        "constant tail",
        w=0.5,
    ),
    _g("NegativeGaussian", "-exp(-x**2)", "sign error", False, "g negative"),
    _g("NegativeCauchy", "-1/(1 + x**2)", "sign error", False, "g negative"),
    _G("DecreasingStep", "1/(1 + exp(x))", "sign error in the logistic", False, "G decreasing"),
    _g("GaussianDerivative", "x*exp(-x**2)", "g changes sign", False, "G not monotone"),
    _g("RickerWavelet", "(1 - 2*x**2)*exp(-x**2)", "Mexican hat", False, "G not monotone"),
    _G("TanhSquared", "tanh(x)**2", "not a step", False, "G not monotone"),
    _G("LinearPlusSigmoid", "x + 1/(1 + exp(-x))", "G unbounded", False, "G grows"),
    _g("CosSquared", "cos(x)**2", "periodic", False, "∫g diverges"),
    _g("Sinc", "sin(x)/(pi*x)", "sinc kernel", False, "g negative"),
]

CORPUS = SNN + TEXTBOOK + ILL_POSED
BY_NAME = {entry.name: entry for entry in CORPUS}
assert len(BY_NAME) == len(CORPUS), "corpus names must be unique"
