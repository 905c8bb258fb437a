def run(expr):
    # the rule would match here, but paths.exclude removes this file
    # ok: py-paths-excluded
    return eval(expr)
