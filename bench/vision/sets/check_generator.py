#!/usr/bin/python3
"""CTest realistic_set_generator: generates a small realistic class and checks
that its manifest tells the truth (what rollcall-bench-vision classroom --set
relies on): every person in the room has one face in the photo, boxes lie in
the image, face sizes fall from the front row to the back, the closer photo
shows only back rows at twice the size, every student has 3 enrolment photos,
and the same seed gives the same photo."""
import hashlib
import json
import os
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
lfw = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "../../../../shared/data/faces/lfw-gray")


def generate(out):
    subprocess.run([sys.executable, os.path.join(here, "generate_realistic.py"), "--out", out, "--lfw", lfw,
                    "--seeds", "7", "--students", "20", "--present", "15", "--strangers", "4"],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "manifest.json")) as f:
        return json.load(f)


def fail(message):
    print("realistic_set_generator: " + message, file=sys.stderr)
    sys.exit(1)


with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
    manifest = generate(a)
    (cls,) = manifest["classes"]
    photo = cls["variants"]["photo"]
    faces = photo["faces"]
    ids = [f["id"] for f in faces]
    if len(cls["students"]) != 20 or len(cls["present"]) != 15 or cls["strangers"] != 4:
        fail("class sizes differ from the options")
    if sorted(i for i in ids if not i.startswith("stranger:")) != sorted(cls["present"]):
        fail("the faces in the photo are not the students present")
    if sum(i.startswith("stranger:") for i in ids) != 4 or len(set(ids)) != len(ids):
        fail("strangers missing or a person twice")
    for f in faces:
        x, y, w, h = f["box"]
        if x < -w / 2 or y < -h / 2 or x + w / 2 > 4000 or y + h / 2 > 3000:
            fail("face box outside the image: %s" % f)
    by_row = {}
    for f in faces:
        by_row.setdefault(f["row"], []).append(f["size"])
    rows = sorted(by_row)
    means = [sum(by_row[r]) / len(by_row[r]) for r in rows]
    if any(later >= earlier for earlier, later in zip(means, means[1:])) or not (35 < min(map(min, by_row.values())) and max(map(max, by_row.values())) < 190):
        fail("face sizes do not fall from front to back within 35-190 px: %s" % means)
    closer = cls["variants"]["closer"]
    if {f["row"] for f in closer["faces"]} - set(closer["rows"]) or not closer["faces"]:
        fail("the closer photo shows rows it should not")
    size_in_main = {f["id"]: f["size"] for f in faces}
    for f in closer["faces"]:
        if abs(f["size"] - 2 * size_in_main[f["id"]]) > 0.6:
            fail("the closer photo is not at twice the size")
    for s in cls["students"]:
        if len(s["photos"]) != 3:
            fail("not 3 enrolment photos")
        for p in s["photos"]:
            if not os.path.isfile(os.path.join(a, p)):
                fail("missing enrolment photo " + p)
    for name in ("photo.jpg", "closer.jpg"):
        with open(os.path.join(a, cls["code"], name), "rb") as f:
            if f.read(2) != b"\xff\xd8":
                fail(name + " is not a JPEG")

    again = generate(b)

    def digest(folder, code):
        with open(os.path.join(folder, code, "photo.jpg"), "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    if digest(a, cls["code"]) != digest(b, cls["code"]) or again["classes"][0]["variants"] != cls["variants"]:
        fail("the same seed gave a different set")
print("realistic_set_generator: %d faces, rows %s, closer %d faces: ok" % (len(faces), rows, len(closer["faces"])))
