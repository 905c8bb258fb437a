import jwt


def claims(token, key):
    # ruleid: py-jwt-no-verify
    a = jwt.decode(token, key, options={"verify_signature": False})
    # single quotes, more keys, keyword order
    # ruleid: py-jwt-no-verify
    b = jwt.decode(token, options={'verify_exp': True, 'verify_signature': False}, algorithms=["HS256"])
    # ok: py-jwt-no-verify
    c = jwt.decode(token, key, options={"verify_signature": True}, algorithms=["HS256"])
    # near miss: a different option is disabled
    # ok: py-jwt-no-verify
    d = jwt.decode(token, key, options={"verify_exp": False}, algorithms=["HS256"])
    # ok: py-jwt-no-verify
    e = jwt.decode(token, key, algorithms=["HS256"])
    # near miss: not jwt.decode
    # ok: py-jwt-no-verify
    f = json.decode(token, options={"verify_signature": False})
    return a, b, c, d, e, f
