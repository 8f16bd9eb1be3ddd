"""``amends coach apology`` and ``amends coach batch --kind apology`` from the outside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from amends.cli.coach import coach

DRAFT = "I'm sorry if you were hurt when I missed your birthday dinner."


def test_apology_json_from_stdin_reports_the_conditional() -> None:
    result = CliRunner().invoke(coach, ["apology", "--json"], input=DRAFT)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["kind"] == "apology" and out["text"] == DRAFT
    assert "conditional" in {f["rule"] for f in out["findings"]}
    assert out["elements"]["specificity"]["present"] is True


def test_apology_text_output_highlights_and_suggests(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(coach, ["apology", str(path), "--mistake", "I missed your birthday dinner"])
    assert result.exit_code == 0, result.output
    assert "[[" in result.output and "conditional" in result.output
    assert "verdict: non_apology" not in result.output or "Suggestions:" in result.output


def test_mistake_option_reaches_the_analyser() -> None:
    args = ["apology", "--json", "--mistake", "I read your diary"]
    out = json.loads(CliRunner().invoke(coach, args, input="I'm sorry for everything.").output)
    assert out["elements"]["specificity"]["present"] is False
    assert out["mistake"] == "I read your diary"


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"   \n\t ",
        b"x" * 20001,
        "Lo siento mucho, no quería hacerte daño, perdóname por favor.".encode(),
        b"\x00\x01\x02binary",
        b"\xff\xfe\xfa not utf8",
    ],
    ids=["empty", "whitespace", "too_long", "not_english", "binary", "bad_utf8"],
)
def test_unreadable_input_exits_2_with_a_clean_message(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "draft.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(coach, ["apology", str(path), "--json"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "Error:" in result.output


def test_batch_jsonl_keeps_order_and_survives_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "I'm sorry I lied about the money."}),
        "{not json",
        json.dumps({"text": ""}),
        json.dumps({"mistake": "no text here"}),
        json.dumps({"text": "I'm sorry you feel that way.", "mistake": "I yelled at you"}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(coach, ["batch", "--kind", "apology", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 5
    assert rows[0]["verdict"] == "partial" and rows[0]["text"].startswith("I'm sorry I lied")
    assert rows[1]["line"] == 2 and "JSON" in rows[1]["error"]
    assert rows[2]["line"] == 3 and "empty" in rows[2]["error"]
    assert rows[3]["line"] == 4 and "text" in rows[3]["error"]
    assert rows[4]["verdict"] == "non_apology"


def test_batch_reports_a_mistake_that_is_not_text_on_its_row_and_goes_on(tmp_path: Path) -> None:
    # A number where the mistake should be once stopped the whole batch with an AttributeError.
    lines = [
        json.dumps({"text": "I'm sorry I forgot your birthday.", "mistake": 123}),
        json.dumps({"text": "I'm sorry I forgot your birthday.", "mistake": "   "}),
        json.dumps({"text": "I'm sorry I lied about the money."}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(coach, ["batch", "--kind", "apology", str(src)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3
    assert rows[0] == {"line": 1, "error": "The mistake must be plain text."}
    assert rows[1]["mistake"] is None and rows[1]["verdict"]  # a blank mistake counts as none
    assert rows[2]["verdict"] == "partial"


def test_batch_csv_reads_text_and_mistake_columns(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text(
        'text,mistake\n"Sorry if I upset you, ok?",\n'
        "\"I'm sorry I forgot to call, I'll call tonight.\",I forgot to call\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(coach, ["batch", "--kind", "apology", str(src)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [r["verdict"] for r in rows] == ["non_apology", "partial"]
    assert rows[1]["elements"]["repair"]["present"] is True
