/**
 * The Moat MCP server's tools (Model Context Protocol, `@modelcontextprotocol/sdk` McpServer with
 * zod schemas): scan_snippet, scan_file, explain_finding, fix_finding and move_secret_to_vault.
 * Each result is compact and structured (`structuredContent` plus a one-paragraph text). Findings
 * are built from masked text, so no secret value appears in any result.
 */
import path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { moveSecretAtLine } from '../cli/vault-command';
import { MOAT_VERSION } from '../cli/version';
import { LEVELS } from '../engine/finding';
import { DEFAULT_MAX_FILE_BYTES, readScanFileSync } from '../scan/file-walk';
import type { EventLog } from '../observability/ecs-log';
import { observeScan } from '../observability/scan-events';
import { AgentFinding, toAgentFindings } from './agent-findings';
import { AgentScanner, snippetPathFor } from './agent-scanner';
import { explainRule, fixFinding, similarRuleIds } from './rule-explain';

const fixShape = z.object({ startLine: z.number(), endLine: z.number(), replacement: z.string() });
const findingShape = z.object({
  ruleId: z.string(),
  level: z.enum(LEVELS as unknown as [string, ...string[]]),
  line: z.number(),
  column: z.number(),
  endLine: z.number(),
  endColumn: z.number(),
  message: z.string(),
  source: z.string(),
  fix: fixShape.optional(),
  guidance: z.string().optional(),
  cwe: z.array(z.string()).optional(),
  owasp: z.array(z.string()).optional(),
});
const scanOutput = {
  path: z.string(),
  language: z.string(),
  findings: z.array(findingShape).describe('unsuppressed findings, in document order'),
  suppressed: z.number().describe('findings suppressed by moat-ignore / nosemgrep comments'),
  errors: z.array(z.string()),
  durationMs: z.number(),
};

export interface McpDeps {
  readonly scanner: AgentScanner;
  readonly log: EventLog;
}

export function createMoatMcpServer(deps: McpDeps): McpServer {
  const { scanner } = deps;
  const server = new McpServer({ name: 'moat', version: MOAT_VERSION }, { instructions: INSTRUCTIONS });

  const scanResult = async (code: string, file: string): Promise<CallToolResult> => {
    const scan = await scanner.scanText(code, file);
    observeScan(deps.log, { surface: 'mcp', path: scan.path, language: scan.language, durationMs: scan.durationMs, findings: scan.findings, ruleInfo: (id) => scanner.ruleInfo(id) });
    const all = toAgentFindings(scan, (id) => scanner.ruleInfo(id));
    const findings = all.filter((f) => !f.suppressed);
    const errors = scan.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId ? `${p.ruleId}: ` : ''}${p.message}`);
    const structured = { path: scan.path, language: scan.language, findings, suppressed: all.length - findings.length, errors, durationMs: Math.round(scan.durationMs) };
    return { content: [{ type: 'text', text: summary(scan.path, findings) }], structuredContent: structured };
  };

  server.registerTool(
    'scan_snippet',
    {
      title: 'Scan code with Moat',
      description: 'Scans a code snippet (before you write it to a file) with Moat\'s security rules and secrets detectors. Give `language` (python, javascript, typescript, go, java, json, yaml, terraform…) or the `path` it will be written to.',
      inputSchema: {
        code: z.string().describe('the source text'),
        language: z.string().optional().describe('a language name, e.g. python'),
        path: z.string().optional().describe('the file the code is for (picks the language and path-specific rules)'),
      },
      outputSchema: scanOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ code, language, path: file }) => {
      const target = file ?? (language !== undefined ? snippetPathFor(language) : undefined);
      if (target === undefined) return toolError(language !== undefined ? `unknown language "${language}"; give a path with an extension instead` : 'give `language` or `path`');
      if (code.length > DEFAULT_MAX_FILE_BYTES) return toolError(`the code is ${code.length} characters; Moat checks up to ${DEFAULT_MAX_FILE_BYTES}`);
      return scanResult(code, target);
    },
  );

  server.registerTool(
    'scan_file',
    {
      title: 'Scan a file with Moat',
      description: 'Scans a file on disk (relative to the folder the server runs in) with Moat\'s security rules and secrets detectors.',
      inputSchema: { path: z.string().describe('the file to scan') },
      outputSchema: scanOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ path: file }) => {
      const content = readScanFileSync(path.resolve(scanner.root, file), DEFAULT_MAX_FILE_BYTES);
      if (!content.ok) return toolError(`cannot scan ${file}: ${content.reason}${content.detail ? ` (${content.detail})` : ''}`);
      return scanResult(content.text, file);
    },
  );

  server.registerTool(
    'explain_finding',
    {
      title: 'Explain a Moat rule',
      description: 'What a Moat rule id means: its message, the risk, CWE/OWASP, references and how to fix it.',
      inputSchema: { ruleId: z.string().describe('the rule id of a finding, e.g. genai.tls-verify-disabled') },
      outputSchema: {
        ruleId: z.string(),
        level: z.string(),
        severity: z.string(),
        languages: z.array(z.string()),
        message: z.string(),
        risk: z.string(),
        category: z.string().optional(),
        cwe: z.array(z.string()),
        owasp: z.array(z.string()),
        references: z.array(z.string()),
        fix: z.object({ automatic: z.boolean(), guidance: z.string() }),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ ruleId }) => {
      const explained = explainRule(scanner, ruleId);
      if (!explained) {
        const similar = similarRuleIds(scanner, ruleId);
        return toolError(`unknown rule id "${ruleId}"${similar.length ? `; did you mean ${similar.join(', ')}?` : ''}`);
      }
      const text = `${explained.ruleId} (${explained.level}): ${explained.risk} ${explained.fix.guidance}`;
      return { content: [{ type: 'text', text }], structuredContent: { ...explained } };
    },
  );

  server.registerTool(
    'fix_finding',
    {
      title: 'Fix a Moat finding',
      description: 'Applies the rule\'s automatic fix to the finding of `ruleId` on `line` of `code` and returns the fixed code (and the rewritten lines); when the rule has no fix, returns guidance.',
      inputSchema: {
        code: z.string(),
        ruleId: z.string(),
        line: z.number().int().positive().describe('1-based line of the finding'),
        language: z.string().optional(),
        path: z.string().optional(),
      },
      outputSchema: {
        found: z.boolean(),
        message: z.string().optional(),
        finding: findingShape.optional(),
        fix: fixShape.optional(),
        fixedCode: z.string().optional().describe('the whole code with the fix applied (omitted when the code holds a secret)'),
        resolved: z.boolean().optional().describe('the rule no longer reports that line after the fix'),
        guidance: z.string().optional(),
        linesWithRule: z.array(z.number()).optional(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ code, ruleId, line, language, path: file }) => {
      const target = file ?? (language !== undefined ? snippetPathFor(language) : undefined);
      if (target === undefined) return toolError(language !== undefined ? `unknown language "${language}"` : 'give `language` or `path`');
      if (code.length > DEFAULT_MAX_FILE_BYTES) return toolError(`the code is ${code.length} characters; Moat checks up to ${DEFAULT_MAX_FILE_BYTES}`);
      const outcome = await fixFinding(scanner, code, target, ruleId, line);
      if (!outcome.found) {
        const elsewhere = outcome.linesWithRule.length ? ` (it is reported on line ${outcome.linesWithRule.join(', ')})` : '';
        return { content: [{ type: 'text', text: `${outcome.message}${elsewhere}.` }], structuredContent: { ...outcome } };
      }
      const text = outcome.fix
        ? `Fixed ${ruleId} on line ${line}${outcome.resolved ? '' : ' (the rule still reports it after the fix: review it)'}: lines ${outcome.fix.startLine}-${outcome.fix.endLine} become:\n${outcome.fix.replacement}`
        : `${ruleId} has no automatic fix. ${outcome.guidance ?? ''}`;
      return { content: [{ type: 'text', text }], structuredContent: { ...outcome } };
    },
  );

  server.registerTool(
    'move_secret_to_vault',
    {
      title: 'Move a hardcoded secret to HashiCorp Vault',
      description:
        'Moves the hardcoded secret on FILE:LINE to Vault KV v2 (check-and-set, verified by read-back) and only then replaces the literal with the language\'s Vault lookup — as `moat vault move`. If Vault fails the file is unchanged. Needs VAULT_ADDR and VAULT_TOKEN (or VAULT_ROLE_ID + VAULT_SECRET_ID) in the server\'s environment. The secret value is never returned.',
      inputSchema: {
        file: z.string(),
        line: z.number().int().positive(),
        mount: z.string().optional().describe('KV v2 mount (default: secret)'),
        path: z.string().optional().describe('secret path (default: proposed from the file)'),
        key: z.string().optional().describe('key inside the secret (default: proposed from the variable name)'),
      },
      outputSchema: {
        moved: z.boolean(),
        code: z.number().describe('0 moved, 1 Vault failed (file unchanged), 2 nothing to move there'),
        message: z.string(),
        ref: z.object({ mount: z.string(), path: z.string(), key: z.string() }).optional(),
      },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    },
    async ({ file, line, mount, path: secretPath, key }) => {
      const outcome = await moveSecretAtLine({ file: path.resolve(scanner.root, file), line, mount, path: secretPath, key });
      const structured = { moved: outcome.moved === true, code: outcome.code, message: outcome.message, ...(outcome.ref ? { ref: outcome.ref } : {}) };
      return { content: [{ type: 'text', text: outcome.message }], structuredContent: structured, ...(outcome.code === 0 ? {} : { isError: true }) };
    },
  );

  return server;
}

const INSTRUCTIONS =
  'Moat checks code for security problems in generative-AI applications and for hardcoded secrets. Call scan_snippet on code before writing it (or scan_file after), fix every high or critical finding (fix_finding applies the rule\'s fix), and move secrets to Vault with move_secret_to_vault instead of writing them in code.';

function summary(file: string, findings: readonly AgentFinding[]): string {
  if (findings.length === 0) return `No findings in ${file}.`;
  const parts = findings.slice(0, 10).map((f) => `line ${f.line} ${f.ruleId} (${f.level}${f.fix ? ', fix available' : ''})`);
  const more = findings.length > 10 ? `; and ${findings.length - 10} more` : '';
  return `${findings.length} finding${findings.length === 1 ? '' : 's'} in ${file}: ${parts.join('; ')}${more}.`;
}

function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}
