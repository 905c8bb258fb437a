/**
 * `moat advisories import PATH`: loads a full OSV export (a zip such as PyPI/all.zip from the OSV
 * bucket, or a folder of OSV JSON records) into the offline database that the `osv-offline`
 * source reads, in osv-scanner's layout (`<cache>/<Ecosystem>/all.zip`). `moat advisories path`
 * prints where that database lives.
 */
import { defaultAdvisoryCacheDir, importAdvisories } from '../sca/sources/advisory-import';

const HELP = `Usage:
  moat advisories import PATH [--to DIR]   load an OSV export (zip or folder of OSV JSON records)
                                           into the offline database (default: ${defaultAdvisoryCacheDir()})
  moat advisories path                     print the offline database folder

Then scan with \`moat scan --advisories bundled,osv-offline\` (or moat.advisorySources in VS Code).
`;

export async function runAdvisoriesCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    process.stdout.write(HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'path') {
    process.stdout.write(defaultAdvisoryCacheDir() + '\n');
    return 0;
  }
  if (sub !== 'import') {
    process.stderr.write(`moat advisories: unknown command "${sub}"\n\n${HELP}`);
    return 2;
  }
  const toIndex = rest.indexOf('--to');
  const to = toIndex >= 0 ? rest[toIndex + 1] : undefined;
  const sources = rest.filter((_, i) => i !== toIndex && i !== toIndex + 1);
  if (sources.length !== 1 || (toIndex >= 0 && !to)) {
    process.stderr.write(`moat advisories import: give one zip or folder of OSV records\n\n${HELP}`);
    return 2;
  }
  const target = to ?? defaultAdvisoryCacheDir();
  try {
    const report = await importAdvisories(sources[0], target);
    const counts = Object.entries(report.counts).map(([eco, n]) => `${eco} ${n}`);
    process.stdout.write(`imported ${counts.length ? counts.join(', ') : 'no records'} into ${target}\n`);
    for (const [eco, n] of Object.entries(report.ignored)) process.stdout.write(`left out ${n} ${eco} record(s): Moat does not check that ecosystem\n`);
    for (const p of report.problems.slice(0, 20)) process.stderr.write(`skipped ${p}\n`);
    if (report.problems.length > 20) process.stderr.write(`… and ${report.problems.length - 20} more unreadable record(s)\n`);
    return counts.length ? 0 : 1;
  } catch (e) {
    process.stderr.write(`moat advisories import: ${(e as Error).message}\n`);
    return 2;
  }
}
