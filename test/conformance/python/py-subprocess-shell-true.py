import subprocess


def run(cmd, args):
    # ruleid: py-subprocess-shell-true
    subprocess.call(cmd, shell=True)

    # ruleid: py-subprocess-shell-true
    subprocess.run(shell=True, args=cmd)

    # ruleid: py-subprocess-shell-true
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, shell=True, cwd="/tmp")

    # comments and parentheses inside the call do not matter
    # ruleid: py-subprocess-shell-true
    out = subprocess.check_output(
        (cmd),  # the whole command line
        # still the same call
        shell=(True),
    )

    # ok: py-subprocess-shell-true
    subprocess.run(cmd, shell=False)

    # ok: py-subprocess-shell-true
    subprocess.run(["ls", "-l", args])

    # near miss: the regex is left-anchored and ends with $, so run_later is not run
    # ok: py-subprocess-shell-true
    subprocess.run_later(cmd, shell=True)

    # near miss: a different module
    # ok: py-subprocess-shell-true
    sandbox.run(cmd, shell=True)

    # ok: py-subprocess-shell-true
    subprocess.call(cmd, shell=True)  # nosemgrep: py-subprocess-shell-true

    # ok: py-subprocess-shell-true
    subprocess.call(cmd, shell=True)  # moat-ignore: py-subprocess-shell-true vetted constant command

    # a suppression for another rule does not hide this one
    # ruleid: py-subprocess-shell-true
    subprocess.call(cmd, shell=True)  # nosemgrep: some-other-rule
    return proc, out
