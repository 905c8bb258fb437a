import jwt
from flask import Flask, g, request

app = Flask(__name__)
PUBLIC_KEY = open("/etc/app/jwt.pub").read()


@app.before_request
def authenticate():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    # ruleid: owasp.python.jwt-verify-disabled
    claims = jwt.decode(token, options={"verify_signature": False})
    g.user_id = claims["sub"]


def legacy_claims(token):
    # ruleid: owasp.python.jwt-verify-disabled
    return jwt.decode(token, PUBLIC_KEY, verify=False)


def permissive(token):
    # ruleid: owasp.python.jwt-verify-disabled
    return jwt.decode(token, PUBLIC_KEY, algorithms=["RS256", "none"])


def unsigned_service_token(sub):
    # ruleid: owasp.python.jwt-verify-disabled
    return jwt.encode({"sub": sub}, None, algorithm="none")


def verified(token):
    # ok: owasp.python.jwt-verify-disabled
    return jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"], audience="api.example.com")


def expiry_tolerant(token):
    # ok: owasp.python.jwt-verify-disabled
    return jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"], options={"verify_exp": False})


def key_id(token):
    # ok: owasp.python.jwt-verify-disabled
    return jwt.get_unverified_header(token)["kid"]
