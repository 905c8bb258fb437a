import pickle
import pickle as pk
from pickle import loads
from pickle import load as load_pickle
import json


def handle(blob, fh, obj):
    # ruleid: py-pickle-loads
    a = pickle.loads(blob)
    # ruleid: py-pickle-loads
    b = pickle.load(fh)
    # aliased module: `import pickle as pk`
    # ruleid: py-pickle-loads
    c = pk.loads(blob)
    # imported name: `from pickle import loads`
    # ruleid: py-pickle-loads
    d = loads(blob)
    # imported and renamed: `from pickle import load as load_pickle`
    # ruleid: py-pickle-loads
    e = load_pickle(fh)
    # ok: py-pickle-loads
    f = json.loads(blob)
    # ok: py-pickle-loads
    g = pickle.dumps(obj)
    # near miss: an attribute that happens to be called pickle
    # ok: py-pickle-loads
    h = obj.pickle.loads(blob)
    return a, b, c, d, e, f, g, h
