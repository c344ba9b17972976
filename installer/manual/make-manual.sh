#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The offline HTML manual (Help > Manual, /usr/share/airgate/manual): the README and docs/*.md
# rendered by cmark-gfm (GitHub-flavoured tables and autolinks), the screenshots they show, and
# the command reference printed by the airgatectl being packaged. Only cmark-gfm and Debian's
# essential tools (sh, sed, perl) are used.
#   make-manual.sh CMARK_GFM README DOCS_DIR AIRGATECTL TEMPLATE_DIR OUT_DIR
set -eu
cmark=$1 readme=$2 docs=$3 ctl=$4 tpl=$5 out=$6
rm -rf "$out"
mkdir -p "$out/docs/screenshots"
cp "$docs"/screenshots/*.png "$out/docs/screenshots/"
cp "$tpl/manual.css" "$out/manual.css"
escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }
version=$("$ctl" version | sed -n 's/^airgatectl *//p' | head -n 1)
header() { # TITLE ROOT
  sed -e "s|@VERSION@|$(printf '%s' "$version" | escape)|g" -e "s|@TITLE@|$1|g" -e "s|@ROOT@|$2|g" \
    "$tpl/header.html"
}
# Markdown to HTML: GitHub-flavoured tables and autolinks; headings get GitHub's anchors (lower
# case, punctuation dropped, spaces to hyphens); links to the other .md pages go to their .html.
render() {
  "$cmark" --to html --extension table --extension autolink --extension strikethrough \
    --extension tagfilter "$1" |
    perl -pe 's{<h([1-6])>(.*?)</h\1>}{my ($l, $t) = ($1, $2); (my $id = lc $t) =~ s/<[^>]+>//g;
      $id =~ s/[^a-z0-9 _-]//g; $id =~ s/ /-/g; "<h$l id=\"$id\">$t</h$l>"}ge;
      s{href="((?![a-z]+:|\.\./)[^"#]+)\.md(#[^"]*)?"}{href="$1.html$2"}g'
}
for md in "$docs"/*.md; do
  [ -e "$md" ] || continue
  name=$(basename "$md" .md)
  { header "$name" ../; render "$md"; cat "$tpl/footer.html"; } > "$out/docs/$name.html"
done
{
  header Manual ""
  render "$readme"
  printf '<h2 id="command-reference">Command reference</h2>\n'
  printf '<p>What <code>airgatectl help COMMAND</code> prints (also <code>man airgatectl</code>).</p>\n'
  printf '<pre>'; "$ctl" --help | escape; printf '</pre>\n'
  for c in $("$ctl" --help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' | uniq); do
    printf '<h3 id="cmd-%s"><code>airgatectl %s</code></h3>\n<pre>' "$c" "$c"
    "$ctl" help "$c" | escape
    printf '</pre>\n'
  done
  printf '<h2 id="build">This build</h2>\n<pre>'; "$ctl" version | escape; printf '</pre>\n'
  cat "$tpl/footer.html"
} > "$out/index.html.tmp"
mv "$out/index.html.tmp" "$out/index.html"
