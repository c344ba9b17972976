#!/usr/bin/env zsh
# SPDX-License-Identifier: Apache-2.0
# Prints, one per line, what zsh's completion system offers for a command line, the way an
# interactive zsh would on Tab: a real zsh with compinit runs in a pseudo-terminal (zpty) with
# FPATH_DIR first in $fpath, and compadd is wrapped to print each candidate it is given.
# usage: zsh -f zsh-complete.zsh FPATH_DIR 'airgatectl lint --'
zmodload zsh/zpty || exit 2
local dir=$1 line=$2
zpty z zsh -f -i
zpty -w z "PROMPT=''"
zpty -w z "fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z 'bindkey "^I" complete-word'
# The marker is split so the echoed definition itself never matches it.
zpty -w z 'compadd () { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi; typeset -a __hits; builtin compadd -A __hits "$@"; local -A pre; zparseopts -E -A pre P: p:; local h; for h in $__hits; do echo -E - "<""candidate>$IPREFIX${pre[-P]}${pre[-p]}$h"; done }'
zpty -w z 'comppostfuncs=( exit )'
zpty -w z "$line"$'\t'
# comppostfuncs ends that shell once completion is done: read until it has gone (20 s at most).
local out all
integer waited=0
while (( waited < 200 )); do
    if zpty -r -t z out; then
        all+=$out
        continue
    fi
    zpty -t z || break
    sleep 0.1
    (( waited++ ))
done
while zpty -r -t z out; do all+=$out; done
zpty -d z
print -r -- "$all" | grep -ao '<candidate>[^[:cntrl:]]*' | sed 's/^<candidate>//' | sort -u
