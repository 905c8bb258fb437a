function authorize(req, session) {
  // ruleid: js-self-compare
  if (req.body.token === req.body.token) {
    grant();
  }
  // ruleid: js-self-compare
  if (session.role != session.role) deny();
  // parentheses do not matter
  // ruleid: js-self-compare
  const same = (req.user.id) == req.user.id;
  // ok: js-self-compare
  if (req.body.token === session.token) grant();
  // ok: js-self-compare
  if (req.body.token === req.query.token) grant();
  // ok: js-self-compare
  const x = req.user.id = req.user.id;
  return [same, x];
}
