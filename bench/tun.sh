#!/usr/bin/env bash
# TUN throughput (issue #6): kernel <-> jnetstack over TUN each way, and kernel <-> kernel over veth, one run,
# all inside network namespaces the program creates. Needs root and /dev/net/tun.
#   bash bench/tun.sh          # 1024 MiB per direction
#   bash bench/tun.sh 256      # 256 MiB per direction
set -euo pipefail
cd "$(dirname "$0")/.."
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [[ -z "${JAVA_HOME:-}" || ! -x "$JAVA_HOME/bin/java" || "$(java_major "$JAVA_HOME")" -lt 25 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -pl bench -am package -DskipTests
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar \
  io.jnetstack.bench.TunThroughput "$@"
