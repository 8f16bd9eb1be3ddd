from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from amends.cli.coach import coach

PARTNER = "You forgot my birthday dinner and I sat there alone for an hour. I felt like I didn't matter."
REPLY = (
    "I'm so sorry. You sat there alone waiting for me, and of course you felt like you didn't matter. "
    "What was that hour like?"
)


def test_reply_command_prints_json_with_the_partner(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(PARTNER)
    (tmp_path / "r.txt").write_text(REPLY)
    args = ["reply", "--partner", str(tmp_path / "p.txt"), str(tmp_path / "r.txt"), "--json"]
    result = CliRunner().invoke(coach, args)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["kind"] == "reply" and out["partner"] == PARTNER
    assert out["mechanisms"]["interpretation"]["level"] == 2


def test_reply_without_partner_notes_the_missing_context() -> None:
    result = CliRunner().invoke(coach, ["reply", "--json"], input=REPLY)
    assert result.exit_code == 0
    assert "No partner message" in json.loads(result.output)["notes"][0]


def test_emotions_in_plain_text_say_goemotions_labels_apart_from_feelings_in_words() -> None:
    result = CliRunner().invoke(
        coach, ["emotions"], input="I found the messages. I feel stupid and I can't stop shaking."
    )
    assert result.exit_code == 0, result.output
    assert "GoEmotions labels: " in result.output
    assert "may feel shame or guilt (" in result.output and "shame_guilt" not in result.output


def test_emotions_command_reads_stdin() -> None:
    result = CliRunner().invoke(coach, ["emotions", "--json"], input=PARTNER)
    out = json.loads(result.output)
    assert len(out["scores"]) == 28 and out["feelings"]


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "empty"),
        (b"   \n\t", "empty"),
        (b"abc\x00def", "binary"),
        (b"\xff\xfe\xfa", "UTF-8"),
        ("word " * 4001, "characters long"),
        (b"Ich habe deinen Geburtstag vergessen und es tut mir leid", "English"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(data: bytes | str, needle: str) -> None:
    for command in ("reply", "emotions"):
        result = CliRunner().invoke(coach, [command], input=data)
        assert result.exit_code == 2
        assert needle in result.output


def test_batch_says_a_text_field_that_is_not_text_must_be_text(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"partner": PARTNER, "text": 5}) + "\n" + json.dumps({"text": None}) + "\n")
    result = CliRunner().invoke(coach, ["batch", "--kind", "reply", str(path)])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert lines == [
        {"line": 1, "error": "the field 'text' must be text (a string in quotes), not int"},
        {"line": 2, "error": "missing the text field 'text'"},
    ]


def test_batch_reply_writes_results_and_error_objects(tmp_path: Path) -> None:
    rows = [{"partner": PARTNER, "text": REPLY}, {"text": "Whatever."}, {"partner": PARTNER}, {"text": ""}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    result = CliRunner().invoke(coach, ["batch", "--kind", "reply", str(path)])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert lines[0]["kind"] == "reply" and lines[1]["findings"][0]["rule"] == "stonewalling"
    assert lines[2] == {"line": 3, "error": "missing the text field 'text'"}
    assert lines[3]["line"] == 4 and "empty" in lines[3]["error"]
    assert lines[4]["line"] == 5 and "not valid JSON" in lines[4]["error"]


def test_batch_emotions_runs_as_a_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": PARTNER}) + "\n")
    exe = Path(sys.executable).with_name("amends")
    proc = subprocess.run(
        [str(exe), "coach", "batch", "--kind", "emotions", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[0])["kind"] == "emotions"


def test_batch_prewarms_in_chunks_and_keeps_order_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from amends.cli import coach as coach_cli
    from amends.coach.analyses import ANALYSES
    from amends.coach.reply import analyze_reply

    monkeypatch.setattr(coach_cli, "PREWARM_CHUNK", 2)
    warmed: list[int] = []
    real_warm = ANALYSES["reply"].warm
    monkeypatch.setattr(
        type(ANALYSES["reply"]), "warm", lambda self, records: (warmed.append(len(records)), real_warm(records))[1]
    )
    rows = [
        {"partner": PARTNER, "text": f"I'm sorry, that hour sounds awful ({i}). What was it like?"} for i in range(4)
    ]
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps(rows[0])
        + "\nnot json\n"
        + "".join(json.dumps(r) + "\n" for r in rows[1:])
        + json.dumps({"partner": PARTNER})
        + "\n"
    )
    result = CliRunner().invoke(coach, ["batch", "--kind", "reply", str(path)])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert warmed == [1, 2, 2]  # chunks of two rows; the broken JSON row is not passed to the hook
    assert lines[1] == {"line": 2, "error": lines[1]["error"]} and "not valid JSON" in lines[1]["error"]
    assert lines[5] == {"line": 6, "error": "missing the text field 'text'"}
    for line, row in zip([lines[0], *lines[2:5]], rows, strict=True):
        assert line == analyze_reply(partner_message=PARTNER, reply=row["text"]).to_dict()


def test_plain_text_says_a_repeated_finding_once_with_each_passage(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text("You told me you'd stopped texting her and you were still doing it.")
    (tmp_path / "r.txt").write_text("Oh, I'm SO sorry that I'm not perfect like you. Happy now?")
    result = CliRunner().invoke(coach, ["reply", "--partner", str(tmp_path / "p.txt"), str(tmp_path / "r.txt")])
    assert result.exit_code == 0, result.output
    contempt = [line for line in result.output.splitlines() if line.startswith("- [high] contempt:")]
    assert len(contempt) == 1 and contempt[0].endswith('"Happy now?"')
    assert result.output.count("Mockery or scorn") == 1
