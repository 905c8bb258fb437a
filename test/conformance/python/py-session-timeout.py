import os

# ruleid: py-session-timeout
SESSION = os.getenv("SESSION_TIMEOUT", "86400")
# ruleid: py-session-timeout
TOKEN = os.environ.get('TOKEN_TIMEOUT', '7200')
# int() of an integer literal is the integer
# ruleid: py-session-timeout
IDLE = os.getenv("IDLE_TIMEOUT", 5400)
# ok: py-session-timeout
SHORT = os.getenv("SESSION_TIMEOUT", "900")
# exactly one hour is fine
# ok: py-session-timeout
HOUR = os.getenv("SESSION_TIMEOUT", "3600")
# near miss: not a timeout variable
# ok: py-session-timeout
UPLOAD = os.getenv("MAX_UPLOAD", "99999")
# ok: py-session-timeout
NO_DEFAULT = os.getenv("SESSION_TIMEOUT")
