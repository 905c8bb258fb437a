import os


class Exploit(object):
    greeting = "hi"

    # ruleid: py-class-reduce
    def __reduce__(self):
        return (os.system, ("id",))


class Payload(dict, metaclass=type):
    def helper(self):
        return 1

    @staticmethod
    def other():
        return 2

    # ruleid: py-class-reduce
    def __reduce__(self, *args):
        return (print, ("hello",))


class Safe(object):
    # near miss: a different dunder method
    # ok: py-class-reduce
    def __reduce_ex__(self, protocol):
        return (dict, ())

    # ok: py-class-reduce
    def reduce(self):
        return 0


# near miss: a plain function, not a method of a class
# ok: py-class-reduce
def __reduce__(self):
    return None
