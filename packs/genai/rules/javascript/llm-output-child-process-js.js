const { execSync } = require("child_process");
const childProcess = require("node:child_process");

async function runAgentStep(chain, goal) {
  const step = await chain.invoke({ goal });
  // ruleid: genai.llm-output-child-process-js
  childProcess.execSync(step.content, { stdio: "inherit" });
}

async function ollamaShell(ollama, prompt) {
  const reply = await ollama.chat({ model: "llama3", messages: [{ role: "user", content: prompt }] });
  // ruleid: genai.llm-output-child-process-js
  return require("child_process").execSync(reply.message.content).toString();
}

function buildInfo() {
  // ok: genai.llm-output-child-process-js
  return execSync("git rev-parse HEAD").toString().trim();
}

module.exports = { runAgentStep, ollamaShell, buildInfo };
