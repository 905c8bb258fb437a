import io

import torch
from safetensors.torch import load_file


def load_checkpoint(path):
    # ruleid: genai.torch-load-without-weights-only
    return torch.load(path)


def load_on_cpu(path):
    # ruleid: genai.torch-load-without-weights-only
    state = torch.load(path, map_location="cpu")
    return state


def load_multiline(path, device):
    # ruleid: genai.torch-load-without-weights-only
    state = torch.load(
        open_checkpoint(path),
        map_location=device,
    )
    return state


def load_from_bytes(blob):
    # ruleid: genai.torch-load-without-weights-only
    return torch.load(io.BytesIO(blob))


def load_explicitly_unsafe(path):
    # The value is reported; no automatic fix (the file may really need full pickle).
    # ruleid: genai.torch-load-without-weights-only
    return torch.load(path, weights_only=False)


def load_from_setting(path, settings):
    # ruleid: genai.torch-load-without-weights-only
    return torch.load(path, map_location="cpu", weights_only=settings.unsafe_load)


def load_from_flag(path):
    # ruleid: genai.torch-load-without-weights-only
    return torch.load(path, weights_only=allow_unsafe_load())


def load_safely(path):
    # ok: genai.torch-load-without-weights-only
    return torch.load(path, weights_only=True)


def load_safely_with_options(path):
    # ok: genai.torch-load-without-weights-only
    return torch.load(path, map_location="cpu", weights_only=True, mmap=True)


def load_with_kwargs(path, load_options):
    # Options passed through **kwargs may set weights_only; not reported.
    # ok: genai.torch-load-without-weights-only
    return torch.load(path, **load_options)


def load_safetensors(path):
    # ok: genai.torch-load-without-weights-only
    return load_file(path)


def save(model, path):
    # ok: genai.torch-load-without-weights-only
    torch.save(model.state_dict(), path)


def load_jit(path):
    # ok: genai.torch-load-without-weights-only
    return torch.jit.load(path)
