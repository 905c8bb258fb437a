import pickle
from flask import request


def upload():
    data = request.files["f"].read()
    decoder = Decoder()
    decoder.feed(data)
    # the propagator makes the decoder tainted
    # ruleid: taint-py-propagator
    pickle.loads(decoder.output())
    other = Decoder()
    other.feed(b"constant")
    # ok: taint-py-propagator
    pickle.loads(other.output())


def signed():
    blob = request.files["f"].read()
    # ruleid: taint-py-propagator
    pickle.loads(blob)
    verify_signature(blob)
    # sanitized by side effect from here on
    # ok: taint-py-propagator
    pickle.loads(blob)
