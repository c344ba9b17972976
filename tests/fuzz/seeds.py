#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes each fuzz target's generated seeds into OUT/<target>/ at run time, from the project's
test data and resources and from the shared external corpora (never copied into the repository):
CEL rules of the embedded CRDs, example manifests, Traefik's own rule tables, RFC 7515/8037 and
Wycheproof JWS vectors, and real OpenAPI documents.

usage: seeds.py SOURCE_DIR SHARED_DIR OUT_DIR
"""
import glob
import hashlib
import json
import os
import sys

SEP = b"\n#--\n"
MAX_SEED = 1024 * 1024  # larger documents are left out (the runs cap inputs well below this)


def main():
    src, shared, out = sys.argv[1:4]
    counts = {}

    def put(target, data):
        if isinstance(data, str):
            data = data.encode()
        if len(data) > MAX_SEED:
            return
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        name = hashlib.sha1(data).hexdigest()
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
        counts[target] = counts.get(target, 0) + 1

    def read(path):
        with open(path, "rb") as f:
            return f.read()

    crds = sorted(glob.glob(os.path.join(src, "resources/crds/*.yaml")))
    examples = sorted(glob.glob(os.path.join(src, "resources/examples/**/*.yaml"), recursive=True))
    testdata = sorted(glob.glob(os.path.join(src, "tests/data/**/*.*"), recursive=True))
    for p in crds + examples + testdata:
        if p.endswith((".yaml", ".yml", ".json")):
            put("fuzz_yaml", read(p))
            put("fuzz_dump", read(p))
    for p in examples:
        if os.path.basename(p) == "airgate.yaml":
            put("fuzz_settings", read(p))
        else:
            put("fuzz_cel", b"\x01" + read(p))

    # Every x-kubernetes-validations rule of the embedded CRDs, as an expression input.
    try:
        import yaml  # python3-yaml; without it the CRD rules are found line by line
    except ImportError:
        yaml = None

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "x-kubernetes-validations" and isinstance(v, list):
                    for r in v:
                        if isinstance(r, dict) and isinstance(r.get("rule"), str):
                            put("fuzz_cel", b"\x00" + r["rule"].encode())
                else:
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for p in crds:
        if yaml:
            for doc in yaml.safe_load_all(read(p)):
                walk(doc)
        else:
            for line in read(p).decode().splitlines():
                s = line.strip()
                if s.startswith("rule: "):
                    put("fuzz_cel", b"\x00" + s[6:].strip("'\"").encode())

    tr = os.path.join(shared, "external/traefik-rules/cases.json")
    if os.path.exists(tr):
        cases = json.loads(read(tr))
        for c in cases.get("rules", []):
            put("fuzz_traefik_rule", c["rule"])
        for g in cases.get("priority", []):
            for r in g.get("routes", []):
                put("fuzz_traefik_rule", r["rule"])

    rfc = os.path.join(shared, "external/jose-vectors/rfc/rfc7515_rfc8037_examples.json")
    if os.path.exists(rfc):
        for v in json.loads(read(rfc)).get("vectors", []):
            if "key" in v and "jws" in v:
                jwks = json.dumps({"keys": [v["key"]]}).encode()
                put("fuzz_jwt", b"\x00" + jwks + SEP + v["jws"].encode())
                put("fuzz_jwt", b"\x00" + json.dumps(v["key"]).encode() + SEP + v["jws"].encode())
    wp = os.path.join(shared, "external/jose-vectors/wycheproof/json_web_signature_test.json")
    if os.path.exists(wp):
        for g in json.loads(read(wp)).get("testGroups", []):
            key = g.get("public") or g.get("private")
            for t in g.get("tests", [])[:40]:
                if key and isinstance(t.get("jws"), str):
                    put("fuzz_jwt", b"\x00" + json.dumps({"keys": [key]}).encode() + SEP
                        + t["jws"].encode())

    for p in sorted(glob.glob(os.path.join(src, "tests/data/openapi/**/*.*"), recursive=True)):
        put("fuzz_openapi", read(p))
    for p in sorted(glob.glob(os.path.join(shared, "external/openapi-docs/**/*.*"), recursive=True)):
        if p.endswith((".yaml", ".yml", ".json")):
            put("fuzz_openapi", read(p))
            put("fuzz_yaml", read(p))
    for p in sorted(glob.glob(os.path.join(src, "resources/examples/**/*.json"), recursive=True)):
        put("fuzz_openapi", read(p))

    for t, n in sorted(counts.items()):
        print(f"{t}: {n} generated seeds")


if __name__ == "__main__":
    main()
