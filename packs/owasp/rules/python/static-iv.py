import os

from Crypto.Cipher import AES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

def encrypt_email(key, padded):
    # ruleid: owasp.python.static-iv
    enc = Cipher(algorithms.AES(key), modes.CBC(b"0123456789abcdef")).encryptor()
    return enc.update(padded) + enc.finalize()


def encrypt_note(key, note, aad):
    nonce = bytes(12)
    # ruleid: owasp.python.static-iv
    return AESGCM(key).encrypt(nonce, note, aad)


def encrypt_ssn(key, padded):
    # ruleid: owasp.python.static-iv
    cipher = AES.new(key, AES.MODE_CBC, iv=b"\x00" * 16)
    return cipher.encrypt(padded)


def encrypt_note_safe(key, note, aad):
    nonce = os.urandom(12)
    # ok: owasp.python.static-iv
    return nonce + AESGCM(key).encrypt(nonce, note, aad)


def encrypt_cbc_safe(key, padded):
    iv = os.urandom(16)
    # ok: owasp.python.static-iv
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return iv + enc.update(padded) + enc.finalize()


def pycryptodome_default(key, data):
    # ok: owasp.python.static-iv
    cipher = AES.new(key, AES.MODE_GCM)
    return cipher.nonce, cipher.encrypt_and_digest(data)
