from Crypto.PublicKey import RSA
from cryptography.hazmat.primitives.asymmetric import ec, rsa

LEGACY_BITS = 1024


def signing_key():
    # ruleid: owasp.python.small-rsa-key
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)


def device_key():
    # ruleid: owasp.python.small-rsa-key
    return RSA.generate(512)


def legacy_key():
    # ruleid: owasp.python.small-rsa-key
    return rsa.generate_private_key(65537, LEGACY_BITS)


def service_key():
    # ok: owasp.python.small-rsa-key
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)


def pycryptodome_key():
    # ok: owasp.python.small-rsa-key
    return RSA.generate(2048)


def ec_key():
    # ok: owasp.python.small-rsa-key
    return ec.generate_private_key(ec.SECP256R1())
