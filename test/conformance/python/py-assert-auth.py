def delete_user(request, user):
    # ruleid: py-assert-auth
    assert request.user.is_admin, "admins only"
    # ruleid: py-assert-auth
    assert request.user.has_perm("users.delete")
    # ok: py-assert-auth
    assert user is not None, "missing user"
    user.delete()
