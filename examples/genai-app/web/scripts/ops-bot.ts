// Internal on-call helper: `npm run ops-bot -- "why is the embeddings server slow?"`.
// Asks the model for a diagnostic shell command and runs it on the host.
import { exec, execFile } from "node:child_process";
import OpenAI from "openai";

const openai = new OpenAI({ timeout: 20_000 });

// The safe path: the model may only pick one of these, and they run without a shell.
const DIAGNOSTICS: Record<string, [string, string[]]> = {
  disk: ["df", ["-h"]],
  memory: ["free", ["-m"]],
  embeddings: ["curl", ["-s", "--max-time", "5", "https://embeddings.internal.example:8443/health"]],
};

async function main() {
  const problem = process.argv.slice(2).join(" ");
  const completion = await openai.chat.completions.create({
    model: "gpt-4o-mini",
    max_tokens: 100,
    messages: [
      { role: "system", content: "You are an SRE assistant. Reply with exactly one bash command, no prose." },
      { role: "user", content: problem },
    ],
  });
  const command = completion.choices[0].message.content?.trim() ?? "";
  console.log(`$ ${command}`);
  exec(command, (error, stdout, stderr) => console.log(error ? stderr : stdout));
}

export async function runDiagnostic(name: string) {
  const entry = DIAGNOSTICS[name];
  if (!entry) throw new Error(`unknown diagnostic ${name}`);
  const [program, args] = entry;
  execFile(program, args, (error, stdout) => console.log(error ?? stdout));
}

// Run only as a script (`npm run ops-bot`), never on import.
if (process.argv[1]?.endsWith("ops-bot.ts")) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
