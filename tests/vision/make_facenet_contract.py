#!/usr/bin/python3
"""Builds small ONNX graphs with the input/output contract of the two common
Facenet512 exports, plus a NumPy reference forward pass, for tst_onnxfacenetembedder.

The real weights cannot be downloaded on the build machines, so this graph is
made of the ops a real InceptionResNetV1 export uses: Conv, BatchNormalization
(4-D and on the 2-D embedding), Relu, Concat, Add, Mul (the residual scale),
MaxPool, AveragePool, GlobalAveragePool, Flatten, Gemm (facenet-pytorch) or
MatMul+Add (tf2onnx), and Transpose for the NHWC input of the deepface export.
Weights come from a fixed seed, so every run writes the same files.

usage: make_facenet_contract.py OUTDIR
writes OUTDIR/facenet_{nhwc,nchw}.onnx, chips.bin (7×160×160×3 uint8 BGR) and
expected_{nhwc,nchw}.bin (7×512 float32, the raw model output for those chips
after each export's own preprocessing).
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SIZE = 160
EMBED = 512
BATCH = 7


class Builder:
    def __init__(self, rng):
        self.rng = rng
        self.nodes = []
        self.inits = []
        self.count = 0
        self.ops = []  # (op, inputs, attrs, output) for the NumPy reference

    def name(self, base):
        self.count += 1
        return f"{base}_{self.count}"

    def const(self, array, base):
        n = self.name(base)
        self.inits.append(numpy_helper.from_array(array.astype(np.float32), n))
        return n, array.astype(np.float64)

    def node(self, op, inputs, consts=(), **attrs):
        out = self.name(op.lower())
        names = list(inputs) + [c[0] for c in consts]
        self.nodes.append(helper.make_node(op, names, [out], **attrs))
        self.ops.append((op, list(inputs), [c[1] for c in consts], attrs, out))
        return out

    def conv(self, x, cin, cout, k, stride=1, pad=0, bias=False):
        w = self.rng.normal(0, np.sqrt(2.0 / (cin * k * k)), (cout, cin, k, k))
        consts = [self.const(w, "w")]
        if bias:
            consts.append(self.const(self.rng.normal(0, 0.05, cout), "b"))
        return self.node("Conv", [x], consts, kernel_shape=[k, k], strides=[stride, stride],
                         pads=[pad, pad, pad, pad])

    def bn(self, x, c):
        consts = [self.const(self.rng.uniform(0.6, 1.4, c), "gamma"),
                  self.const(self.rng.normal(0, 0.1, c), "beta"),
                  self.const(self.rng.normal(0, 0.1, c), "mean"),
                  self.const(self.rng.uniform(0.6, 1.4, c), "var")]
        return self.node("BatchNormalization", [x], consts, epsilon=1e-3)

    def cbr(self, x, cin, cout, k, stride=1, pad=0):
        return self.node("Relu", [self.bn(self.conv(x, cin, cout, k, stride, pad), cout)])


def build(layout, seed=20240601):
    rng = np.random.default_rng(seed)
    b = Builder(rng)
    if layout == "nhwc":
        inp = helper.make_tensor_value_info("input_1", TensorProto.FLOAT, ["N", SIZE, SIZE, 3])
        x = b.node("Transpose", ["input_1"], perm=[0, 3, 1, 2])
    else:
        inp = helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 3, SIZE, SIZE])
        x = "input"
    # Stem: conv2d_1a (3×3/2, valid), conv2d_2a, maxpool.
    x = b.cbr(x, 3, 8, 3, stride=2)          # 79×79
    x = b.cbr(x, 8, 8, 3, pad=1)             # 79×79
    x = b.node("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2])  # 39×39
    # Inception-ResNet-A style block: two branches, concat, 1×1 up, scale, residual add.
    b0 = b.cbr(x, 8, 4, 1)
    b1 = b.cbr(b.cbr(x, 8, 4, 1), 4, 4, 3, pad=1)
    mixed = b.node("Concat", [b0, b1], axis=1)
    up = b.conv(mixed, 8, 8, 1, bias=True)
    scale = b.const(np.array([0.17]), "scale")
    scaled = b.node("Mul", [up], [scale])
    x = b.node("Relu", [b.node("Add", [x, scaled])])
    # Reduction-A style: strided conv and max-pool branches.
    r0 = b.cbr(x, 8, 16, 3, stride=2)        # 19×19
    r1 = b.node("MaxPool", [x], kernel_shape=[3, 3], strides=[2, 2])
    x = b.node("Concat", [r0, r1], axis=1)  # 24 channels
    x = b.node("AveragePool", [x], kernel_shape=[3, 3], strides=[2, 2])  # 9×9
    x = b.node("GlobalAveragePool", [x])
    x = b.node("Flatten", [x], axis=1)       # N×24
    if layout == "nhwc":
        # tf2onnx writes Dense as MatMul + Add.
        w = b.const(rng.normal(0, np.sqrt(1.0 / 24), (24, EMBED)), "dense_w")
        x = b.node("MatMul", [x], [w])
        x = b.node("Add", [x], [b.const(rng.normal(0, 0.05, EMBED), "dense_b")])
    else:
        w = b.const(rng.normal(0, np.sqrt(1.0 / 24), (EMBED, 24)), "last_linear")
        x = b.node("Gemm", [x], [w, b.const(rng.normal(0, 0.05, EMBED), "last_bias")], transB=1)
    x = b.bn(x, EMBED)                        # last_bn (BatchNorm1d)
    out = helper.make_tensor_value_info(x, TensorProto.FLOAT, ["N", EMBED])
    graph = helper.make_graph(b.nodes, f"facenet512_contract_{layout}", [inp], [out], b.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 11)],
                              producer_name="rollcall-tests")
    model.ir_version = 6
    onnx.checker.check_model(model)
    return model, b.ops, ("input_1" if layout == "nhwc" else "input")


# ---- NumPy reference (float64) ----

def conv2d(x, w, bias, strides, pads):
    n, c, h, wd = x.shape
    co, ci, kh, kw = w.shape
    p = pads[0]
    s = strides[0]
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    oh = (h + 2 * p - kh) // s + 1
    ow = (wd + 2 * p - kw) // s + 1
    cols = np.empty((n, ci, kh, kw, oh, ow))
    for i in range(kh):
        for j in range(kw):
            cols[:, :, i, j] = xp[:, :, i:i + s * oh:s, j:j + s * ow:s]
    y = np.einsum("ncijhw,ocij->nohw", cols, w)
    if bias is not None:
        y += bias[None, :, None, None]
    return y


def pool(x, k, s, fn):
    n, c, h, w = x.shape
    oh = (h - k) // s + 1
    ow = (w - k) // s + 1
    windows = np.stack([x[:, :, i:i + s * oh:s, j:j + s * ow:s] for i in range(k) for j in range(k)])
    return fn(windows, axis=0)


def forward(ops, input_name, x):
    values = {input_name: x}
    for op, inputs, consts, attrs, out in ops:
        a = [values[i] for i in inputs]
        if op == "Transpose":
            y = np.transpose(a[0], attrs["perm"])
        elif op == "Conv":
            y = conv2d(a[0], consts[0], consts[1] if len(consts) > 1 else None, attrs["strides"], attrs["pads"])
        elif op == "BatchNormalization":
            g, beta, mean, var = consts
            shape = (1, -1) + (1,) * (a[0].ndim - 2)
            y = (a[0] - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + attrs["epsilon"]) \
                * g.reshape(shape) + beta.reshape(shape)
        elif op == "Relu":
            y = np.maximum(a[0], 0)
        elif op == "MaxPool":
            y = pool(a[0], attrs["kernel_shape"][0], attrs["strides"][0], np.max)
        elif op == "AveragePool":
            y = pool(a[0], attrs["kernel_shape"][0], attrs["strides"][0], np.mean)
        elif op == "GlobalAveragePool":
            y = a[0].mean(axis=(2, 3), keepdims=True)
        elif op == "Concat":
            y = np.concatenate(a, axis=attrs["axis"])
        elif op == "Add":
            y = a[0] + (a[1] if len(a) > 1 else consts[0])
        elif op == "Mul":
            y = a[0] * consts[0]
        elif op == "Flatten":
            y = a[0].reshape(a[0].shape[0], -1)
        elif op == "MatMul":
            y = a[0] @ consts[0]
        elif op == "Gemm":
            y = a[0] @ consts[0].T + consts[1]
        else:
            raise ValueError(op)
        values[out] = y
    return values[ops[-1][4]]


def chips():
    """Seven deterministic face-chip-like BGR images: gradients, blobs and noise."""
    rng = np.random.default_rng(7)
    yy, xx = np.mgrid[0:SIZE, 0:SIZE] / SIZE
    out = np.empty((BATCH, SIZE, SIZE, 3), np.uint8)
    for i in range(BATCH):
        img = np.zeros((SIZE, SIZE, 3))
        for c in range(3):
            cx, cy, r = rng.uniform(0.3, 0.7), rng.uniform(0.3, 0.7), rng.uniform(0.15, 0.4)
            blob = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r * r))
            img[:, :, c] = 255 * (0.5 * blob + 0.3 * (xx if c == i % 3 else yy) + 0.2 * rng.random((SIZE, SIZE)))
        out[i] = np.clip(img, 0, 255).astype(np.uint8)
    return out


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    bgr = chips()
    bgr.tofile(os.path.join(outdir, "chips.bin"))
    for layout in ("nhwc", "nchw"):
        model, ops, input_name = build(layout)
        onnx.save(model, os.path.join(outdir, f"facenet_{layout}.onnx"))
        if layout == "nhwc":
            x = bgr.astype(np.float64) / 255.0                      # deepface: BGR in [0, 1]
        else:
            rgb = bgr[..., ::-1].astype(np.float64)
            x = np.transpose((rgb - 127.5) / 128.0, (0, 3, 1, 2))    # facenet-pytorch
        y = forward(ops, input_name, x)
        assert y.shape == (BATCH, EMBED), y.shape
        y.astype(np.float32).tofile(os.path.join(outdir, f"expected_{layout}.bin"))
    print("ok", outdir)


if __name__ == "__main__":
    main()
