def run(code):
    # the rule would match here, but paths.include does not cover this file
    # ok: py-paths-not-included
    exec(code)
