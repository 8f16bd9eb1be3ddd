"""``amends coach``: the coach from the terminal, one text or a whole batch."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import click

from amends.coach.analyses import ANALYSES
from amends.coach.render import render_report
from amends.coach.text import TextRejected, decode_bytes


def _read_source(source: str, what: str) -> str:
    try:
        data = sys.stdin.buffer.read() if source == "-" else open(source, "rb").read()
    except OSError as exc:
        raise click.UsageError(f"cannot read {source}: {exc.strerror}") from exc
    try:
        return decode_bytes(data, what=what)
    except TextRejected as exc:
        raise click.UsageError(str(exc)) from exc


def _run_one(kind: str, record: dict[str, Any], as_json: bool) -> None:
    try:
        result = ANALYSES[kind].run(record)
    except TextRejected as exc:
        raise click.UsageError(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        click.echo(render_report(result, color=sys.stdout.isatty() or None))


@click.group()
def coach() -> None:
    """Instant, local feedback on an apology, a reply, or a partner's message."""


@coach.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--mistake", help="What you did, in your words; checks the apology names it.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON report.")
def apology(source: str, mistake: str | None, as_json: bool) -> None:
    """Check an apology draft.

    \b
    Examples:
      amends coach apology draft.txt --mistake "I missed your birthday dinner"
      echo "I'm sorry if you were hurt" | amends coach apology --json
    """
    _run_one("apology", {"text": _read_source(source, "apology"), "mistake": mistake}, as_json)


@coach.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON report.")
def emotions(source: str, as_json: bool) -> None:
    """Read the emotions in a partner's message.

    \b
    Example:
      amends coach emotions message.txt
    """
    _run_one("emotions", {"text": _read_source(source, "message")}, as_json)


@coach.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--partner", "partner_file", type=click.Path(dir_okay=False), help="File with what your partner said.")
@click.option("--json", "as_json", is_flag=True, help="Print the JSON report.")
def reply(source: str, partner_file: str | None, as_json: bool) -> None:
    """Check a reply to your partner before you send or say it.

    \b
    Example:
      amends coach reply --partner their-message.txt my-reply.txt
    """
    record: dict[str, Any] = {"text": _read_source(source, "reply")}
    if partner_file:
        record["partner"] = _read_source(partner_file, "partner message")
    _run_one("reply", record, as_json)


def _records(path: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """Yield (line number, record or error message) for each input row."""
    try:
        raw = open(path, "rb").read()
    except OSError as exc:
        raise click.UsageError(f"cannot read {path}: {exc.strerror}") from exc
    text = raw.decode("utf-8-sig", errors="replace")
    if path.lower().endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text))
        if not reader.fieldnames or "text" not in reader.fieldnames:
            raise click.UsageError(f"{path} has no 'text' column.")
        for number, row in enumerate(reader, start=2):
            yield number, dict(row)
        return
    if not path.lower().endswith((".jsonl", ".ndjson")):
        raise click.UsageError("INPUT must be a .jsonl file (one JSON object per line) or a .csv file.")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, f"not valid JSON: {exc.msg}"
            continue
        yield number, record if isinstance(record, dict) else "each line must be a JSON object"


@coach.command()
@click.option("--kind", type=click.Choice(sorted(ANALYSES)), required=True, help="What to analyse.")
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="Write JSON lines here (default: stdout).")
def batch(kind: str, input_path: str, out_path: str | None) -> None:
    """Analyse many texts: one JSON result per input row, in input order.

    INPUT is .jsonl with a "text" field per line (apology: optional "mistake";
    reply: "partner" and "text"), or .csv with a "text" column. A broken row gives
    an {"line": N, "error": ...} object and the batch goes on.

    \b
    Example:
      amends coach batch --kind apology drafts.jsonl --out reports.jsonl
    """
    rows = list(_records(input_path))
    out = open(out_path, "w", encoding="utf-8") if out_path else sys.stdout
    switch = sys.getswitchinterval()
    # The encoder threads hand the interpreter lock back after each text; at the default 5 ms they would
    # wait on the analysis thread that long every time, and the encoder would mostly not run beside it.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    try:
        with (
            ThreadPoolExecutor(max_workers=1) as ahead,
            click.progressbar(rows, label=f"coach {kind}", file=sys.stderr) as bar,
        ):
            warming = ahead.submit(_prewarm, kind, rows[:PREWARM_CHUNK])
            for i, (number, record) in enumerate(bar):
                if i % PREWARM_CHUNK == 0:
                    # the next chunk embeds while this one is analysed; .result() re-raises a coach fault
                    warming.result()
                    warming = ahead.submit(_prewarm, kind, rows[i + PREWARM_CHUNK : i + 2 * PREWARM_CHUNK])
                out.write(json.dumps(_batch_result(kind, number, record), ensure_ascii=False) + "\n")
            warming.result()
    finally:
        sys.setswitchinterval(switch)
        if out_path:
            out.close()


PREWARM_CHUNK = 256  # rows whose texts are embedded together ahead of their analysis
SWITCH_INTERVAL_S = 0.0001


def _prewarm(kind: str, chunk: list[tuple[int, dict[str, Any] | str]]) -> None:
    """Batch-embed a chunk's texts ahead of time. Each kind's prewarm skips a record it cannot read (the row's own
    analysis reports it), so anything raised here is a fault of the coach itself and stops the batch."""
    if chunk:  # the chunk after the last is empty
        ANALYSES[kind].warm([record for _, record in chunk if isinstance(record, dict)])


def _batch_result(kind: str, number: int, record: dict[str, Any] | str) -> dict[str, Any]:
    if isinstance(record, str):
        return {"line": number, "error": record}
    try:
        return ANALYSES[kind].run(record)
    except (TextRejected, ValueError, TypeError) as exc:
        return {"line": number, "error": str(exc)}
