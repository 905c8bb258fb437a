import tempfile


def save(data, path):
    # ruleid: py-with-open-tmp
    with open("/tmp/report.txt", "w") as fh:
        fh.write(data)
    # ruleid: py-with-open-tmp
    with open('/tmp/cache.json') as cache:
        return cache.read()


def fine(data, path):
    # near miss: regex is anchored at the start of the string content
    # ok: py-with-open-tmp
    with open("/var/tmp/report.txt", "w") as fh:
        fh.write(data)
    # ok: py-with-open-tmp
    with open(path) as fh:
        fh.read()
    # ok: py-with-open-tmp
    with tempfile.NamedTemporaryFile() as fh:
        fh.write(data)
    # ok: py-with-open-tmp
    with open("/tmp/nosemgrep.txt", "w") as fh:  # nosemgrep
        fh.write(data)
