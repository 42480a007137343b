"""The Content-Security-Policy Senate sends with every page (`SecurityHeadersMiddleware`), and the
helper that lets inline SVG charts keep their look under it: `style="…"` attributes are refused by
`style-src 'self'`, SVG presentation attributes are not."""

import re
from functools import lru_cache

POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)
# For a standalone document (a report as HTML) that carries its own <style> and runs no script at all.
STANDALONE_DOCUMENT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'none'"
)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)

_STYLE = re.compile(r'\sstyle="([^"]*)"')
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S)
_FONT = re.compile(r"^(?:(italic|oblique)\s+)?(?:(bold|normal|\d00)\s+)?([\d.]+px)\s+(.+)$")


def _attributes(declarations: str) -> str:
    out = []
    for declaration in declarations.split(";"):
        name, _, value = (part.strip() for part in declaration.partition(":"))
        if not name or not value:
            continue
        font = _FONT.match(value) if name == "font" else None
        if font:
            style, weight, size, family = font.groups()
            pairs = [("font-style", style), ("font-weight", weight), ("font-size", size), ("font-family", family)]
            out += [f'{n}="{v.replace(chr(34), chr(39))}"' for n, v in pairs if v]
        elif re.fullmatch(r"[a-z-]+", name):
            out.append(f'{name}="{value.replace(chr(34), chr(39))}"')
    return (" " + " ".join(out)) if out else ""


@lru_cache(maxsize=32)
def svg_presentation_attributes(svg: str) -> str:
    """matplotlib's SVG with each `style="a: b"` turned into `a="b"`, and its `<style>` rule for every
    element (`*{…}`) moved onto the root `<svg>`, whose children inherit it. Kept by the chart's own
    text (a few charts are shown again and again; a chart drawn anew is a new text)."""
    rules = "".join(m.group(1) for m in _STYLE_ELEMENT.finditer(svg))
    svg = _STYLE_ELEMENT.sub("", svg)
    svg = _STYLE.sub(lambda m: _attributes(m.group(1)), svg)
    star = re.search(r"\*\s*\{([^}]*)\}", rules)
    if star:
        svg = re.sub(r"<svg\b", lambda m: m.group(0) + _attributes(star.group(1)), svg, count=1)
    return svg
