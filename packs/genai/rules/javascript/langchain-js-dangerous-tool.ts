import { PythonInterpreterTool } from "@langchain/community/experimental/tools/pyinterpreter";
import { ChatOpenAI } from "@langchain/openai";
import { JsonSpec } from "langchain/tools";
import { createOpenApiAgent, OpenApiToolkit, RequestsToolkit } from "langchain/agents/toolkits";
import { RequestsGetTool, RequestsPostTool } from "langchain/tools";
import { Calculator } from "@langchain/community/tools/calculator";

const llm = new ChatOpenAI({ model: "gpt-4o-mini", timeout: 30_000 });
const headers = { Authorization: `Bearer ${process.env.CRM_TOKEN}` };

export async function buildTools(spec: JsonSpec) {
  return [
    // ruleid: genai.langchain-js-dangerous-tool
    await PythonInterpreterTool.initialize({ indexURL: "../node_modules/pyodide" }),
    // ruleid: genai.langchain-js-dangerous-tool
    new RequestsGetTool(headers),
    // ruleid: genai.langchain-js-dangerous-tool
    new RequestsPostTool(headers),
    // ok: genai.langchain-js-dangerous-tool
    new Calculator(),
  ];
}

export function crmAgent(spec: JsonSpec) {
  // ruleid: genai.langchain-js-dangerous-tool
  const toolkit = new OpenApiToolkit(spec, llm, headers);
  // ruleid: genai.langchain-js-dangerous-tool
  return createOpenApiAgent(llm, toolkit);
}

// ruleid: genai.langchain-js-dangerous-tool
export const requests = new RequestsToolkit();

// A lookalike class from this code base.
// ok: genai.langchain-js-dangerous-tool
export const client = new RequestsClient({ baseUrl: "https://api.example.com" });
