"""Pages from a sixth producer: the synthesizer's articles typeset by XeLaTeX.

    python tools/latex_pages.py OUTDIR [--pages N] [--seed S] [--corpus shipped|heldout|varied]

TeX sets type unlike the other producers (broadsheet's generator, Chromium, WeasyPrint,
ReportLab, Typst): Knuth–Plass line breaking with TeX's own hyphenation (a real hyphen
glyph at the line end), ligatures from the font, `multicol`'s balanced columns, xeCJK's
glue between CJK characters (a justified CJK line is stretched between every character,
with no space glyph) and between CJK and Latin text, and xdvipdfmx's PDF writer. The CJK
font has one weight, so bold CJK is xeCJK's fake bold: each glyph filled and stroked in
one pass (text render mode 2), a way real producers embolden that no other producer here
uses. Needs ``xelatex`` (Debian: texlive-xetex, texlive-lang-chinese, texlive-latex-extra)
and the AR PL UMing and DejaVu fonts.

A page: a masthead over a rule; a lead story across the page in balanced columns with the
rest side by side under a rule, or the lead in a wide column beside a stack of shorter
ones; a photo as a grey box with its caption and right-set credit; a pull quote between
rules; boxes framed; lists with a chosen marker. Gold JSON is written from what each page
was given, so ``broadsheet eval OUTDIR --run`` scores these pages like the dev set. Every
page is marked held out: no rule is tuned on them. Each page must print on one sheet, every
gold string on it; articles lose whole paragraphs from their ends until it does.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pymupdf
import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
from html_pages import (MAX_SHRINKS, _page, _shrink, gold_page, pdf_page_count, producer_main,  # noqa: E402
                        pull_quote_of_lead, write_page_folder)  # (same articles, same gold)

from broadsheet.synth.corpus_format import SCRIPTS  # noqa: E402
from broadsheet.synth.verify import gold_strings, squeeze  # noqa: E402

CJK_FONTS = {"hant": "AR PL UMing TW", "hans": "AR PL UMing CN"}
# TeX's special characters, each set as itself.
_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$", "%": r"\%", "&": r"\&",
    "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
}


# xeCJK drops a space written between two CJK characters (a line break in CJK source);
# a space the text means to print there (記者 張三 報道) is set as a CJK compositor types
# it, an ideographic space: TeX's own space would print a gap with no character in it.
_SPACE_BY_CJK = regex.compile(r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}]) (?=[\p{Han}\p{Hiragana}\p{Katakana}])")


def _tex(text: str) -> str:
    escaped = "".join(_ESCAPES.get(ch, ch) for ch in text)
    return _SPACE_BY_CJK.sub("\u3000", escaped)


def _style(rng: random.Random, script: str) -> dict:
    size = rng.choice([8.5, 9.0, 9.5])
    across = rng.random() < 0.5
    indent = rng.choice([0, 1, 2]) if script == "en" else rng.choice([0, 2])
    return {
        "size": size, "leading": rng.choice([1.15, 1.25, 1.35]), "justify": rng.random() < 0.7,
        "indent": indent, "para_gap": rng.choice([0, 3]) if indent else rng.choice([3, 4]),
        "photo": rng.choice([80, 110, 140]), "layout": "across" if across else "side",
        "lead_columns": rng.choice([3, 4]) if across else rng.choice([2, 3]),
        "split": rng.choice([0.62, 0.66]), "column_rule": rng.random() < 0.4,
        "h1": rng.choice([20, 22, 26]), "h2": rng.choice([13, 14, 16]), "deck": rng.choice([11, 12]),
        "deck_italic": rng.random() < 0.5, "sub": size + 1.5, "marker": rng.choice(["•", "●", "■"]),
        "quote": rng.choice([11, 12, 13]), "sans_heads": rng.random() < 0.5,
    }


def _preamble(script: str, style: dict) -> str:
    size = style["size"]
    cjk = ""
    if script in CJK_FONTS:
        cjk = (r"\usepackage{xeCJK}" "\n"
               rf"\setCJKmainfont[AutoFakeBold=2.5,AutoFakeSlant=0.2]{{{CJK_FONTS[script]}}}" "\n"
               rf"\setCJKsansfont[AutoFakeBold=2.5]{{{CJK_FONTS[script]}}}" "\n")
    return "\n".join([
        r"\documentclass{article}",
        r"\usepackage[a4paper,margin=12mm]{geometry}",
        r"\usepackage{fontspec}",
        # No TeX input ligatures: a straight quote or a double hyphen in the text is printed as written.
        r"\defaultfontfeatures[\rmfamily,\sffamily]{}",
        r"\setmainfont{DejaVu Serif}",
        r"\setsansfont{DejaVu Sans}",
        cjk,
        r"\usepackage{multicol,xcolor,enumitem,ragged2e}",
        r"\pagestyle{empty}",
        r"\setlength{\columnsep}{10pt}",
        rf"\setlength{{\columnseprule}}{{{0.4 if style['column_rule'] else 0}pt}}",
        # A minipage sets its paragraphs flush and tight: each story's box sets them again.
        rf"\newcommand{{\paragraphs}}{{\setlength{{\parindent}}{{{style['indent']}em}}\setlength{{\parskip}}{{{style['para_gap']}pt}}}}",
        r"\paragraphs",
        # Headlines, decks and bylines are not hyphenated; body text is.
        r"\newcommand{\nohyphens}{\hyphenpenalty=10000\exhyphenpenalty=10000}",
        r"\setlength{\emergencystretch}{3em}",
        rf"\renewcommand{{\normalsize}}{{\fontsize{{{size}}}{{{size * style['leading']:.2f}}}\selectfont}}",
        rf"\setlist[itemize]{{label={{{style['marker']}}},leftmargin=10pt,itemsep=0pt,topsep=2pt,parsep=0pt}}",
        r"\begin{document}",
        r"\normalsize",
        r"" if style["justify"] else r"\RaggedRight",
    ])


def _heading(text: str, size: float, sans: bool) -> str:
    family = r"\sffamily" if sans else ""
    return (rf"{{\noindent\nohyphens\fontsize{{{size}}}{{{size * 1.2:.1f}}}\selectfont{family}\bfseries "
            rf"\RaggedRight {_tex(text)}\par}}\vspace{{4pt}}")


def _photo(caption: dict, height: int) -> str:
    credit = caption.get("printed", caption["credit"])
    # One box: a caption is never split from its photo or across columns.
    return (rf"\par\noindent\begin{{minipage}}{{\linewidth}}{{\color[gray]{{0.6}}\rule{{\linewidth}}{{{height}pt}}}}\par"
            rf"{{\fontsize{{7.5}}{{9}}\selectfont\RaggedRight {_tex(caption['text'])}\par}}"
            rf"{{\hfill\fontsize{{6.5}}{{8}}\selectfont {_tex(credit)}\par}}\end{{minipage}}\par\vspace{{4pt}}")


def _pull_quote(quote: str, size: float) -> str:
    # One box, as the photo: a quote is never split across columns.
    return (rf"\par\vspace{{4pt}}\noindent\begin{{minipage}}{{\linewidth}}\rule{{\linewidth}}{{1pt}}\par"
            rf"{{\fontsize{{{size}}}{{{size * 1.25:.1f}}}\selectfont\itshape\RaggedRight {_tex(quote)}\par}}"
            r"\rule{\linewidth}{1pt}\end{minipage}\par\vspace{4pt}")


def _body(article: dict, style: dict) -> str:
    out = [_photo(c, style["photo"]) for c in article["captions"]]
    items: list[str] = []
    paragraphs = 0
    for block in article["body"]:
        if block["kind"] == "list_item":
            items.append(r"\item " + _tex(block["text"]))
            continue
        if items:
            out.append(r"\begin{itemize}" + "\n".join(items) + r"\end{itemize}")
            items = []
        if block["kind"] == "subhead":
            # One box: a subhead is never split across columns.
            family = r"\sffamily" if style["sans_heads"] else ""
            out.append(rf"\par\vspace{{5pt}}\noindent\begin{{minipage}}{{\linewidth}}\nohyphens"
                       rf"\fontsize{{{style['sub']}}}{{{style['sub'] * 1.2:.1f}}}\selectfont"
                       rf"{family}\bfseries\RaggedRight {_tex(block['text'])}\end{{minipage}}\par\nobreak\vspace{{2pt}}")
        else:
            out.append(_tex(block["text"]) + r"\par")
            paragraphs += 1
            if paragraphs == 2 and article.get("pull_quote"):
                out.append(_pull_quote(article["pull_quote"], style["quote"]))
    if items:
        out.append(r"\begin{itemize}" + "\n".join(items) + r"\end{itemize}")
    if article["signoff"]:
        out.append(rf"{{\noindent\hfill\fontsize{{7.5}}{{9}}\selectfont {_tex(article['signoff'])}\par}}")
    return "\n".join(out)


def _story(article: dict, style: dict, columns: int, size: float) -> str:
    head = [_heading(article["headline"], size, style["sans_heads"])]
    for deck in article["subheadlines"]:
        shape = r"\itshape" if style["deck_italic"] else ""
        head.append(rf"{{\noindent\nohyphens\fontsize{{{style['deck']}}}{{{style['deck'] * 1.25:.1f}}}\selectfont{shape}"
                    rf"\RaggedRight {_tex(deck)}\par}}\vspace{{3pt}}")
    if article["byline"]:
        head.append(rf"{{\noindent\nohyphens\fontsize{{7.5}}{{9}}\selectfont\bfseries {_tex(article['byline'])}\par}}\vspace{{3pt}}")
    body = _body(article, style)
    if columns > 1:
        body = rf"\begin{{multicols}}{{{columns}}}" + "\n" + body + "\n" + r"\end{multicols}"
    story = "\n".join(head) + "\n" + r"\paragraphs" + "\n" + body
    if article["box"]:
        story = rf"\noindent\fbox{{\begin{{minipage}}{{\dimexpr\linewidth-2\fboxsep-2\fboxrule}}{story}\end{{minipage}}}}"
    return story


def _document(page: dict, meta: dict, style: dict, quote: str | None) -> str:
    paper, folio, section = meta["furniture"]
    articles = [dict(a) for a in page["articles"]]
    if quote is not None:
        articles[0]["pull_quote"] = quote
    lead, rest = articles[0], articles[1:]
    mast = (rf"\noindent{{\fontsize{{8}}{{10}}\selectfont {_tex(folio)}\hfill {_tex(section)}\hfill}}"
            rf"{{\fontsize{{20}}{{24}}\selectfont\bfseries {_tex(paper)}}}\par\vspace{{2pt}}"
            r"\noindent\rule{\linewidth}{1.5pt}\par\vspace{6pt}")
    rule = r"\par\vspace{4pt}\noindent\rule{\linewidth}{0.6pt}\par\vspace{4pt}"
    if style["layout"] == "across":
        width = (1.0 - 0.02 * (len(rest) - 1)) / max(len(rest), 1)
        row = r"\hfill".join(rf"\begin{{minipage}}[t]{{{width:.3f}\linewidth}}{_story(a, style, 1, style['h2'])}\end{{minipage}}"
                             for a in rest)
        body = _story(lead, style, style["lead_columns"], style["h1"]) + rule + r"\noindent" + row
    else:
        left = style["split"]
        stack = rule.join(_story(a, style, 1, style["h2"]) for a in rest)
        body = (rf"\noindent\begin{{minipage}}[t]{{{left}\linewidth}}{_story(lead, style, style['lead_columns'], style['h1'])}"
                rf"\end{{minipage}}\hfill\begin{{minipage}}[t]{{{0.97 - left:.2f}\linewidth}}{stack}\end{{minipage}}")
    return _preamble(meta["script"], style) + "\n" + mast + "\n" + body + "\n" + r"\end{document}" + "\n"


def _compile(source: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "page.tex").write_text(source, encoding="utf-8")
        run = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "page.tex"], cwd=tmp,
                             capture_output=True, text=True, timeout=300)
        pdf = Path(tmp) / "page.pdf"
        if run.returncode != 0 or not pdf.exists():
            tail = "\n".join(run.stdout.splitlines()[-15:])
            raise SystemExit(f"xelatex failed:\n{tail}")
        return pdf.read_bytes()


def _missing(gold: dict, pdf: bytes) -> list[str]:
    """Gold strings (whitespace removed) not found in the page's text as MuPDF reads it:
    text run off the sheet, or a bug in this tool. A hyphen TeX added at a line end is
    not in the gold, so hyphens are compared away."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        text = squeeze(doc[0].get_text()).replace("-", "")
    return [where for where, s in gold_strings(gold) if squeeze(s).replace("-", "") not in text]


def build(outdir: Path, pages: int, seed: int, corpus: str = "shipped") -> None:
    if shutil.which("xelatex") is None:
        raise SystemExit("xelatex not found (Debian: apt-get install texlive-xetex texlive-lang-chinese texlive-latex-extra)")
    rng = random.Random(seed)
    outdir.mkdir(parents=True, exist_ok=True)
    for index in range(1, pages + 1):
        script = SCRIPTS[(index - 1) % len(SCRIPTS)]
        page, meta = _page(rng, script, corpus)
        style = _style(rng, script)
        quote = pull_quote_of_lead(page["articles"][0], script, rng) if rng.random() < 0.4 else None
        meta.update({"layout": f"latex-{style['layout']}", "engine": "xelatex", "style": style})
        folder = outdir / f"x{index:04d}-{script}"
        for _ in range(MAX_SHRINKS):
            if quote and not any(quote in b["text"] for b in page["articles"][0]["body"]):
                quote = None  # the page shed the quoted paragraph: a pull quote repeats printed text
            pdf = _compile(_document(page, meta, style, quote))
            unassigned = [{"kind": "furniture", "text": text} for text in meta["furniture"]] \
                + ([{"kind": "pull_quote", "text": quote}] if quote else [])
            gold = gold_page(folder, script, page["articles"], unassigned, meta)
            if pdf_page_count(pdf) == 1 and not _missing(gold, pdf) or not _shrink(page, rng):
                break
        missing = _missing(gold, pdf)
        if pdf_page_count(pdf) != 1 or missing:
            raise SystemExit(f"{folder.name}: does not fit one sheet ({', '.join(missing[:4])})")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "page.pdf").write_bytes(pdf)
        write_page_folder(folder, gold, meta)
        print(folder.name, len(page["articles"]), "stories", file=sys.stderr)


def main() -> None:
    producer_main(__doc__, build)


if __name__ == "__main__":
    main()
