import asyncio
import os
import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)
BACKUP_CMD = "pg_dump -Fc app > /var/backups/app.dump"


@app.post("/thumbnail")
def thumbnail():
    name = request.form["name"]
    # ruleid: owasp.python.command-injection
    subprocess.run(f"convert uploads/{name} -resize 128x128 thumbs/{name}", shell=True, check=True)
    # ruleid: owasp.python.command-injection
    out = subprocess.check_output("file --mime-type uploads/" + name, shell=True)
    # ok: owasp.python.command-injection
    subprocess.run(["convert", f"uploads/{name}", "-resize", "128x128", f"thumbs/{name}"], check=True)
    # ok: owasp.python.command-injection
    subprocess.run("convert uploads/" + shlex.quote(name) + " thumbs/out.png", shell=True, check=True)
    return out


def ping(host):
    # ruleid: owasp.python.command-injection
    return os.system("ping -c 1 " + host)


def disk_usage(path):
    # ruleid: owasp.python.command-injection
    return os.popen("du -sh %s" % path).read()


async def git_log(ref):
    # ruleid: owasp.python.command-injection
    proc = await asyncio.create_subprocess_shell(f"git log --oneline {ref}", stdout=asyncio.subprocess.PIPE)
    return await proc.communicate()


def maintenance():
    # ok: owasp.python.command-injection
    os.system("clear")
    # ok: owasp.python.command-injection
    subprocess.run(BACKUP_CMD, shell=True, check=True)
    # ok: owasp.python.command-injection
    subprocess.run("uptime", shell=True)
