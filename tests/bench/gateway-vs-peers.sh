#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Airgate next to nginx, HAProxy and Caddy in one run of ../shared/bench/peers.sh: a keyless route and
# an API-key + plan route to the same backend, the gateway pinned to CPU 1 with one worker thread like
# the peers. Then the resident memory of a gateway serving 1,000 APIs.
#   tests/bench/gateway-vs-peers.sh [BUILD_DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
SHARED=${AIRGATE_SHARED_DIR:-$ROOT/../shared}
CTL=$BUILD/app/cli/airgatectl
PEERS=$SHARED/bench/peers.sh
[[ -x $CTL ]] || { echo "build first: ./build.sh build" >&2; exit 2; }
[[ -f $PEERS ]] || { echo "$PEERS not found (../shared must be beside the project)" >&2; exit 2; }
for t in wrk nginx haproxy caddy taskset; do command -v $t >/dev/null || { echo "missing $t: ./build.sh bench installs it" >&2; exit 2; }; done

W=$(mktemp -d /tmp/airgate-bench.XXXX)
cleanup() { [[ -n ${GW:-} ]] && kill $GW 2>/dev/null; [[ -n ${GW2:-} ]] && kill $GW2 2>/dev/null; wait 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT

KEY=bench-key-0123456789
DIGEST=$("$CTL" key hash "$KEY")
mkdir -p "$W/ws"
cat > "$W/ws/bench.yaml" <<YAML
apiVersion: hub.traefik.io/v1alpha1
kind: APIAuth
metadata: {name: default-auth, namespace: bench}
spec: {isDefault: true, apiKey: {}}
---
apiVersion: hub.traefik.io/v1alpha1
kind: API
metadata: {name: weather, namespace: bench}
spec: {}
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: keyed
  namespace: bench
  annotations: {hub.traefik.io/api: weather@bench}
spec:
  routes:
  - match: PathPrefix(\`/k\`)
    services: [{name: backend, port: 80}]
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: keyless, namespace: bench}
spec:
  routes:
  - match: PathPrefix(\`/weather\`)
    services: [{name: backend, port: 80}]
---
apiVersion: hub.traefik.io/v1alpha1
kind: APIPlan
metadata: {name: big, namespace: bench}
spec: {title: Big, rateLimit: {limit: 1000000000, period: 1s}, quota: {limit: 1000000000, period: 1h}}
---
apiVersion: hub.traefik.io/v1alpha1
kind: ManagedApplication
metadata: {name: bench-app, namespace: bench}
spec: {appId: bench-app, owner: bench, apiKeys: [{secretName: bench-key}]}
---
apiVersion: v1
kind: Secret
metadata: {name: bench-key, namespace: bench}
data: {key: $DIGEST}
---
apiVersion: hub.traefik.io/v1alpha1
kind: ManagedSubscription
metadata: {name: bench-sub, namespace: bench}
spec: {managedApplications: [{name: bench-app}], apis: [{name: weather}], apiPlan: {name: big}}
YAML
cat > "$W/ws/airgate.yaml" <<YAML
entryPoints:
  web: 127.0.0.1:18084
services:
  bench/backend:80: http://127.0.0.1:18080
YAML

taskset -c 1 "$CTL" serve --path "$W/ws" --state "$W/state" --threads 1 --no-watch --admin 127.0.0.1:0 >"$W/ready" 2>"$W/serve.log" &
GW=$!
for _ in $(seq 50); do [[ -s $W/ready ]] && break; sleep 0.1; done
[[ -s $W/ready ]] || { cat "$W/serve.log"; exit 1; }

echo "== same run: airgate (1 worker, CPU 1) beside the peers (backend nginx on CPU 0, wrk on CPU 0)"
OUT=$(bash "$PEERS" "airgate-keyless=http://127.0.0.1:18084/weather" "airgate-key+plan=http://127.0.0.1:18084/k@@Authorization: Bearer $KEY")
echo "$OUT"
kill $GW; wait $GW 2>/dev/null || true; GW=

field() { awk -v n="$1" -v f="$2" '$1==n { for (i=2;i<=NF;i++) { split($i,a,"="); if (a[1]==f) print a[2] } }' <<<"$OUT"; }
ms() { sed -E 's/us$/e-3/; s/ms$//; s/s$/e3/' <<<"$1" | awk '{printf "%.4f", $1}'; }
echo
echo "== ratios to nginx (same run)"
printf "%-18s %12s %12s %10s %10s\n" target cpu_us/req x_nginx p99_ms x_nginx
N_CPU=$(field nginx cpu_us_per_req); N_P99=$(ms "$(field nginx p99)")
for t in nginx haproxy caddy airgate-keyless airgate-key+plan; do
  c=$(field "$t" cpu_us_per_req); p=$(ms "$(field "$t" p99)")
  printf "%-18s %12s %12s %10s %10s\n" "$t" "$c" "$(awk -v a="$c" -v b="$N_CPU" 'BEGIN{printf "%.2f", a/b}')" "$p" \
    "$(awk -v a="$p" -v b="$N_P99" 'BEGIN{ if (b>0) printf "%.2f", a/b; else print "?" }')"
done

echo
echo "== resident memory with 1,000 APIs loaded"
mkdir -p "$W/big"
cp "$W/ws/airgate.yaml" "$W/big/airgate.yaml"
sed -i 's/18084/0/' "$W/big/airgate.yaml"
{
  echo "apiVersion: hub.traefik.io/v1alpha1"; echo "kind: APIAuth"; echo "metadata: {name: default-auth, namespace: bench}"
  echo "spec: {isDefault: true, apiKey: {}}"
  echo "---"; echo "apiVersion: hub.traefik.io/v1alpha1"; echo "kind: APIPlan"; echo "metadata: {name: big, namespace: bench}"
  echo "spec: {title: Big, rateLimit: {limit: 1000, period: 1s}}"
  for i in $(seq 1 1000); do
    cat <<YAML
---
apiVersion: hub.traefik.io/v1alpha1
kind: API
metadata: {name: api-$i, namespace: bench}
spec:
  openApiSpec:
    path: /openapi.json
    operationSets:
    - name: read
      matchers: [{methods: [GET], pathPrefix: /v1}]
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: route-$i
  namespace: bench
  annotations: {hub.traefik.io/api: api-$i@bench}
spec:
  routes:
  - match: Host(\`api-$i.example.com\`) && PathPrefix(\`/v1\`)
    services: [{name: backend, port: 80}]
---
apiVersion: hub.traefik.io/v1alpha1
kind: ManagedApplication
metadata: {name: app-$i, namespace: bench}
spec: {appId: app-$i, owner: o, apiKeys: [{value: $(printf '%0128x' $i)}]}
---
apiVersion: hub.traefik.io/v1alpha1
kind: ManagedSubscription
metadata: {name: sub-$i, namespace: bench}
spec: {managedApplications: [{name: app-$i}], apis: [{name: api-$i}], apiPlan: {name: big}}
YAML
  done
} > "$W/big/apis.yaml"
"$CTL" serve --path "$W/big" --state "$W/state2" --threads "$(nproc)" --no-watch >"$W/ready2" 2>"$W/serve2.log" &
GW2=$!
for _ in $(seq 100); do [[ -s $W/ready2 ]] && break; sleep 0.1; done
sleep 0.5
RSS=$(awk '/VmRSS/{print $2}' /proc/$GW2/status)
ROUTES=$(grep -c '  route ' "$W/serve2.log" || true)
echo "airgate serving $ROUTES routes (1,000 APIs, applications and subscriptions, $(nproc) workers): VmRSS $((RSS/1024)) MB"
