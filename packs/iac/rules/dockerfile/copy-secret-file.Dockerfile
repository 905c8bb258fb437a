FROM python:3.12-slim
WORKDIR /app
# ruleid: iac.dockerfile.copy-secret-file
COPY .env /app/.env
# ruleid: iac.dockerfile.copy-secret-file
COPY --chown=app secrets/gcp-service-account.json /app/credentials.json
# ruleid: iac.dockerfile.copy-secret-file
ADD deploy/id_rsa /root/.ssh/id_rsa
# ok: iac.dockerfile.copy-secret-file
COPY .env.example /app/.env.example
# ok: iac.dockerfile.copy-secret-file
COPY requirements.txt /app/
# ok: iac.dockerfile.copy-secret-file
COPY environment.yml /app/
USER 10001
