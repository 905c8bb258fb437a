import yaml


def read_config(path, text):
    with open(path) as fh:
        # ruleid: py-yaml-load
        config = yaml.safe_load(fh)
    # ruleid: py-yaml-load
    settings = yaml.safe_load(stream=text)
    # ruleid: py-yaml-load
    return config, settings, yaml.safe_load(open(path, 'rb').read())


def safe(path, text):
    # ok: py-yaml-load
    a = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: py-yaml-load
    b = yaml.load(Loader=yaml.CSafeLoader, stream=text)
    # ok: py-yaml-load
    c = yaml.load(text, yaml.SafeLoader)
    # ok: py-yaml-load
    d = yaml.safe_load(text)
    # ok: py-yaml-load
    e = json.load(text)
    return a, b, c, d, e
