#!/bin/bash
# check-completion.sh — tandem-cli's bash completion offers what tandem-cli accepts
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-completion.sh COMPLETION-SCRIPT TANDEM-CLI
# The lists the script keeps by hand are checked against the program's own
# words: its --help, its usage errors. Prints TAP.

set -u
script=$1
cli=$2
export LC_ALL=C.UTF-8 LANGUAGE=
source "$script"

tests=0
failed=0

# complete WORDS… : what the completion offers for the last word, sorted, one line.
complete_line ()
{
    COMP_WORDS=("$cli" "$@")
    COMP_CWORD=$#
    COMPREPLY=()
    _tandem_cli
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

sorted () { tr ' ,' '\n\n' | sed '/^$/d; /^or$/d' | sort | tr '\n' ' ' | sed 's/ $//'; }

expect ()
{
    local name=$1 want=$2 got=$3
    tests=$((tests + 1))
    if [[ $got == "$want" ]]; then
        echo "ok $tests - $name"
    else
        echo "not ok $tests - $name"
        echo "# want: $want"
        echo "#  got: $got"
        failed=$((failed + 1))
    fi
}

# The commands are those --help lists.
want=$("$cli" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' | sort -u | tr '\n' ' ' | sed 's/ $//')
expect "commands" "$want" "$(complete_line '')"
expect "a command by its start" "restore report" "$(complete_line re | tr ' ' '\n' | sort -r | tr '\n' ' ' | sed 's/ $//')"

# Chart names are those "export chart" asks for.
want=$("$cli" export chart 2>&1 | sed -n 's/.*needs a chart name: //p' | sorted)
expect "chart names" "$want" "$(complete_line export chart '')"

# What export and report do, from their --help's usage line.
for command in export report; do
    want=$("$cli" "$command" --help | sed -n "s/^  tandem-cli \[OPTION…\] $command //p" |
           sed 's/ [A-Z_]*//g; s/|/ /g' | sorted)
    expect "$command kinds" "$want" "$(complete_line "$command" '')"
done
want=$("$cli" import --help | sed -n 's/^  tandem-cli \[OPTION…\] import \([a-z|-]*\) FILE.*/\1/p' | tr '|' ' ' | sorted)
expect "import kinds" "$want" "$(complete_line import '')"

# Options come from the command's own --help.
got=$(complete_line report --)
for option in --by --format --min-effect --threshold --help; do
    expect "report offers $option" "yes" "$([[ " $got " == *" $option "* ]] && echo yes || echo "no ($got)")"
done
expect "session edit's options" "--private-note" "$(complete_line session edit 3 --pri)"
expect "log session's options" "--mentor --minutes" "$(complete_line log session --executive E-1 --m)"
expect "what log logs" "session" "$(complete_line log '')"
expect "server commands" "grant init" "$(complete_line server '')"
expect "server groups" "leader manager member" "$(complete_line server grant eve --as '')"
expect "server grant's options" "--person" "$(complete_line server grant eve --as member --pe)"
expect "global options" "--database" "$(complete_line --da)"

# Option values.
expect "completion by" "department level role" "$(complete_line report completion --by '')"
expect "competencies by" "department role" "$(complete_line report competencies --by '')"
expect "formats" "csv text" "$(complete_line report gaps --format '')"
expect "dimensions" "optimism resources transparency" "$(complete_line report gaps --dimension '')"

# Files, after an option's value too.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
touch "$dir/people.csv" "$dir/programs.csv"
expect "import a file" "$dir/people.csv" "$(complete_line import people "$dir/pe")"
expect "the database file" "$dir/people.csv $dir/programs.csv" "$(complete_line --database "$dir/p")"
expect "after --database" "chart" "$(complete_line --database x.db export ch)"
expect "restore a file" "$dir/programs.csv" "$(complete_line restore "$dir/pr")"
expect "copy from a file" "$dir/people.csv" "$(complete_line copy --from "$dir/pe")"
expect "copy's options" "--from --help --to" "$(complete_line copy --)"

echo "1..$tests"
exit $((failed > 0))
