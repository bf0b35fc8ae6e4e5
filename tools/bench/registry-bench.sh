#!/usr/bin/env bash
# The public registry benchmark (docs/performance.md "Public registry"): starts the platform with the `bench` profile
# (100,000 certificates seeded through the registry's own repository, RegistryBenchSeed), warms the cache, then runs wrk
# on loopback against the certificate page and the JSON lookup of random numbers.
#   tools/bench/registry-bench.sh            # all 100,000 numbers (warm-up renders each page once: minutes)
#   COUNT=1000 tools/bench/registry-bench.sh # random numbers among the first 1,000 only
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR=${DIR:-/tmp/cfp-registry-bench}
PORT=${PORT:-8097}
COUNT=${COUNT:-0}
WARM=${WARM:-300s}
mkdir -p "$DIR"
./mvnw -B -o -q -pl cfp-app compile
./mvnw -B -o -q -pl cfp-app dependency:build-classpath -Dmdep.outputFile="$DIR/cp.txt" -Dmdep.includeScope=runtime
CFP_DATA_DIR="$DIR" PORT="$PORT" CFP_BASE_URL="http://localhost:$PORT" \
  java -cp "cfp-app/target/classes:$(cat "$DIR/cp.txt")" cn.cfp.CfpApplication \
  --spring.profiles.active=bench --cfp.registry.cache-entries=100000 > "$DIR/server.out" 2>&1 &
SERVER=$!
trap 'kill $SERVER' EXIT
until grep -aq "registry bench:" "$DIR/server.out"; do sleep 2; done
export NUMBERS="$DIR/bench-numbers.txt" COUNT
wrk -t2 -c32 -d"$WARM" -s tools/bench/registry-warm.lua "http://localhost:$PORT" | grep -E "requests in|Requests/sec"
PATH_PREFIX=/api/public/certificates/ wrk -t2 -c32 -d60s -s tools/bench/registry-warm.lua "http://localhost:$PORT" | grep -E "requests in|Requests/sec"
uptime
echo "== page /c/{number}"
wrk -t2 -c32 -d20s --latency -s tools/bench/registry-page.lua "http://localhost:$PORT"
uptime
echo "== JSON /api/public/certificates/{number}"
PATH_PREFIX=/api/public/certificates/ wrk -t2 -c32 -d20s --latency -s tools/bench/registry-page.lua "http://localhost:$PORT"
uptime
