ARG CUDA_IMAGE=nvidia/cuda:12.4.1-runtime-ubuntu22.04
# ruleid: iac.dockerfile.unpinned-base-image
FROM python AS deps
RUN pip wheel --wheel-dir /wheels torch==2.4.1

# ruleid: iac.dockerfile.unpinned-base-image
FROM --platform=linux/amd64 ghcr.io/huggingface/text-generation-inference:latest AS tgi

# ok: iac.dockerfile.unpinned-base-image
FROM deps AS test
RUN python -m pytest -q

# ok: iac.dockerfile.unpinned-base-image
FROM ${CUDA_IMAGE} AS cuda

# ok: iac.dockerfile.unpinned-base-image
FROM scratch AS weights
COPY model.safetensors /

# ok: iac.dockerfile.unpinned-base-image
FROM python:3.12-slim@sha256:af4e85f1cac90dd3771e47292ea7c8a9830abfabbe4faa5c53f158854c2e819d
COPY --from=deps /wheels /wheels
COPY --from=weights / /models
USER 10001
