#!/usr/bin/env bash
# tests/outputs.sh CLI OUTDIR — everything Tandem writes about the demo organisation,
# one file each: every chart as SVG, PDF and PNG, the leadership pack, the journals,
# the CSV exports and every report as text and CSV. A change that should not alter
# what users get (a refactor, another database engine) is checked by running this
# before and after and comparing:  diff -r before after
#
#   ./tests/outputs.sh _build/src/cli/tandem-cli /tmp/before
#
# The demo is fixed (seed 7, as of 2026-06-01); PDFs lose their creation date, and
# the database's path is written as DB, so that only what differs shows.
set -eu
cli=$(readlink -f "$1")
out=$2
rm -rf "$out"
mkdir -p "$out"
db=$(mktemp -d)/demo.db
trap 'rm -rf "$(dirname "$db")"' EXIT
export LC_ALL=C.UTF-8
run() { "$cli" --database "$db" "$@"; }

run demo --seed 7 --today 2026-06-01 > /dev/null
for chart in optimism resources transparency snapshot heatmap coaching completion champions; do
  for ext in svg pdf png; do
    run export chart "$chart" --output "$out/chart-$chart.$ext" > /dev/null
  done
done
run export chart heatmap --by role --output "$out/chart-heatmap-role.svg" > /dev/null
run export pack --output "$out/pack.pdf" > /dev/null
run export people --output "$out/people.csv" > /dev/null
run export enrollments --output "$out/enrollments.csv" > /dev/null
executive=$(run report pairs --format csv --as-of 2026-06-01 | sed -n '2p' | cut -d, -f1)
external_id=$(grep -F ",$executive," "$out/people.csv" | head -n 1 | cut -d, -f1)
run export journal "$external_id" --output "$out/journal.md" > /dev/null
run export journal "$external_id" --include-private-notes --output "$out/journal-private.md" > /dev/null
for format in text csv; do
  run report summary --format "$format" > "$out/report-summary.$format"
  run report pairs --as-of 2026-06-01 --format "$format" > "$out/report-pairs.$format"
  run report champions --format "$format" > "$out/report-champions.$format"
  run report gaps --format "$format" > "$out/report-gaps.$format"
  for by in role department level; do
    run report completion --by "$by" --format "$format" > "$out/report-completion-$by.$format"
  done
done
for dimension in optimism resources transparency; do
  run report gaps --dimension "$dimension" --format csv > "$out/report-gaps-$dimension.csv"
done
run check | sed "s|$db|DB|g" > "$out/check.txt"
for pdf in "$out"/*.pdf; do
  sed -i -E 's/CreationDate \(D:[0-9Z+-]+[0-9'\'']*\)/CreationDate ()/' "$pdf"
done
echo "$(ls "$out" | wc -l) files in $out"
