FROM python:3.12-slim
# ruleid: iac.dockerfile.secret-in-env-arg
ENV OPENAI_API_KEY=sk-proj-3vQ9example0notreal7Lm2
# ruleid: iac.dockerfile.secret-in-env-arg
ARG HF_TOKEN=hf_exampleexampleexampleexample
# ruleid: iac.dockerfile.secret-in-env-arg
ENV MODEL_NAME=gpt-4o-mini \
    ANTHROPIC_API_KEY="sk-ant-api03-examplenotreal"
# ruleid: iac.dockerfile.secret-in-env-arg
ENV DB_PASSWORD s3cr3t-Pa55word
# ok: iac.dockerfile.secret-in-env-arg
ENV DB_PASSWORD changeme
# ok: iac.dockerfile.secret-in-env-arg
ARG GROQ_API_KEY=your-api-key-here
# ok: iac.dockerfile.secret-in-env-arg
ARG HF_TOKEN
# ok: iac.dockerfile.secret-in-env-arg
ENV OPENAI_API_KEY=${OPENAI_API_KEY}
# ok: iac.dockerfile.secret-in-env-arg
ENV MAX_TOKENS=4096 TOKENIZERS_PARALLELISM=false
# ok: iac.dockerfile.secret-in-env-arg
RUN --mount=type=secret,id=hf_token HF_TOKEN=$(cat /run/secrets/hf_token) python download.py
USER 10001
