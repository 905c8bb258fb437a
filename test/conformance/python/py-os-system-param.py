import os
import shlex


def ping(host):
    # ruleid: py-os-system-param
    os.system("ping -c 1 " + host)


def archive(src, dest):
    # deep inside a call inside a tuple inside a % expression
    # ruleid: py-os-system-param
    return os.system("tar czf %s %s" % (shlex.quote(dest), "x"))


def direct(cmd):
    # parentheses are ignored
    # ruleid: py-os-system-param
    os.system((cmd))


class Runner(object):
    def run(self, script):
        # methods are functions too
        # ruleid: py-os-system-param
        os.system("sh " + script)


def constant(unused):
    # ok: py-os-system-param
    os.system("uptime")


def other_value(name):
    other = "ls"
    # near miss: the argument is not a parameter of the enclosing function
    # ok: py-os-system-param
    os.system("echo " + other)


def not_system(cmd):
    # ok: py-os-system-param
    os.popen(cmd)


# outside any function: no parameter to bind
# ok: py-os-system-param
os.system("reboot " + os.environ["HOST"])
