FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04 AS base
# ok: iac.dockerfile.user-root
USER root
RUN apt-get update && apt-get install -y --no-install-recommends python3-pip \
    && rm -rf /var/lib/apt/lists/*

FROM base AS runtime
RUN useradd --uid 10001 --create-home app
# ok: iac.dockerfile.user-root
USER 0
COPY --chown=app:app serve.py /home/app/serve.py
USER app
# ruleid: iac.dockerfile.user-root
USER root:root
RUN pip3 install --no-cache-dir vllm==0.6.3
ENTRYPOINT ["python3", "/home/app/serve.py"]
