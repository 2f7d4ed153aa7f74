# bash completion for tandem-cli                        -*- shell-script -*-
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Commands and their words are listed here; each command's options are read
# from its own --help, so they cannot drift from what tandem-cli accepts.
# Needs nothing from the bash-completion package.

_tandem_cli_charts='optimism resources transparency snapshot heatmap gap-heatmap impact coaching completion champions competencies'

# The long options of "tandem-cli WORDS… --help", one a line.
_tandem_cli_options ()
{
    LC_ALL=C.UTF-8 LANGUAGE= "$1" "${@:2}" --help 2>/dev/null |
        sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-z-]*\).*/\2/p' |
        grep -v -e '^--help'
}

_tandem_cli ()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=
    local program=${COMP_WORDS[0]}
    local -a words=()
    local i word command='' sub=''

    (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    # The words before the cursor that are not options or their values.
    for (( i = 1; i < COMP_CWORD; i++ )); do
        word=${COMP_WORDS[i]}
        case $word in
            --database|-o|--output|--by|--format|--wave|--from|--to|--dimension|--seed|--today|--as-of|\
            --executive|--mentor|--as|--person|--department|--delimiter|--scale|--target|--width|--height|--threshold|--min-effect|\
            --date|--minutes|--tools|--data-used|--insight|--follow-ups|--confidence-before|\
            --confidence-after|--private-note)
                (( i++ )) ;;
            -*) ;;
            *) words+=("$word") ;;
        esac
    done
    command=${words[0]-}
    sub=${words[1]-}

    # An option's value.
    if [[ $command == copy && ($prev == --from || $prev == --to) ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        return
    fi
    case $prev in
        --database|-o|--output)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --by)
            if [[ $command == report && $sub == completion ]]; then
                COMPREPLY=($(compgen -W 'role department level' -- "$cur"))
            elif [[ $command == report ]]; then
                COMPREPLY=($(compgen -W 'role department' -- "$cur"))
            else
                COMPREPLY=($(compgen -W 'department role' -- "$cur"))
            fi
            return ;;
        --format)
            COMPREPLY=($(compgen -W 'text csv' -- "$cur"))
            return ;;
        --as)
            COMPREPLY=($(compgen -W 'manager leader member' -- "$cur"))
            return ;;
        --dimension)
            COMPREPLY=($(compgen -W 'optimism resources transparency' -- "$cur"))
            return ;;
        --delimiter)
            COMPREPLY=($(compgen -W ', ; tab' -- "$cur"))
            return ;;
        --scale)
            COMPREPLY=($(compgen -W '1 2' -- "$cur"))
            return ;;
        --seed|--today|--as-of|--executive|--mentor|--person|--department|--wave|--from|--to|--target|--width|--height|\
        --threshold|--min-effect|--date|--minutes|--tools|--data-used|--insight|--follow-ups|\
        --confidence-before|--confidence-after|--private-note)
            return ;;
    esac

    if [[ $cur == -* ]]; then
        if [[ -z $command ]]; then
            COMPREPLY=($(compgen -W '--database --help --version' -- "$cur"))
        elif [[ ($command == session || $command == server) && -n $sub ]]; then
            COMPREPLY=($(compgen -W "$(_tandem_cli_options "$program" "$command" "$sub") --help" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_tandem_cli_options "$program" "$command") --help" -- "$cur"))
        fi
        return
    fi

    case ${#words[@]} in
        0)
            COMPREPLY=($(compgen -W 'demo export report import log session backup restore copy check server' -- "$cur")) ;;
        1)
            case $command in
                export)  COMPREPLY=($(compgen -W 'chart pack literacy-record journal people enrollments' -- "$cur")) ;;
                report)  COMPREPLY=($(compgen -W 'summary pairs completion champions gaps changes competencies impact' \
                                      -- "$cur")) ;;
                import)  COMPREPLY=($(compgen -W 'people enrollments sessions responses programs competency-targets' \
                                      -- "$cur")) ;;
                session) COMPREPLY=($(compgen -W 'list edit delete' -- "$cur")) ;;
                log)     COMPREPLY=($(compgen -W 'session' -- "$cur")) ;;
                server)  COMPREPLY=($(compgen -W 'init grant' -- "$cur")) ;;
                restore)
                    compopt -o filenames 2>/dev/null
                    COMPREPLY=($(compgen -f -- "$cur")) ;;
            esac ;;
        2)
            case $command in
                export)
                    [[ $sub == chart ]] && COMPREPLY=($(compgen -W "$_tandem_cli_charts" -- "$cur")) ;;
                import)
                    compopt -o filenames 2>/dev/null
                    COMPREPLY=($(compgen -f -- "$cur")) ;;
            esac ;;
    esac
}

complete -F _tandem_cli tandem-cli
