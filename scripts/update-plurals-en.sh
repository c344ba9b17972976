#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Refreshes translations/airgate_en.ts: only the messages with plural forms (tr("%n error(s)",
# nullptr, n)), whose English singular and plural are written out here — "(s)" dropped for one,
# "s" for more — so the console says "1 error" and "2 errors". Run after adding such a message.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
"$LUPDATE" -silent -pluralonly -no-obsolete -locations none -target-language en \
    app/console runtime/portal -ts translations/airgate_en.ts
python3 - translations/airgate_en.ts <<'PY'
import re, sys, html
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
def fill(m):
    src = html.unescape(m.group(1))
    one = src.replace("(s)", "").replace("(es)", "")
    many = src.replace("(s)", "s").replace("(es)", "es")
    esc = lambda s: html.escape(s, quote=False)
    return ("<source>%s</source>\n        <translation>\n            <numerusform>%s</numerusform>\n"
            "            <numerusform>%s</numerusform>\n        </translation>") % (m.group(1), esc(one), esc(many))
text = re.sub(r"<source>(.*?)</source>\s*<translation[^>]*>.*?</translation>", fill, text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
echo "translations/airgate_en.ts: $(grep -c '<message' translations/airgate_en.ts) plural messages"
