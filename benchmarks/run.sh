#!/usr/bin/env bash
# Runs the whole benchmark set (11 to 13 minutes on 2 cores) and writes the figures to
# benchmarks/target/results/. Builds what it needs first. Run from anywhere:
#   benchmarks/run.sh            # the full set
#   QUICK=1 benchmarks/run.sh    # a short smoke run (smaller inputs, one round)
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, database test) and Redis on 127.0.0.1:6379.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
[ -x "$JAVA" ] || JAVA=java
OUT=benchmarks/target/results
WORK=benchmarks/target/work
BENCH=benchmarks/target/benchmarks.jar
CLI=tracking-cli/target/trackctl.jar

if [ "${QUICK:-0}" = 1 ]; then
  ROWS=100000; ROUNDS=1; DURATION=5; NUMBERS=10000; JMH="-f 1 -wi 1 -i 2 -r 1 -w 1"
else
  ROWS=1000000; ROUNDS=3; DURATION=10; NUMBERS=250000; JMH="-f 1 -wi 2 -i 3 -r 2 -w 1"
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q package -pl tracking-cli,benchmarks -am -DskipTests
fi
rm -rf "$WORK"; mkdir -p "$OUT" "$WORK"
START=$SECONDS
# Each step's header carries the time since the start, so the log shows where the minutes go.
log() { printf '== [%d:%02d] %s\n' $(((SECONDS - START) / 60)) $(((SECONDS - START) % 60)) "$*" | tee -a "$OUT/run.log"; }
: > "$OUT/run.log"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB memory, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jdk: $("$JAVA" -version 2>&1 | head -1)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
} | tee "$OUT/machine.txt"

# A failing step (a lost 200, a failed check) is reported and the set goes on.
run() { "$JAVA" -cp "$BENCH" "$@" 2>&1 | grep -v -e '^INFO:' -e 'flywaydb' -e '^WARNING:' -e '^SLF4J' -e '^[A-Z][a-z][a-z] [0-9][0-9], 20' | tee -a "$OUT/run.log" || echo "RESULT|step failed: $1|-|-|-|FAIL" | tee -a "$OUT/run.log"; }

log "JMH (dedupe, Redis and database dedupe layers, signature, parse, apply, status mapping)"
"$JAVA" -jar "$BENCH" $JMH -rf json -rff "$OUT/jmh.json" \
  'DedupeBenchmark|RedisDedupeBenchmark|WebhookLogBenchmark|SignatureBenchmark|SnapshotParseBenchmark|SnapshotApplyBenchmark' \
  2>&1 | grep -v '^INFO\|flyway\|^WARNING' | tee "$OUT/jmh.txt" | grep -E '^Benchmark|thrpt' | tee -a "$OUT/run.log"

run io.trackctl.benchmarks.JmhRatios "$OUT/jmh.json"

log "webhook load against the no-op route (child server from $CLI)"
run io.trackctl.benchmarks.load.WebhookLoadBenchmark --cli-jar "$CLI" --work-dir "$WORK" \
  --rounds "$ROUNDS" --duration "$DURATION" --warmup 3 --concurrency 64 --numbers "$NUMBERS"

log "import and keyword search over $ROWS rows on SQLite"
run io.trackctl.benchmarks.scale.ImportBenchmark --cli-jar "$CLI" --work-dir "$WORK" --rows "$ROWS" --rounds "$ROUNDS"

log "keyword search over $ROWS rows on PostgreSQL"
run io.trackctl.benchmarks.scale.PostgresSearchBenchmark --rows "$ROWS"

log "start-up and CLI latency"
run io.trackctl.benchmarks.support.StartupBenchmark --cli-jar "$CLI" --work-dir "$WORK" --rounds 5

grep '^RESULT|' "$OUT/run.log" > "$OUT/results.txt" || true
log "figures: $OUT/results.txt, JMH: $OUT/jmh.txt"
rm -rf "$WORK"
