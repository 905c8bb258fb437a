const OpenAI = require("openai");
const openai = new OpenAI();

app.post("/chat", async (req, res) => {
  // ruleid: js-openai-user-input
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: req.body.prompt }],
  });
  res.json(completion);
});

app.post("/summarize", async (request, response) => {
  const history = loadHistory();
  // ruleid: js-openai-user-input
  const r = await openai.chat.completions.create({ messages: [...history, { role: "user", content: `Summarize: ${request.body.text}` }], temperature: 0 });

  // no await: not the pattern
  // ok: js-openai-user-input
  openai.chat.completions.create({ messages: [{ role: "user", content: request.body.text }] }).then(() => {});

  // ok: js-openai-user-input
  const fixed = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello" }] });

  // user input in another field, not in messages
  // ok: js-openai-user-input
  const meta = await openai.chat.completions.create({ user: request.body.userId, messages: history });

  // ok: js-openai-user-input
  const emb = await openai.embeddings.create({ input: request.body.text });
  response.json([r, fixed, meta, emb]);
});

async function offline(req) {
  // not inside a route handler
  // ok: js-openai-user-input
  return await openai.chat.completions.create({ messages: [{ role: "user", content: req.body.prompt }] });
}
