#!/usr/bin/env bash
# This file defines the whole-core mutation run in batches of files (`npm run mutate:batches`): each batch keeps its own
# incremental file under reports/mutation/batches/, so a run cut short keeps every finished batch and a later run at the
# same or a newer commit re-tests only what changed; then the static pass (`-- static` runs it alone). `node
# scripts/mutation-score.mjs` adds the batches up.
set -euo pipefail
cd "$(dirname "$0")/.."
out=reports/mutation/batches
mkdir -p "$out"
# Files whose mutants nearly every test reaches (cells, read-workbook, messages) have a batch each: they are the slow ones.
batches=(
  "B1 cells"
  "B2 column-keys conditions document-text era figure-tags figures fiscal-year form-run"
  "B3 form-template formula-refs formulas input-rules issues"
  "B4 messages"
  "B5 metric-tabs metrics pipeline privacy"
  "B6 reconcile records render-html report-document report-labels report-meetings"
  "B7 report-shokai report rounding schema sidebar-api"
  "B8 suppression templates validate-text validate"
  "B9 read-workbook"
)
only="${1:-}"
for batch in "${batches[@]}"; do
  read -r name files <<<"$batch"
  if [ -n "$only" ] && [ "$only" != "$name" ]; then continue; fi
  mutate=$(printf 'src/core/%s.ts,' $files)
  echo "$(date -u +%T) batch $name: $files"
  npx stryker run --mutate "${mutate%,}" --incremental --incrementalFile "$out/$name.json" \
    --reporters progress-append-only
done
# Static mutants the batches left alive, run again against every test (scripts/mutate-static.mjs says why).
if [ -z "$only" ] || [ "$only" = static ]; then
  echo "$(date -u +%T) static mutants left alive"
  node scripts/mutate-static.mjs
fi
