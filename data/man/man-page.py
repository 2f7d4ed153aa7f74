#!/usr/bin/env python3
# man-page.py — a man page from a program's own --help and --version
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The one source of truth is the program: its --help text becomes the
# page's synopsis and options, so the page cannot drift from what the
# program accepts. (help2man does the same; this needs only Python.)

import os
import subprocess
import sys


def roff_escape(text):
    text = text.replace('\\', '\\\\').replace('-', '\\-')
    return '\n'.join(('\\&' + line) if line.startswith(('.', "'")) else line for line in text.split('\n'))


def main():
    program, name, summary, description, output = sys.argv[1:6]
    commands = sys.argv[6:]
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    def run_help(*args):
        return subprocess.run([program, *args, '--help'], env=env, capture_output=True, text=True,
                              check=True).stdout

    help_text = run_help()
    version = subprocess.run([program, '--version'], env=env, capture_output=True, text=True,
                             check=True).stdout.split()[-1]

    page = [
        '.TH "%s" 1 "" "Tandem %s" "User Commands"' % (roff_escape(name.upper()), roff_escape(version)),
        '.SH NAME',
        '%s \\- %s' % (roff_escape(name), roff_escape(summary)),
        '.SH DESCRIPTION',
        roff_escape(description),
        '.SH USAGE',
        '.nf',
        roff_escape(help_text.rstrip()),
        '.fi',
    ]
    # Each command's own options, as its --help gives them.
    if commands:
        page.append('.SH COMMAND OPTIONS')
    for command in commands:
        text = run_help(*command.split())
        options = text.split('Application Options:', 1)
        if len(options) < 2:
            continue
        page += ['.SS %s' % roff_escape(command), '.nf', roff_escape(options[1].strip('\n')), '.fi']
    page += [
        '.SH SEE ALSO',
        '.BR tandem (1),' if name != 'tandem' else '.BR tandem\\-cli (1),',
        'https://github.com/tandemhq/tandem',
        '',
    ]
    with open(output, 'w', encoding='utf-8') as f:
        f.write('\n'.join(page))


if __name__ == '__main__':
    main()
