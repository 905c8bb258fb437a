def main(app):
    # ruleid: py-dev-server-exposed
    app.run(host="0.0.0.0", port=80)
    # keyword arguments in any order, and single quotes
    # ruleid: py-dev-server-exposed
    app.run(port=8080, debug=True, host='0.0.0.0')
    # ruleid: py-dev-server-exposed
    app.run(debug=False, port=443, host="0.0.0.0")
    # ruleid: py-dev-server-exposed
    app.run(host="0.0.0.0", threaded=True, port=8000)
    # near miss: 8443 is neither ^(80|443)$ nor in the list
    # ok: py-dev-server-exposed
    app.run(host="0.0.0.0", port=8443)
    # ok: py-dev-server-exposed
    app.run(host="0.0.0.0", port=5000)
    # ok: py-dev-server-exposed
    app.run(host="127.0.0.1", port=80)
    # ok: py-dev-server-exposed
    app.run(port=80)
