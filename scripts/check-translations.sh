#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Fails when a console or portal string has no German or French translation: lupdate (the options
# of the build's update_translations target) runs on copies of translations/airgate_{de,fr}.ts,
# so a string added to the sources since the last translation pass counts as well as an entry
# left unfinished. Each missing one is listed with its language.
# Usage: scripts/check-translations.sh [LUPDATE]
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=${1:-${LUPDATE:-/usr/lib/qt6/bin/lupdate}}
TMP=$(mktemp -d /tmp/airgate-tr.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
cp translations/airgate_de.ts translations/airgate_fr.ts "$TMP/"
mapfile -t sources < <(find app/console \( -name '*.cpp' -o -name '*.h' \); find runtime/portal -name '*.cpp')
"$LUPDATE" -silent -no-obsolete -locations none -I app/console -I runtime -I core \
    "${sources[@]}" -ts "$TMP/airgate_de.ts" "$TMP/airgate_fr.ts"
python3 - "$TMP/airgate_de.ts" "$TMP/airgate_fr.ts" <<'PY'
import html, re, sys
missing = []
for path in sys.argv[1:]:
    lang = re.search(r'airgate_(\w+)\.ts$', path).group(1)
    text = open(path, encoding='utf-8').read()
    for m in re.finditer(r'<message( numerus="yes")?>(.*?)</message>', text, re.S):
        body = m.group(2)
        source = html.unescape(re.search(r'<source>(.*?)</source>', body, re.S).group(1))
        tr = re.search(r'<translation([^>]*)>(.*?)</translation>|<translation[^>]*/>', body, re.S)
        empty = (not tr or tr.group(1) is None or 'type="unfinished"' in tr.group(1)
                 or not re.sub(r'</?numerusform>|\s', '', tr.group(2) or ''))
        if m.group(1) and tr and tr.group(2) is not None:
            empty = empty or any(not f.strip() for f in re.findall(r'<numerusform>(.*?)</numerusform>', tr.group(2), re.S))
        if empty:
            missing.append(f'{lang}: {source!r}')
if missing:
    print(f'{len(missing)} string(s) without a translation (add them to scripts/translations.py, '
          'then run the update_translations target and the script):')
    print('\n'.join(missing))
    sys.exit(1)
print('every string has its German and French translation')
PY
