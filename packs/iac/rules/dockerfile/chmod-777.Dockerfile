FROM python:3.12-slim
RUN useradd --uid 10001 app
# ruleid: iac.dockerfile.chmod-777
RUN mkdir -p /models /cache && chmod -R 777 /models /cache
# ruleid: iac.dockerfile.chmod-777
COPY --chmod=777 entrypoint.sh /entrypoint.sh
# ruleid: iac.dockerfile.chmod-777
RUN chmod a+rwx /app/run.sh
# ok: iac.dockerfile.chmod-777
RUN chmod 755 /entrypoint.sh && chown -R app:app /models
# ok: iac.dockerfile.chmod-777
COPY --chown=app:app --chmod=0755 serve.py /app/serve.py
USER app
