import os

from Crypto.Cipher import AES, ARC4, DES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def encrypt_card(key, pan):
    # ruleid: owasp.python.weak-cipher
    cipher = DES.new(key, DES.MODE_CBC, iv=os.urandom(8))
    return cipher.encrypt(pan)


def encrypt_token(key, token):
    # ruleid: owasp.python.weak-cipher
    cipher = AES.new(key, AES.MODE_ECB)
    return cipher.encrypt(token)


def stream(key, data):
    # ruleid: owasp.python.weak-cipher
    return ARC4.new(key).encrypt(data)


def legacy_vault(key, block):
    # ruleid: owasp.python.weak-cipher
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return enc.update(block) + enc.finalize()


def triple(key, iv, block):
    # ruleid: owasp.python.weak-cipher
    enc = Cipher(algorithms.TripleDES(key), modes.CBC(iv)).encryptor()
    return enc.update(block) + enc.finalize()


def modern(key, plaintext, aad):
    nonce = os.urandom(12)
    # ok: owasp.python.weak-cipher
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def gcm(key, data):
    # ok: owasp.python.weak-cipher
    cipher = AES.new(key, AES.MODE_GCM)
    return cipher.encrypt_and_digest(data)
