#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Airgate next to nginx (proxy_pass) and Caddy (reverse_proxy), measured in alternating rounds in one
# run: this machine's figures swing 1.3x-3x between single runs, so each round measures every target
# back to back (in a rotating order) and the report is the median over rounds of each round's ratio
# to nginx. Targets: a keyless route and an API-key + plan route to the same backend, every proxy
# pinned to CPU 1 with one worker (thread), backend nginx and wrk on CPU 0. Then the resident memory
# of a gateway serving 1,000 APIs, and a reload of those 1,000 APIs under load (failed requests,
# time to the new generation). Not a test: figures depend on the machine and its load.
#   tests/bench/gateway-vs-peers.sh [BUILD_DIR]      ROUNDS=5 DUR=4 CONN=64 by default
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
CTL=$BUILD/app/cli/airgatectl
ROUNDS=${ROUNDS:-5}; DUR=${DUR:-4}; CONN=${CONN:-64}
[[ -x $CTL ]] || { echo "build first: ./build.sh build" >&2; exit 2; }
for t in wrk nginx caddy taskset ss curl; do command -v $t >/dev/null || { echo "missing $t: ./build.sh bench installs it" >&2; exit 2; }; done

W=$(mktemp -d /tmp/airgate-bench.XXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$W"; }
trap cleanup EXIT
echo "== $(date -u +%FT%TZ), $(nproc) CPUs, load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- peers: backend, nginx, Caddy
chmod 755 "$W"; mkdir -p "$W/www"
head -c 1024 /dev/zero | tr '\0' 'x' | sed 's/^/{"t":"/; s/$/"}/' > "$W/www/weather"
cat > "$W/backend.conf" <<NG
worker_processes 1; daemon off; pid $W/backend.pid; error_log $W/backend.err;
events { worker_connections 4096; }
http { access_log off; server { listen 127.0.0.1:18080 reuseport backlog=4096; keepalive_requests 1000000;
  location / { root $W/www; default_type application/json; try_files /weather =404; } } }
NG
cat > "$W/proxy.conf" <<NG
worker_processes 1; daemon off; pid $W/proxy.pid; error_log $W/proxy.err;
events { worker_connections 4096; }
http { access_log off; upstream be { server 127.0.0.1:18080; keepalive 128; keepalive_requests 1000000; }
  server { listen 127.0.0.1:18081 backlog=4096; keepalive_requests 1000000;
  location / { proxy_pass http://be; proxy_http_version 1.1; proxy_set_header Connection ""; } } }
NG
cat > "$W/Caddyfile" <<CD
{
  admin off
  auto_https off
}
http://127.0.0.1:18082 {
  reverse_proxy 127.0.0.1:18080
}
CD
taskset -c 0 nginx -c "$W/backend.conf" -p "$W" >/dev/null 2>&1 & PIDS+=($!)
taskset -c 1 nginx -c "$W/proxy.conf" -p "$W" >/dev/null 2>&1 & PIDS+=($!)
GOMAXPROCS=1 XDG_DATA_HOME=$W XDG_CONFIG_HOME=$W taskset -c 1 caddy run --config "$W/Caddyfile" --adapter caddyfile >"$W/caddy.log" 2>&1 & PIDS+=($!)

# ---------------------------------------------------------------- the gateway
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
GW=$!; PIDS+=($GW)
for _ in $(seq 100); do [[ -s $W/ready ]] && break; sleep 0.1; done
[[ -s $W/ready ]] || { cat "$W/serve.log"; exit 1; }
sleep 1
curl -sf http://127.0.0.1:18081/weather >/dev/null || { echo "nginx proxy not answering" >&2; exit 1; }
curl -sf http://127.0.0.1:18082/weather >/dev/null || { echo "caddy not answering" >&2; cat "$W/caddy.log" >&2; exit 1; }
curl -sf -H "Authorization: Bearer $KEY" http://127.0.0.1:18084/k >/dev/null || { echo "airgate not answering" >&2; cat "$W/serve.log" >&2; exit 1; }

ticks() { # utime+stime (clock ticks) of the processes listening on the URL's port
  local port=${1##*:}; port=${port%%/*}; local t=0
  for pid in $(ss -Htlnp "sport = :$port" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do
    t=$((t + $(awk '{print $14+$15}' /proc/$pid/stat 2>/dev/null || echo 0)))
  done; echo $t
}
to_ms() { sed -E 's/us$/e-3/; s/ms$//; s/([0-9.])s$/\1e3/' <<<"$1" | awk '{printf "%.4f", $1}'; }
bench() { # name url [header] -> appends "name round cpu_us p99_ms rps errors" to $W/results
  local name=$1 url=$2 hdr=(); [[ -n ${3:-} ]] && hdr=(-H "$3")
  local t0 t1 out; t0=$(ticks "$url")
  out=$(taskset -c 0 wrk -t1 -c"$CONN" -d"${DUR}"s --latency "${hdr[@]}" "$url" 2>&1)
  t1=$(ticks "$url")
  local reqs rps p99 bad
  reqs=$(awk '/requests in/{print $1}' <<<"$out"); rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p99=$(to_ms "$(awk '$1=="99%"{print $2}' <<<"$out")")
  bad=$(awk '/Non-2xx/{n+=$5} /Socket errors/{gsub(",","");n+=$4+$6+$8+$10} END{print n+0}' <<<"$out")
  local us; us=$(awk -v t=$((t1-t0)) -v r="${reqs:-0}" -v hz="$(getconf CLK_TCK)" 'BEGIN{ if (r>0) printf "%.2f", t*1e6/hz/r; else print "nan" }')
  echo "$name $ROUND $us $p99 ${rps:-0} $bad" >> "$W/results"
  printf "  %-18s cpu_us/req=%-7s p99_ms=%-8s rps=%-10s errors=%s\n" "$name" "$us" "$p99" "${rps:-0}" "$bad"
}

TARGETS=(nginx caddy airgate-keyless airgate-key+plan)
url_of() { case $1 in
  nginx) echo "http://127.0.0.1:18081/weather" ;; caddy) echo "http://127.0.0.1:18082/weather" ;;
  airgate-keyless) echo "http://127.0.0.1:18084/weather" ;; airgate-key+plan) echo "http://127.0.0.1:18084/k" ;; esac; }
hdr_of() { [[ $1 == airgate-key+plan ]] && echo "Authorization: Bearer $KEY" || true; }
echo "== $ROUNDS alternating rounds of ${DUR}s per target, $CONN connections (proxies on CPU 1, backend and wrk on CPU 0)"
for ROUND in $(seq 1 "$ROUNDS"); do
  echo "round $ROUND (load average $(cut -d' ' -f1 /proc/loadavg))"
  order=("${TARGETS[@]}")
  # Rotate the order each round so no target always follows the same one.
  for ((i = 0; i < (ROUND - 1) % ${#TARGETS[@]}; i++)); do order=("${order[@]:1}" "${order[0]}"); done
  for t in "${order[@]}"; do bench "$t" "$(url_of "$t")" "$(hdr_of "$t")"; done
done

echo
echo "== median over $ROUNDS rounds of each round's ratio to nginx (lower is better; target <= 1.00)"
printf "%-18s %12s %10s %12s %10s %8s\n" target cpu_us/req x_nginx p99_ms x_nginx errors
for t in "${TARGETS[@]}"; do
  awk -v t="$t" '
    { cpu[$1,$2]=$3; p99[$1,$2]=$4; if ($1==t) { err+=$6; rounds[$2]=1 } }
    function median(a, n,   i, j, x) { for (i=2;i<=n;i++) { x=a[i]; for (j=i-1;j>=1 && a[j]>x;j--) a[j+1]=a[j]; a[j+1]=x }
                                      return n%2 ? a[(n+1)/2] : (a[n/2]+a[n/2+1])/2 }
    END { n=0; for (r in rounds) { n++; c[n]=cpu[t,r]; p[n]=p99[t,r]; rc[n]=cpu[t,r]/cpu["nginx",r]; rp[n]=p99[t,r]/p99["nginx",r] }
          printf "%-18s %12.2f %10.2f %12.3f %10.2f %8d\n", t, median(c,n), median(rc,n), median(p,n), median(rp,n), err }' "$W/results"
done
awk '$1=="caddy"{c[$2]=$3} $1=="airgate-key+plan"{a[$2]=$3}
     END { n=0; for (r in a) if (c[r]>0) { n++; x[n]=c[r]/a[r] } ; for (i=2;i<=n;i++){v=x[i];for(j=i-1;j>=1&&x[j]>v;j--)x[j+1]=x[j];x[j+1]=v}
           if (n) printf "Caddy / airgate-key+plan CPU per request (median): %.2fx (target >= 3)\n", n%2?x[(n+1)/2]:(x[n/2]+x[n/2+1])/2 }' "$W/results"
kill $GW; wait $GW 2>/dev/null || true
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
  cat <<YAML
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: plain, namespace: bench}
spec:
  routes:
  - match: PathPrefix(\`/weather\`)
    services: [{name: backend, port: 80}]
YAML
} > "$W/big/apis.yaml"
"$CTL" serve --path "$W/big" --state "$W/state2" --threads "$(nproc)" --no-watch >"$W/ready2" 2>"$W/serve2.log" &
GW2=$!; PIDS+=($GW2)
for _ in $(seq 300); do [[ -s $W/ready2 ]] && break; sleep 0.1; done
sleep 0.5
RSS=$(awk '/VmRSS/{print $2}' /proc/$GW2/status)
ROUTES=$(grep -c '  route ' "$W/serve2.log" || true)
echo "airgate serving $ROUTES routes (1,000 APIs, applications and subscriptions, $(nproc) workers): VmRSS $((RSS/1024)) MB"

echo
echo "== reload of the 1,000 APIs under load (wrk on the keyless route, 16 connections, 3 reloads)"
json() { grep -o "\"$1\":\"[^\"]*\"" "$W/ready2" | head -1 | cut -d'"' -f4; }
ADDR2=$(grep -o '"web":"[^"]*"' "$W/ready2" | cut -d'"' -f4)
ADMIN2=$(json admin); TOKEN2=$(cat "$(json adminTokenFile)")
taskset -c 0 wrk -t1 -c16 -d10s "http://$ADDR2/weather" >"$W/wrk-reload" 2>&1 &
WRK=$!
sleep 2
for i in 1 2 3; do
  sed -i "s/title: Big[0-9 ]*,/title: Big $i,/" "$W/big/apis.yaml"
  t0=$(date +%s%N)
  r=$(curl -s -X POST -H "Authorization: Bearer $TOKEN2" "http://$ADMIN2/api/reload")
  t1=$(date +%s%N)
  gen=$(grep -o '"generation":[0-9]*' <<<"$r" | cut -d: -f2); ms=$(grep -o '"ms":[0-9.]*' <<<"$r" | cut -d: -f2)
  printf "  reload %d: generation %s, %.1f ms to the new generation (gateway: %s ms), ok=%s\n" "$i" "$gen" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN{print (b-a)/1e6}')" "$ms" "$(grep -o '"ok":[a-z]*' <<<"$r" | cut -d: -f2)"
  sleep 2
done
wait $WRK || true
TOTAL=$(awk '/requests in/{print $1}' "$W/wrk-reload")
FAILED=$(awk '/Non-2xx/{n+=$5} /Socket errors/{gsub(",","");n+=$4+$6+$8+$10} END{print n+0}' "$W/wrk-reload")
echo "  requests during the reloads: $TOTAL, failed: $FAILED (target 0)"
echo "== done, load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
