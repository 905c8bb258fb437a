from pathlib import Path

from flask import Flask, request
from langchain.chains import load_chain
from langchain.agents import load_agent
from langchain_core.prompts import load_prompt

app = Flask(__name__)

# ruleid: genai.langchain-load-chain-untrusted
hub_chain = load_chain("lc://chains/llm-math/chain.json")

# ruleid: genai.langchain-load-chain-untrusted
remote_prompt = load_prompt("https://prompts.example.com/support/v3.yaml")


@app.post("/run-chain")
def run_chain():
    config_path = request.json["chain"]
    # ruleid: genai.langchain-load-chain-untrusted
    chain = load_chain(config_path)
    return {"answer": chain.run(request.json["question"])}


def tenant_agent(tenant_dir):
    # ruleid: genai.langchain-load-chain-untrusted
    return load_agent(f"{tenant_dir}/agent.json")


# --- near misses -----------------------------------------------------------------------------

# Prompt files kept in the repository, loaded by a constant path.
# ok: genai.langchain-load-chain-untrusted
support_prompt = load_prompt("prompts/support.yaml")

# ok: genai.langchain-load-chain-untrusted
summary_prompt = load_prompt(Path("prompts/summary.json"))

# ok: genai.langchain-load-chain-untrusted
settings = load_settings(config_path="settings.toml")
