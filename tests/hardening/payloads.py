"""Hostile text shared by the hardening tests and tests/hardening/count_hostile.py.

Every injection payload would create the file ``sentinel`` if any part of it ran as code.
"""

from __future__ import annotations

MARK = "ZQXMARK"  # a token no generated code contains: where it appears, user text appears


def injections(sentinel: str) -> list[str]:
    """Metadata text crafted to escape a string literal (or a comment, or an f-string) and run."""
    touch = f"open({sentinel!r}, 'w').close()"
    return [
        f'"""\n{touch}\n"""',
        f"'''\n{touch}\n'''",
        f'\\"""; {touch}; """',
        f'x"""+{touch}+"""',
        f'"""  # \n{touch} #',
        f"\n{touch}\n",
        f"{{{touch}}}",
        f"\\\n{touch}",
        f'\x00"""{touch}"""',
        f'\r"""\r{touch}\r"""',
        f'"""\\\n{touch}\\\n"""',
        f'\u2028"""\u2028{touch}\u2028"""',
        f'"\n"""\n{touch}\nx="',
        f"{touch}\n" * 3,
        '"' * 7,
        "\\",
        '\\"',
        "\\N{",
        f"'{touch}'",
        "é ％ ｅｘｐ \u202e \ufeff",
    ]


def hostile_formulas(sentinel: str) -> list[str]:
    """Formula strings: code, parser bombs, and things that used to hang."""
    return [
        f"__import__('os').system('touch {sentinel}')",
        f"open('{sentinel}', 'w')",
        f"(lambda: open('{sentinel}', 'w'))()",
        "().__class__.__bases__[0].__subclasses__()",
        "x.__class__",
        "x*9**9**9",
        "2**10000000",
        "x**(10**9)",
        "x**-(10**9)",
        "10**10**10",
        "exp(x)**100000",
        "1" * 5000,
        "x*" + "9" * 40,
        "Sum(exp(-k*x**2), (k, 1, 10**12))",
        "Sum(exp(-k*x**2), (k, -10**6, 10**6))",
        "Sum(Sum(exp(-k*j*x**2), (j, 1, 10**4)), (k, 1, 10**4))",
        "-(" * 200 + "x" + ")" * 200,
        "-" * 3000 + "x",
        "exp(" * 100 + "x" + ")" * 100,
        "\uff45\uff58\uff50(x)",
        "e\u0301xp(x)",
        "x\x00",
        "x; x",
        "",
        "   ",
    ]
