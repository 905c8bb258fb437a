import hashlib
from hashlib import md5 as quick_digest


def digests(data, name):
    # ruleid: py-weak-hash
    a = hashlib.md5(data).hexdigest()
    # ruleid: py-weak-hash
    b = hashlib.sha1()
    # single and double quotes are the same string
    # ruleid: py-weak-hash
    c = hashlib.new('md5', data)
    # ruleid: py-weak-hash
    d = hashlib.new("sha1")
    # imported under another name
    # ruleid: py-weak-hash
    e = quick_digest(data)
    # ok: py-weak-hash
    f = hashlib.sha256(data)
    # ok: py-weak-hash
    g = hashlib.md5(data, usedforsecurity=False)
    # ok: py-weak-hash
    h = hashlib.new("sha256", data)
    # ok: py-weak-hash
    i = hashlib.new(name, data)
    # ok: py-weak-hash
    j = hashlib.new("md5", data, usedforsecurity=False)
    return a, b, c, d, e, f, g, h, i, j
