async function agentStep(client: Anthropic, tool: Tool, memory: Memory, result: StepResult): Promise<void> {
  const observation: string = await tool.invoke({ q: 'x' });
  // ruleid: taint-ts-prompt
  await client.messages.create({ model: 'm', system: `Follow: ${observation}`, messages: [] });
  // the tool output as a user message is fine
  // ok: taint-ts-prompt
  await client.messages.create({ model: 'm', system: 'You are helpful', messages: [{ role: 'user', content: observation }] });
  memory.remember(result.toolOutput);
  // propagated into the memory object
  // ruleid: taint-ts-prompt
  await client.messages.create({ model: 'm', system: memory.summary(), messages: [] });
  const notes: Memory = new Memory();
  notes.remember('static note');
  // ok: taint-ts-prompt
  await client.messages.create({ model: 'm', system: notes.summary(), messages: [] });
}
