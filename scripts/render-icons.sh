#!/usr/bin/env bash
# Renders the application icon's PNG sizes, the Windows .ico and the macOS .icns
# from the hand-written SVG (resources/icons/app/rollcall.svg). The outputs are
# committed, so builds need no SVG renderer; run this after editing the SVG.
# Needs rsvg-convert (Debian: librsvg2-bin, installed by scripts/install-deps.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/resources/icons/app/rollcall.svg"
out="$root/resources/icons/app"
command -v rsvg-convert >/dev/null || { echo "render-icons: rsvg-convert missing (apt-get install librsvg2-bin)" >&2; exit 1; }

mkdir -p "$out/png"
for size in 16 22 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$src" -o "$out/png/rollcall-$size.png"
done

# ICO and ICNS both accept embedded PNG images; pack the renders as they are.
/usr/bin/python3 - "$out" <<'PY'
import struct, sys, pathlib
out = pathlib.Path(sys.argv[1])
png = lambda n: (out / "png" / f"rollcall-{n}.png").read_bytes()

sizes = [16, 24, 32, 48, 64, 256]
header = struct.pack("<HHH", 0, 1, len(sizes))
offset = 6 + 16 * len(sizes)
entries, blobs = b"", b""
for n in sizes:
    data = png(n)
    entries += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(data), offset + len(blobs))
    blobs += data
(out / "rollcall.ico").write_bytes(header + entries + blobs)

icns = [("icp4", 16), ("icp5", 32), ("ic11", 32), ("ic12", 64), ("ic07", 128),
        ("ic13", 256), ("ic08", 256), ("ic14", 512), ("ic09", 512)]
body = b"".join(t.encode() + struct.pack(">I", 8 + len(png(n))) + png(n) for t, n in icns)
(out / "rollcall.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
echo "render-icons: wrote $out/png/*.png, rollcall.ico, rollcall.icns"
