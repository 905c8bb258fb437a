import os
import subprocess


def run(user_cmd):
    # ruleid: py-yaml-anchors-shell, py-yaml-anchors-shell-nonconstant
    os.system(user_cmd)
    # ruleid: py-yaml-anchors-shell
    # ok: py-yaml-anchors-shell-nonconstant
    os.system("ls")
    # ruleid: py-yaml-anchors-shell, py-yaml-anchors-shell-nonconstant
    subprocess.call(user_cmd, shell=True)
    # ok: py-yaml-anchors-shell, py-yaml-anchors-shell-nonconstant
    subprocess.call(["ls"])
