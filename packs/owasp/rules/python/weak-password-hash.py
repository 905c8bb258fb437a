import hashlib
import os


def register(db, username, password):
    # ruleid: owasp.python.weak-password-hash
    digest = hashlib.md5(password.encode()).hexdigest()
    db.execute("INSERT INTO users (name, pw) VALUES (?, ?)", (username, digest))


def check(user, password):
    # ruleid: owasp.python.weak-password-hash
    return user.pw_hash == hashlib.sha1((user.salt + password).encode("utf-8")).hexdigest()


def api_secret_fingerprint(client):
    h = hashlib.new("md5")
    # ruleid: owasp.python.weak-password-hash
    h.update(client.client_secret.encode())
    return h.hexdigest()


def legacy(new_password):
    # ruleid: owasp.python.weak-password-hash
    return hashlib.new("sha1", new_password.encode()).hexdigest()


def strong(password):
    salt = os.urandom(16)
    # ok: owasp.python.weak-password-hash
    return salt + hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def etag(body):
    # ok: owasp.python.weak-password-hash
    return hashlib.md5(body, usedforsecurity=False).hexdigest()


def cache_key(url):
    # ok: owasp.python.weak-password-hash
    return hashlib.sha1(url.encode()).hexdigest()
