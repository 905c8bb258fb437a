import os

# ruleid: py-hardcoded-secret
DB_PASSWORD = "hunter2"
# single quotes are strings too
# ruleid: py-hardcoded-secret
api_key = 'sk_live_1234567890'
# ruleid: py-hardcoded-secret
CLIENT_SECRET = """multi
line"""
# ok: py-hardcoded-secret
password = ""
# ok: py-hardcoded-secret
password = ''
# ok: py-hardcoded-secret
DB_PASSWORD = os.environ["DB_PASSWORD"]
# near miss: the regex must reach the end of the name
# ok: py-hardcoded-secret
password_hint = "your first pet"
# ok: py-hardcoded-secret
username = "admin"
# ok: py-hardcoded-secret
secret_count = 3


class Config(object):
    def __init__(self):
        # ruleid: py-hardcoded-secret
        self.secret = "abc123"
        # ok: py-hardcoded-secret
        self.secret_file = "/etc/app/secret"
