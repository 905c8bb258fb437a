from cryptography.hazmat.primitives.asymmetric import rsa
from Crypto.PublicKey import RSA


def keys(bits):
    # ruleid: py-rsa-weak-key
    k1 = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    # keyword arguments in any order
    # ruleid: py-rsa-weak-key
    k2 = rsa.generate_private_key(key_size=512, public_exponent=65537)
    # ok: py-rsa-weak-key
    k3 = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    # ok: py-rsa-weak-key
    k4 = rsa.generate_private_key(public_exponent=65537, key_size=4096)
    # ruleid: py-rsa-weak-key
    k5 = RSA.generate(1024)
    # ok: py-rsa-weak-key
    k6 = RSA.generate(3072, e=65537)
    # near miss: 2047 is one bit short, 2048 is fine
    # ruleid: py-rsa-weak-key
    k7 = RSA.generate(2047)
    return k1, k2, k3, k4, k5, k6, k7
