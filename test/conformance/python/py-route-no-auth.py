from flask import Flask
from flask_login import login_required

app = Flask(__name__)


@app.route("/admin")
def admin_panel():  # ruleid: py-route-no-auth
    return "secret stuff"


@app.route("/users/<int:uid>", methods=["POST"])
@cache.cached(timeout=60)
def update_user(uid):  # ruleid: py-route-no-auth
    return str(uid)


@app.route("/profile")
@login_required
def profile():  # ok: py-route-no-auth
    return "me"


# decorator order does not matter by default
@login_required
@app.route("/settings")
def settings():  # ok: py-route-no-auth
    return "settings"


# near miss: no route decorator at all
def helper():  # ok: py-route-no-auth
    return 1


@app.errorhandler(404)
def not_found(err):  # ok: py-route-no-auth
    return "missing", 404


class Views(object):
    @app.route("/class-view")
    def index(self):  # ruleid: py-route-no-auth
        return "index"
