#!/bin/sh
# Makes every icon of Convergence Terrain from icons/terrain.svg, with tools from Debian's packages:
#   rsvg-convert (librsvg2-bin) → png/terrain-{16..1024}.png
#   icotool      (icoutils)     → terrain.ico   (Windows: jpackage --icon, the .exe and the .msi)
#   png2icns     (icnsutils)    → terrain.icns  (macOS: jpackage --icon, the .app and the .dmg/.pkg)
# and copies 16/32/48/256 into the application's resources for Stage.getIcons().
# The outputs are committed; run this again after editing the SVG:  sh icons/make-icons.sh
# Missing tools: apt-get install -y librsvg2-bin icoutils icnsutils
set -eu
here=$(cd "$(dirname "$0")" && pwd)
svg="$here/terrain.svg"
png="$here/png"
res="$here/../app/src/main/resources/fr/convergence/terrain/app/icons"

for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null 2>&1 || { echo "make-icons: $tool is missing (apt-get install -y librsvg2-bin icoutils icnsutils)" >&2; exit 1; }
done

mkdir -p "$png" "$res"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" --output "$png/terrain-$size.png"
done

# Windows: the small sizes as bitmaps (crisp in the taskbar and Explorer), 256 as an embedded PNG (-r).
icotool --create --output "$here/terrain.ico" \
  "$png/terrain-16.png" "$png/terrain-24.png" "$png/terrain-32.png" "$png/terrain-48.png" "$png/terrain-64.png" \
  --raw="$png/terrain-256.png"

# macOS: png2icns picks the icns type from each PNG's size (16, 32, 48, 128, 256, 512, 1024).
png2icns "$here/terrain.icns" \
  "$png/terrain-16.png" "$png/terrain-32.png" "$png/terrain-48.png" "$png/terrain-128.png" \
  "$png/terrain-256.png" "$png/terrain-512.png" "$png/terrain-1024.png" >/dev/null

# The window's icons (JavaFX picks the best size for the title bar, the task bar and Alt+Tab).
for size in 16 32 48 256; do
  cp "$png/terrain-$size.png" "$res/terrain-$size.png"
done
echo "make-icons: $(ls "$png" | wc -l) PNG, terrain.ico, terrain.icns, $(ls "$res" | wc -l) resources written"
