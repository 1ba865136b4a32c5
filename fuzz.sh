#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser with Jazzer, one fuzz test class at a time (Jazzer fuzzes one target
# per JVM). CI runs it briefly through test.sh; run it longer on demand:
#   bash fuzz.sh            # 2 s per target (CI)
#   bash fuzz.sh 10m        # ten minutes per target
#   bash fuzz.sh 1m Tcp     # only classes whose name contains "Tcp"
# A finding fails the run and Jazzer prints the input and a reproducer path. Without JAZZER_FUZZ the same tests
# only replay their stored inputs (that is what plain `mvn test` does).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
duration="${1:-2s}"
filter="${2:-}"
if [[ -z "${JAVA_HOME:-}" ]] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
mapfile -t classes < <(find core/src/test/java -name '*FuzzTest.java' | sed 's#.*/##; s#\.java$##' | sort | grep -- "$filter")
echo "fuzz: ${#classes[@]} targets, $duration each"
for c in "${classes[@]}"; do
  start=$SECONDS
  if ! JAZZER_FUZZ=1 JAZZER_MAX_DURATION="$duration" mvn -B -q -o test -pl core -Dtest="$c" \
      -Dsurefire.failIfNoSpecifiedTests=false >"/tmp/fuzz-$c.log" 2>&1; then
    echo "fuzz: $c FAILED; log: /tmp/fuzz-$c.log"
    grep -E "== Java Exception|Caused by|reproducer|crash-" "/tmp/fuzz-$c.log" | head -20
    exit 1
  fi
  runs="$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "/tmp/fuzz-$c.log" | head -1 || true)"
  echo "fuzz: $c ok (${runs:-no runs reported}; $((SECONDS - start)) s)"
done
rm -rf core/.cifuzz-corpus
