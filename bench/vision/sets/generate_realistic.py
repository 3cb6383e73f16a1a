#!/usr/bin/python3
"""Generates the realistic classroom development set of rollcall-bench-vision.

    bench/vision/sets/generate_realistic.py --out DIR [--seeds 1 2 3] [--pool dev|check]
    rollcall-bench-vision classroom --set DIR

Built only from ../shared/data/faces/lfw-gray (greyscale LFW): per seed one class
of --students enrolled students (3 LFW photos each for registration, a 4th in the
classroom), --present of them in the room with --strangers people who are not
enrolled, seated in six rows in perspective on a 4000x3000 photo: faces from about
165 px in front to 43 px at the back, desks hiding shoulders (and some chins),
heads tilted, a window-side lighting gradient, per-face exposure, defocus of the
back rows, motion blur on some faces, sensor noise and phone-like JPEG (q82).
A second photo per class ("closer") shows the back three rows from nearer, as a
teacher takes it when RollCall says faces are too small. The manifest has the
ground truth of every face (identity, box, size) in the format of
../shared/data/classrooms/manifest.json.

--pool splits the LFW identities in two disjoint halves, so settings chosen on
the dev pool can be checked on identities never looked at (--pool check, other
seeds). Needs numpy and OpenCV's Python bindings (python3-numpy, python3-opencv).
"""
import argparse
import json
import math
import os
import shutil
import sys

import cv2
import numpy as np

W, H = 4000, 3000
ROWS = 6
FRONT, BACK = 165.0, 43.0  # face width in px, front and back row (--back changes BACK)
LFW_FACE_CENTRE = (125.0, 128.0)  # where LFW's alignment puts the face
LFW_FACE_WIDTH = 104.0  # face box width in an LFW image


def identities(lfw, minimum):
    out = []
    for name in sorted(os.listdir(lfw)):
        files = sorted(f for f in os.listdir(os.path.join(lfw, name)) if f.endswith(".jpg"))
        if len(files) >= minimum:
            out.append((name, files))
    return out


def in_pool(name, pool):
    # A stable split that does not depend on the order of the folder listing.
    h = sum((i + 1) * ord(c) for i, c in enumerate(name)) % 2
    return h == (0 if pool == "dev" else 1)


def head_patch(image, size, angle, gain, rng):
    """The LFW head scaled to a face width of `size`, tilted, with a soft elliptic mask."""
    k = size / LFW_FACE_WIDTH
    cx, cy = LFW_FACE_CENTRE
    half = int(math.ceil(1.25 * size))
    out = 2 * half + 1
    m = cv2.getRotationMatrix2D((cx, cy), angle, k)
    m[0, 2] += half - cx
    m[1, 2] += half - cy
    face = cv2.warpAffine(image.astype(np.float32), m, (out, out), flags=cv2.INTER_AREA if k < 1 else cv2.INTER_CUBIC,
                          borderMode=cv2.BORDER_REPLICATE)
    mask = np.zeros((250, 250), np.float32)
    cv2.ellipse(mask, (int(cx), int(cy) - 4), (76, 102), 0, 0, 360, 1.0, -1)
    mask = cv2.GaussianBlur(mask, (0, 0), 7)
    mask = cv2.warpAffine(mask, m, (out, out), flags=cv2.INTER_LINEAR)
    face = np.clip(face * gain + rng.normal(0, 4), 0, 255)
    return face, mask, half


def paste(canvas, patch, mask, x, y):
    h, w = patch.shape
    x0, y0 = int(round(x)), int(round(y))
    x1, y1 = max(x0, 0), max(y0, 0)
    x2, y2 = min(x0 + w, canvas.shape[1]), min(y0 + h, canvas.shape[0])
    if x2 <= x1 or y2 <= y1:
        return
    p = patch[y1 - y0:y2 - y0, x1 - x0:x2 - x0]
    a = mask[y1 - y0:y2 - y0, x1 - x0:x2 - x0]
    region = canvas[y1:y2, x1:x2]
    canvas[y1:y2, x1:x2] = region * (1 - a) + p * a


def motion_blur(patch, rng):
    length = int(rng.integers(5, 10))
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0 / length
    rot = cv2.getRotationMatrix2D(((length - 1) / 2, (length - 1) / 2), float(rng.uniform(0, 180)), 1.0)
    kernel = cv2.warpAffine(kernel, rot, (length, length))
    kernel /= max(kernel.sum(), 1e-6)
    return cv2.filter2D(patch, -1, kernel)


def background(rng):
    wall = np.linspace(165, 120, H, dtype=np.float32)[:, None] * np.ones((1, W), np.float32)
    board_y = int(0.04 * H)
    wall[board_y:int(0.2 * H), int(0.25 * W):int(0.75 * W)] = 60  # the board at the far end
    floor_y = int(0.62 * H)
    wall[floor_y:] = np.linspace(105, 80, H - floor_y, dtype=np.float32)[:, None]
    return wall + rng.normal(0, 2, wall.shape).astype(np.float32)


def render(people, lfw, rows_shown, scale, rng, out_path):
    """Draws the people of rows_shown (back rows first), scaled by `scale` around the
    back rows' centre for the closer photo; returns the faces' ground truth."""
    canvas = background(rng)
    window_left = rng.random() < 0.5
    truth = []
    # The closer photo: zoom on the back rows (their centre moves to the image centre).
    zoom_y = np.mean([p["y"] for p in people if p["row"] in rows_shown]) if scale != 1.0 else H / 2
    for row in sorted(rows_shown, reverse=True):
        in_row = [p for p in people if p["row"] == row]
        if not in_row:
            continue
        size_row = np.mean([p["size"] for p in in_row]) * scale
        for p in sorted(in_row, key=lambda q: q["x"]):
            size = p["size"] * scale
            x = W / 2 + (p["x"] - W / 2) * scale
            y = H / 2 + (p["y"] - zoom_y) * scale if scale != 1.0 else p["y"]
            if x < -size or x > W + size or y < -size or y > H + size:
                continue
            # Body: shoulders under the head.
            cv2.ellipse(canvas, (int(x), int(y + 1.45 * size)), (int(1.05 * size), int(0.85 * size)), 0, 0, 360,
                        float(p["shirt"]), -1)
            image = cv2.imread(os.path.join(lfw, p["name"], p["file"]), cv2.IMREAD_GRAYSCALE)
            face, mask, half = head_patch(image, size, p["angle"], p["gain"], rng)
            if p["motion"]:
                face = motion_blur(face, rng)
            depth = (FRONT - p["size"]) / (FRONT - BACK)  # 0 front … 1 back (of the main photo)
            sigma = 0.25 + 0.9 * depth * (1.0 if scale == 1.0 else 0.6)
            face = cv2.GaussianBlur(face, (0, 0), sigma)
            paste(canvas, face, mask, x - half, y - half)
            if p["chin_hidden"]:  # a raised laptop lid or the head in front
                cv2.rectangle(canvas, (int(x - 0.7 * size), int(y + 0.38 * size)),
                              (int(x + 0.7 * size), int(y + 1.3 * size)), float(p["shirt"] * 0.5 + 30), -1)
            box = [x - size / 2, y - 0.47 * size, size, size]
            truth.append({"id": p["id"], "kind": p["kind"], "box": [round(v, 1) for v in box],
                          "size": round(size, 1), "row": row, "chin_hidden": p["chin_hidden"],
                          "motion_blur": p["motion"]})
        # The row's desks, in front of its people's shoulders and bodies.
        centre_y = np.mean([p["y"] for p in in_row])
        top = int((H / 2 + (centre_y - zoom_y) * scale if scale != 1.0 else centre_y) + 0.95 * size_row)
        xs = [W / 2 + (p["x"] - W / 2) * scale for p in in_row]
        left, right = int(min(xs) - 1.3 * size_row), int(max(xs) + 1.3 * size_row)
        cv2.rectangle(canvas, (left, top), (right, top + int(1.5 * size_row)), 95.0, -1)
        cv2.line(canvas, (left, top), (right, top), 140.0, max(1, int(size_row / 25)))
    # Window-side lighting, sensor noise, phone JPEG.
    ramp = np.linspace(1.25, 0.65, W, dtype=np.float32)
    if not window_left:
        ramp = ramp[::-1]
    canvas = canvas * ramp[None, :]
    canvas += rng.normal(0, 3.5, canvas.shape).astype(np.float32)
    image = np.clip(canvas, 0, 255).astype(np.uint8)
    cv2.imwrite(out_path, image, [cv2.IMWRITE_JPEG_QUALITY, 82])
    return truth


def make_class(seed, pool, args, lfw, four, anyone, out):
    rng = np.random.default_rng(seed * 7919 + (0 if pool == "dev" else 1))
    code = "REAL-%s%d" % ("D" if pool == "dev" else "C", seed)
    folder = os.path.join(out, code)
    os.makedirs(os.path.join(folder, "enrol"), exist_ok=True)
    candidates = [i for i in four if in_pool(i[0], pool)]
    chosen = [candidates[i] for i in rng.choice(len(candidates), args.students, replace=False)]
    enrolled_names = {c[0] for c in chosen}
    others = [i for i in anyone if in_pool(i[0], pool) and i[0] not in enrolled_names]
    strangers = [others[i] for i in rng.choice(len(others), args.strangers, replace=False)]

    students, classroom_file = [], {}
    for n, (name, files) in enumerate(chosen):
        order = rng.permutation(len(files))
        sid = "%s-%03d" % (code, n)
        photos = []
        for f in [files[i] for i in order[:3]]:
            dst = "%s_%s" % (sid, f.split("_")[-1])
            shutil.copyfile(os.path.join(lfw, name, f), os.path.join(folder, "enrol", dst))
            photos.append("%s/enrol/%s" % (code, dst))
        classroom_file[sid] = (name, files[order[3]])
        students.append({"student_id": sid, "name": name.replace("_", " "), "photos": photos})
    present = sorted(rng.choice([s["student_id"] for s in students], args.present, replace=False).tolist())

    people = [{"id": sid, "kind": "student", "name": classroom_file[sid][0], "file": classroom_file[sid][1]}
              for sid in present]
    for name, files in strangers:
        people.append({"id": "stranger:" + name, "kind": "stranger", "name": name,
                       "file": files[int(rng.integers(len(files)))]})
    seats = ROWS * int(math.ceil(len(people) / ROWS + 0.5))
    per_row = seats // ROWS
    places = rng.permutation(seats)[:len(people)]
    for p, place in zip(people, places):
        row, seat = divmod(int(place), per_row)
        size = FRONT * (BACK / FRONT) ** (row / (ROWS - 1)) * rng.uniform(0.92, 1.08)
        spacing = 2.3 * FRONT * (BACK / FRONT) ** (row / (ROWS - 1))
        p.update({
            "row": row,
            "size": size,
            "x": W / 2 + (seat - (per_row - 1) / 2) * spacing + rng.uniform(-0.15, 0.15) * spacing,
            "y": H * (0.30 + 0.44 * (size - BACK) / (FRONT - BACK)) + rng.uniform(-0.08, 0.08) * size,
            "angle": float(np.clip(rng.normal(0, 7), -16, 16)),
            "gain": float(rng.uniform(0.75, 1.2)),
            "shirt": float(rng.uniform(40, 200)),
            "motion": bool(rng.random() < 0.12),
            "chin_hidden": bool(rng.random() < 0.12),
        })
    variants = {}
    truth = render(people, lfw, range(ROWS), 1.0, rng, os.path.join(folder, "photo.jpg"))
    variants["photo"] = {"photo": code + "/photo.jpg", "faces": truth}
    back = list(range(ROWS // 2, ROWS))
    truth = render(people, lfw, back, 2.0, rng, os.path.join(folder, "closer.jpg"))
    variants["closer"] = {"photo": code + "/closer.jpg", "faces": truth, "rows": back}
    return {"code": code, "seed": seed, "pool": pool, "students": students, "present": present,
            "strangers": len(strangers), "variants": variants}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--lfw", default=os.path.join(here, "../../../../shared/data/faces/lfw-gray"))
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--pool", choices=["dev", "check"], default="dev")
    parser.add_argument("--students", type=int, default=60)
    parser.add_argument("--present", type=int, default=48)
    parser.add_argument("--strangers", type=int, default=8)
    parser.add_argument("--back", type=float, default=43.0,
                        help="face width of the back row in px (a lecture hall: 22)")
    args = parser.parse_args()
    globals()["BACK"] = args.back
    lfw = os.path.abspath(args.lfw)
    if not os.path.isdir(lfw):
        sys.exit("generate_realistic: no LFW folder at %s (--lfw)" % lfw)
    four = identities(lfw, 4)
    anyone = identities(lfw, 1)
    os.makedirs(args.out, exist_ok=True)
    classes = [make_class(seed, args.pool, args, lfw, four, anyone, args.out) for seed in args.seeds]
    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump({"generator": "generate_realistic.py", "classes": classes}, f, indent=1)
    for c in classes:
        sizes = [face["size"] for face in c["variants"]["photo"]["faces"]]
        print("%s: %d enrolled, %d present, %d strangers, %d faces of %.0f-%.0f px; closer photo: %d faces"
              % (c["code"], len(c["students"]), len(c["present"]), c["strangers"], len(sizes), min(sizes),
                 max(sizes), len(c["variants"]["closer"]["faces"])))


if __name__ == "__main__":
    main()
