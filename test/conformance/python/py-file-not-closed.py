def leak(path):
    # ruleid: py-file-not-closed
    fd = open(path)
    return fd.read()


def closed(path):
    # ok: py-file-not-closed
    fd = open(path)
    data = fd.read()
    fd.close()
    return data


def closed_in_branch(path, flag):
    # close() may sit in a nested block after the ellipsis
    # ok: py-file-not-closed
    fd = open(path)
    if flag:
        fd.close()


def closes_another(path, other):
    # the negative pattern needs the same variable: closing another object does not count
    # ruleid: py-file-not-closed
    fd = open(path)
    other.close()


def guarded(path):
    try:
        # ok: py-file-not-closed
        fd = open(path)
        return fd.read()
    finally:
        cleanup()
