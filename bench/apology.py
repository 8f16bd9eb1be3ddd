"""Benchmark the apology coach: warm latency, CLI batch throughput and memory, and a
RoBERTa-base-sized encoder for scale.

Run: ``.venv/bin/python -m bench.apology`` (about 1-3 minutes on 2 cores). The 5,000 batch
texts are recombined from the labelled set, so nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.apology import load

from amends.coach.apology import analyze_apology
from amends.coach.apology.doc import build_doc
from amends.coach.embed import clear_cache

BATCH_SIZE = 5_000
ROBERTA_SAMPLE = 128  # texts timed through the big encoder; its per-text cost is extrapolated


def make_texts(rows: list[dict], n: int, seed: int = 7) -> list[dict]:
    """Recombine labelled sentences into ``n`` new apologies of 1-6 sentences (≤ 150 words)."""
    rng = random.Random(seed)
    pool = []
    for row in rows:
        doc = build_doc(row["text"])
        pool += [row["text"][s:e].strip() for s, e in doc.sentences]
    out = []
    for _ in range(n):
        words = rng.sample(pool, rng.randint(1, 6))
        text = " ".join(words)
        text = " ".join(text.split()[:150])
        record = {"text": text}
        if rng.random() < 0.25:  # a quarter carry a mistake note, exercising the embedding path
            record["mistake"] = rng.choice([r["mistake"] for r in rows if r.get("mistake")])
        out.append(record)
    return out


def single_latency(rows: list[dict], runs: int = 400) -> None:
    texts = [r["text"] for r in rows if len(r["text"].split()) <= 150]
    for text in texts[:20]:
        analyze_apology(text)  # warm: compile regexes, read lexicons
    times = []
    for i in range(runs):
        start = time.perf_counter()
        analyze_apology(texts[i % len(texts)])
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p50, p99 = statistics.median(times), times[int(len(times) * 0.99) - 1]
    print(f"single apology, warm, no mistake: p50 {p50:.2f} ms, p99 {p99:.2f} ms (targets ≤10 / ≤50 ms)")
    with_mistake = [r for r in rows if r.get("mistake")]
    analyze_apology(with_mistake[0]["text"], mistake=with_mistake[0]["mistake"])
    times = []
    for i in range(runs // 2):
        row = with_mistake[i % len(with_mistake)]
        clear_cache()  # a new draft: nothing of it embedded yet (the cache would otherwise answer repeats)
        start = time.perf_counter()
        analyze_apology(row["text"], mistake=row["mistake"] + " " * (i // len(with_mistake)))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(
        f"single apology, warm, with mistake: p50 {statistics.median(times):.2f} ms, "
        f"p99 {times[int(len(times) * 0.99) - 1]:.2f} ms"
    )


def batch_throughput(records: list[dict]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        amends = Path(sys.executable).with_name("amends")
        cmd = [str(amends), "coach", "batch", "--kind", "apology", str(src), "--out", str(out)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_before = before.ru_utime + before.ru_stime
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        lines = out.read_text(encoding="utf-8").count("\n")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss_mb = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    rate = lines / elapsed
    print(
        f"CLI batch of {lines} texts: {elapsed:.1f} s, {rate:.0f} texts/s (target ≥200/s), "
        f"{lines / cpu:.0f} texts per CPU second, peak RSS {rss_mb:.0f} MB (target ≤400 MB)"
    )
    return elapsed / lines


def roberta_comparison(records: list[dict], ours_per_text: float) -> None:
    try:
        import torch
    except ImportError:
        print("RoBERTa-base comparison skipped: torch is not installed (pip install torch).")
        return
    from amends.coach.embed import FLOAT, _encoder

    torch.manual_seed(0)
    torch.set_num_threads(min(2, os.cpu_count() or 1))
    tokenizer = _encoder(FLOAT).tokenizer  # WordPiece lengths stand in for RoBERTa's BPE lengths
    sample = [r["text"] for r in records[:ROBERTA_SAMPLE]]
    lengths = [min(512, len(tokenizer.encode(t).ids)) for t in sample]
    hidden, vocab = 768, 50265
    embedding = torch.nn.Embedding(vocab, hidden)
    layer = torch.nn.TransformerEncoderLayer(hidden, 12, 3072, activation="gelu", batch_first=True)
    encoder = torch.nn.TransformerEncoder(layer, num_layers=12, enable_nested_tensor=False).eval()
    start = time.perf_counter()
    with torch.inference_mode():
        for i in range(0, len(sample), 16):
            chunk = lengths[i : i + 16]
            ids = torch.randint(0, vocab, (len(chunk), max(chunk)))
            mask = torch.arange(max(chunk))[None, :] >= torch.tensor(chunk)[:, None]
            encoder(embedding(ids), src_key_padding_mask=mask)
    per_text = (time.perf_counter() - start) / len(sample)
    print(
        f"RoBERTa-base-sized encoder (random weights, 12x768, batches of 16, mean {statistics.mean(lengths):.0f} "
        f"tokens): {per_text * 1000:.1f} ms/text, {1 / per_text:.0f} texts/s; "
        f"{per_text / ours_per_text:.1f}x the coach's per-text batch time"
    )


def main() -> None:
    rows = load()
    single_latency(rows)
    records = make_texts(rows, BATCH_SIZE)
    ours = batch_throughput(records)
    roberta_comparison(records, ours)


if __name__ == "__main__":
    main()
