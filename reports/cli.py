"""``python main.py report SAVE [--format text|markdown|html] [--lang zh|zh_hant|en] [--out F]``.

Bad input (a missing or damaged save, a scenario that cannot be loaded, an output that cannot
be written) prints one line and returns exit code 2; main.py turns it into the exit code.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from reports.source import ReportError, open_save

EXIT_OK, EXIT_BAD_INPUT = 0, 2
FORMATS = ("text", "markdown", "html")
SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("save", help="a save file (from the game or `simulate --save`)")
    p.add_argument("--format", choices=FORMATS, default="text", help="text (default), markdown or html")
    p.add_argument("--lang", choices=("zh", "zh_hant", "en"), default="en")
    p.add_argument("--out", metavar="FILE", help="write here instead of to the standard output")


def _write(path: Path, data: bytes) -> None:
    """Atomically: a half-written report never replaces a good one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def make_report(save: str | Path, fmt: str, lang: str, out: Path | None = None) -> tuple[str, dict[Path, bytes]]:
    """The report text, and picture files to write beside it (Markdown to a file only).

    Raises:
        ReportError: the save or its scenario cannot be read.
    """
    from reports import content as rc
    from reports import html, markdown, text

    scen, record, state = open_save(save)
    overlays = [Path(o).stem for o in record.overlays]
    c = rc.build(state, scen, lang, overlays)
    files: dict[Path, bytes] = {}
    if fmt == "html":
        rc.add_charts(c, state, scen)
        return html.render(c), files
    if fmt == "markdown":
        links: dict[str, str] = {}
        if out is not None:
            rc.add_charts(c, state, scen)
            for name, data in c.images.items():
                target = out.with_name(f"{out.stem}_{name}")
                files[target] = data
                links[name] = target.name
        return markdown.render(c, links), files
    return text.render(c), files


def report(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else None
    if out is not None and not out.parent.is_dir():
        print(f"report: cannot write {out}: no such folder {out.parent}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        body, files = make_report(args.save, args.format, args.lang, out)
    except ReportError as exc:
        print(f"report: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if out is None:
        sys.stdout.write(body)
        return EXIT_OK
    try:
        for path, data in files.items():
            _write(path, data)
        _write(out, body.encode("utf-8"))
    except OSError as exc:
        print(f"report: cannot write {out}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"report written: {out}" + (f" (+ {len(files)} picture files)" if files else ""))
    return EXIT_OK
