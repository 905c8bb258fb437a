FROM ubuntu:24.04
# ruleid: iac.dockerfile.curl-pipe-shell
RUN curl -fsSL https://ollama.com/install.sh | sh
# ruleid: iac.dockerfile.curl-pipe-shell
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && \
    curl -LsSf https://astral.sh/uv/install.sh | sudo -E bash
# ruleid: iac.dockerfile.curl-pipe-shell
RUN <<EOF
set -eux
wget -qO- https://example.com/setup.sh | bash -s -- --yes
EOF
# ok: iac.dockerfile.curl-pipe-shell
RUN curl -fsSLo /tmp/uv-install.sh https://astral.sh/uv/0.4.20/install.sh \
    && echo "a3b7e8d2c4f5e6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1  /tmp/uv-install.sh" | sha256sum -c - \
    && sh /tmp/uv-install.sh
# ok: iac.dockerfile.curl-pipe-shell
RUN curl -fsSL https://api.github.com/repos/acme/models/releases/latest | jq -r .tag_name > /VERSION
USER 10001
