#!/usr/bin/env bash
# The ManifestTools analyzer's share of compile time on the Ecommerce sample. Builds the sample once (which packs the
# package), then runs RUNS full recompiles of each service with -p:ReportAnalyzer=true and reads, from the detailed
# log, the analyzer's time (the compiler's own per-analyzer report) and the Csc task's time (MSBuild's performance
# summary). Prints each run and the medians.
# usage: bench/analyzer-share.sh [RUNS=11]
set -euo pipefail
runs="${1:-11}"
root="$(cd "$(dirname "$0")/.." && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$root/samples/Ecommerce" -v:q >/dev/null
for run in $(seq "$runs"); do
  for service in Advertisements Discounts; do
    dotnet build "$root/samples/Ecommerce/$service" --no-incremental --no-restore -p:ReportAnalyzer=true \
      -v:d -clp:PerformanceSummary >"$log"
    analyzer_s="$(grep -m1 -E '^\s+[0-9.]+\s+[0-9]+\s+ManifestTools.Analyzers,' "$log" | awk '{print $1}')"
    csc_ms="$(grep -m1 -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | awk '{print $1}')"
    echo "$service $run analyzer=${analyzer_s}s csc=${csc_ms}ms share=$(awk -v a="$analyzer_s" -v c="$csc_ms" 'BEGIN { printf "%.1f%%", 100000 * a / c }')"
  done
done | tee /dev/stderr | awk '
  { split($3, x, "="); split($4, y, "="); sub("s", "", x[2]); sub("ms", "", y[2]); n[$1]++; an[$1, n[$1]] = x[2] * 1000; cs[$1, n[$1]] = y[2] }
  function median(arr, svc, count,   i, j, t, v) {
    for (i = 1; i <= count; i++) v[i] = arr[svc, i]
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return count % 2 ? v[(count + 1) / 2] : (v[count / 2] + v[count / 2 + 1]) / 2
  }
  END {
    for (svc in n) {
      ma = median(an, svc, n[svc]); mc = median(cs, svc, n[svc])
      printf "%s: median analyzer %.0f ms, median Csc %.0f ms, %.1f%% (%d runs)\n", svc, ma, mc, 100 * ma / mc, n[svc]
    }
  }'
