FROM ubuntu:24.04
# ruleid: iac.dockerfile.add-from-url
ADD https://github.com/ollama/ollama/releases/download/v0.3.12/ollama-linux-amd64.tgz /tmp/
# ruleid: iac.dockerfile.add-from-url
ADD --chown=1000:1000 https://huggingface.co/TheBloke/Llama-2-7B-GGUF/resolve/main/llama-2-7b.Q4_K_M.gguf /models/
# ok: iac.dockerfile.add-from-url
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://github.com/tini/releases/download/v0.19.0/tini /tini
# ok: iac.dockerfile.add-from-url
ADD models.tar.gz /models/
# ok: iac.dockerfile.add-from-url
COPY https.conf /etc/nginx/conf.d/
USER 10001
