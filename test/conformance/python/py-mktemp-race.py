import tempfile


def write_report(data):
    # ruleid: py-mktemp-race
    path = tempfile.mktemp(suffix=".txt")
    fh = open(path, "w")
    fh.write(data)


def nested(data, lock):
    # ruleid: py-mktemp-race
    name = tempfile.mktemp()
    prepare()
    if data:
        with lock:
            out = open(name, "wb")
            out.write(data)


def other_file(data):
    # near miss: the temp name is never opened
    # ok: py-mktemp-race
    path = tempfile.mktemp()
    fh = open("/var/log/app.log", "a")


def safe(data):
    # ok: py-mktemp-race
    fd, path = tempfile.mkstemp()
    fh = open(path, "w")
