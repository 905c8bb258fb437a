import random
import secrets
import string

ALPHABET = string.ascii_letters + string.digits


def create_reset_link(user):
    # ruleid: owasp.python.insecure-random-secret
    token = "".join(random.choice(ALPHABET) for _ in range(32))
    return f"https://app.example.com/reset?token={token}"


def send_login_code(user, sms):
    # ruleid: owasp.python.insecure-random-secret
    otp_code = random.randint(100000, 999999)
    sms.send(user.phone, f"Your code is {otp_code}")


def generate_api_key():
    # ruleid: owasp.python.insecure-random-secret
    return "sk_" + "".join(random.choices(ALPHABET, k=40))


def temporary_password(user):
    # ruleid: owasp.python.insecure-random-secret
    user.password = "".join(random.sample(ALPHABET, 12))


def safe_reset_link(user):
    # ok: owasp.python.insecure-random-secret
    token = secrets.token_urlsafe(32)
    return f"https://app.example.com/reset?token={token}"


def pick_banner(banners):
    # ok: owasp.python.insecure-random-secret
    banner = random.choice(banners)
    return banner


def retry_delay(attempt):
    # ok: owasp.python.insecure-random-secret
    jitter = random.uniform(0, 0.5)
    return 2**attempt + jitter
