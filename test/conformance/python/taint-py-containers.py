import os
import shlex
import subprocess
import sys


def lists():
    target = input("host? ")
    cmd = ["ping", "-c", "1"]
    cmd.append(target)
    # element appended to the list taints the list
    # ruleid: taint-py-containers
    subprocess.run(cmd)
    safe = ["ls", "-l"]
    safe.append("/tmp")
    # ok: taint-py-containers
    subprocess.run(safe)
    # list literal with a tainted element
    # ruleid: taint-py-containers
    subprocess.run(["echo", target])
    # ok: taint-py-containers
    subprocess.run(["echo", shlex.quote(target)])


def dicts():
    opts = {"host": input(), "port": "22"}
    # element of a tainted dict
    # ruleid: taint-py-containers
    os.system("ssh " + opts["host"])
    settings = {}
    settings["dir"] = sys.argv[1]
    # ruleid: taint-py-containers
    os.system("ls " + settings["dir"])
    # a comprehension over tainted data
    words = [w.strip() for w in input().split(",")]
    # ruleid: taint-py-containers
    os.system(" ".join(words))
    # ok: taint-py-containers
    os.system(" ".join([w for w in ["a", "b"]]))


def loop():
    for arg in sys.argv[1:]:
        # loop variable bound from tainted container
        # ruleid: taint-py-containers
        os.system("echo " + arg)
    # the tainted value only in the other argument
    # ok: taint-py-containers
    subprocess.run("uptime", input=input())
