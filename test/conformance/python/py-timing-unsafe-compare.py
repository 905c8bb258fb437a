import hashlib
import hmac


def check(sig, key, msg):
    # $_ is anonymous: key and msg need not be the same
    # ruleid: py-timing-unsafe-compare
    if sig == hmac.new(key, msg, hashlib.sha256).hexdigest():
        return True
    # ruleid: py-timing-unsafe-compare
    return hmac.new(key, msg).hexdigest() == sig


def safe(sig, key, msg):
    # ok: py-timing-unsafe-compare
    return hmac.compare_digest(sig, hmac.new(key, msg, hashlib.sha256).hexdigest())


def near_miss(sig, key, msg):
    # near miss: only one argument, so $_, $_ cannot match
    # ok: py-timing-unsafe-compare
    return sig == hmac.new(key).hexdigest()
