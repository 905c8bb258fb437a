FROM ubuntu:24.04
# ok: iac.dockerfile.sudo-in-run
RUN useradd -m app && apt-get update && apt-get install -y --no-install-recommends sudo
USER app
# ruleid: iac.dockerfile.sudo-in-run
RUN sudo apt-get install -y --no-install-recommends python3-pip
# ruleid: iac.dockerfile.sudo-in-run
RUN pip3 install --user vllm==0.6.3 && \
    sudo ln -s /home/app/.local/bin/vllm /usr/local/bin/vllm
# ok: iac.dockerfile.sudo-in-run
RUN echo "pseudo random seed" > /tmp/seed
# ok: iac.dockerfile.sudo-in-run
LABEL org.opencontainers.image.description="no sudo needed"
