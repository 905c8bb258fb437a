const OpenAI = require("openai");

// ruleid: js-hardcoded-openai-key
const client = new OpenAI({ apiKey: "sk-proj-A1b2C3d4E5f6G7h8I9j0K1l2M3n4" });

const config = {
  // ruleid: js-hardcoded-openai-key
  openaiKey: 'sk-Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2',
  // too short to be a key
  // ok: js-hardcoded-openai-key
  label: "sk-short",
  // placeholder values are filtered by pattern-not-regex
  // ok: js-hardcoded-openai-key
  sample: "sk-test1234567890abcdefghijklmnop",
  // ok: js-hardcoded-openai-key
  docs: "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
};

// ok: js-hardcoded-openai-key
const fromEnv = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

module.exports = { client, config, fromEnv };
