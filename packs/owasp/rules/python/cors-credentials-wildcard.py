from flask import Blueprint, Flask
from flask_cors import CORS, cross_origin

app = Flask(__name__)
# ruleid: owasp.python.cors-credentials-wildcard
CORS(app, supports_credentials=True)

api = Blueprint("api", __name__)
# ruleid: owasp.python.cors-credentials-wildcard
CORS(api, origins="*", supports_credentials=True, max_age=600)

partner = Blueprint("partner", __name__)
# ok: owasp.python.cors-credentials-wildcard
CORS(partner, origins=["https://app.example.com"], supports_credentials=True)

public = Blueprint("public", __name__)
# ok: owasp.python.cors-credentials-wildcard
CORS(public, origins="*")


@app.get("/me")
# ruleid: owasp.python.cors-credentials-wildcard
@cross_origin(supports_credentials=True)
def me():
    return {"user": "ada"}


@app.get("/partner/me")
# ok: owasp.python.cors-credentials-wildcard
@cross_origin(origins=["https://partner.example.com"], supports_credentials=True)
def partner_me():
    return {"user": "ada"}


# --- Django settings (django-cors-headers) -------------------------------------------------

CORS_ALLOW_CREDENTIALS = True
# ruleid: owasp.python.cors-credentials-wildcard
CORS_ALLOW_ALL_ORIGINS = True
# ok: owasp.python.cors-credentials-wildcard
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
