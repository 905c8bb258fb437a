import requests


def fetch(url, payload, session):
    # ruleid: py-requests-verify-false
    r1 = requests.get(url, verify=False)
    # keyword arguments in any order
    # ruleid: py-requests-verify-false
    r2 = requests.post(verify=False, url=url, data=payload)
    # ruleid: py-requests-verify-false
    r3 = requests.get(url, timeout=5, verify = False, headers={"X": "1"})
    # ruleid: py-requests-verify-false
    r4 = requests.request(
        "DELETE",
        url,
        verify=False,
    )
    # ok: py-requests-verify-false
    r5 = requests.get(url, verify=True)
    # ok: py-requests-verify-false
    r6 = requests.get(url, timeout=5)
    # near miss: a Session object, not the requests module
    # ok: py-requests-verify-false
    r7 = session.get(url, verify=False)
    # near miss: not an HTTP verb in the list
    # ok: py-requests-verify-false
    r8 = requests.getaddrinfo(url, verify=False)
    # ok: py-requests-verify-false
    r9 = requests.get(url, verify=False)  # nosemgrep
    return r1, r2, r3, r4, r5, r6, r7, r8, r9
