import ssl
import urllib.request

import aiohttp
import httpx
import requests

PAYMENTS = "https://payments.internal.example/api/v1"


def charge(token, amount):
    # ruleid: owasp.python.tls-verify-disabled
    return requests.post(f"{PAYMENTS}/charges", json={"amount": amount}, headers={"Authorization": token}, verify=False)


def inventory():
    # ruleid: owasp.python.tls-verify-disabled
    with httpx.Client(base_url=PAYMENTS, verify=False) as client:
        return client.get("/inventory").json()


def legacy_fetch(url):
    # ruleid: owasp.python.tls-verify-disabled
    ctx = ssl._create_unverified_context()
    return urllib.request.urlopen(url, context=ctx).read()


def raw_context():
    ctx = ssl.create_default_context()
    # ruleid: owasp.python.tls-verify-disabled
    ctx.check_hostname = False
    # ruleid: owasp.python.tls-verify-disabled
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


async def poll(url):
    # ruleid: owasp.python.tls-verify-disabled
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False)) as session:
        async with session.get(url) as resp:
            return await resp.text()


def charge_private_ca(token, amount):
    # ok: owasp.python.tls-verify-disabled
    return requests.post(f"{PAYMENTS}/charges", json={"amount": amount}, verify="/etc/ssl/internal-ca.pem")


def strict_context():
    ctx = ssl.create_default_context(cafile="/etc/ssl/internal-ca.pem")
    # ok: owasp.python.tls-verify-disabled
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


def with_session(token):
    session = requests.Session()
    # ruleid: owasp.python.tls-verify-disabled
    return session.get(f"{PAYMENTS}/me", headers={"Authorization": token}, verify=False)


def resolve(url):
    # ok: owasp.python.tls-verify-disabled
    return requests.utils.get_netrc_auth(url, raise_errors=False)


def unrelated(token):
    # PyJWT's old flag is a different problem (owasp.python.jwt-verify-disabled)
    # ok: owasp.python.tls-verify-disabled
    return jwt.decode(token, verify=False)
