def check(token, expected, a):
    # ruleid: py-self-compare
    if token == token:
        return True
    # ruleid: py-self-compare
    if a.b != a.b:
        return False
    # spacing and parentheses do not make the operands different
    # ruleid: py-self-compare
    same = (token.strip())  ==  token.strip()
    # near miss: two different operands
    # ok: py-self-compare
    if token == expected:
        return True
    # ok: py-self-compare
    while 1 == 1:
        break
    # ok: py-self-compare
    return a.b == a.c
