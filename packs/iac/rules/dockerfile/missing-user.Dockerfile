# syntax=docker/dockerfile:1.7
# ok: iac.dockerfile.missing-user
FROM python:3.12-slim AS builder
WORKDIR /src
COPY pyproject.toml uv.lock ./
RUN pip install --no-cache-dir uv==0.4.20 && uv sync --frozen --no-dev

# ok: iac.dockerfile.missing-user
FROM node:20.17-bookworm-slim AS ui
WORKDIR /ui
COPY ui/ ./
RUN npm ci && npm run build
# USER app  (a comment is not an instruction)

# ruleid: iac.dockerfile.missing-user
FROM python:3.12-slim
WORKDIR /app
COPY --from=builder /src/.venv /app/.venv
COPY --from=ui /ui/dist ./static
COPY app/ ./app/
# RUN useradd app && USER app
EXPOSE 8000
CMD ["/app/.venv/bin/uvicorn", "app.main:api", "--host", "0.0.0.0", "--port", "8000"]
