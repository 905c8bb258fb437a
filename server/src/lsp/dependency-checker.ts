/**
 * Vulnerable dependencies in the editor: when an open document is a manifest or lockfile, reads
 * it (lockfiles beside it give exact versions; an open, unsaved sibling wins over the disk), asks
 * the advisory sources the settings choose, and returns findings with the upgrade fix. Services
 * are kept per distinct source configuration, so their caches survive keystrokes. A failing or
 * unusable source is shown once as a warning naming it; the other sources' findings still show.
 */
import path from 'node:path';
import type { Finding, Problem, RuleInfo } from '../engine/finding';
import type { MoatSettings } from '../protocol/settings';
import { AdvisoryServiceSetup, createAdvisoryService } from '../sca/advisory-setup';
import { checkManifests } from '../sca/dependency-check';
import { siblingReader } from '../sca/manifest-scan';
import { isManifestFile } from '../sca/manifests';
import { bundledAdvisoriesLocation } from '../scan/install-paths';
import { recordAdvisorySourceError } from '../observability/metrics';

export interface DependencyCheck {
  readonly findings: Finding[];
  readonly problems: Problem[];
}

/** How often the same warning may be shown again. */
const WARNING_REPEAT_MS = 10 * 60_000;

export class DependencyChecker {
  private readonly services = new Map<string, AdvisoryServiceSetup>();
  private readonly infos = new Map<string, RuleInfo>();
  private readonly warned = new Map<string, number>();

  constructor(
    private readonly warn: (message: string) => void,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  static applies(file: string): boolean {
    return isManifestFile(path.basename(file));
  }

  /** What Moat knows about an advisory that produced a finding. */
  info(id: string): RuleInfo | undefined {
    return this.infos.get(id);
  }

  async check(file: string, text: string, settings: MoatSettings, openText: (file: string) => string | undefined, signal?: AbortSignal): Promise<DependencyCheck> {
    const fromDisk = siblingReader(file);
    const readSibling = (name: string) => openText(path.resolve(path.dirname(file), name)) ?? fromDisk(name);
    const { service, notes } = this.serviceFor(settings);
    const result = await checkManifests([{ file, text, readSibling }], service, signal);
    for (const info of result.infos) this.infos.set(info.id, info);
    for (const message of [...notes, ...result.warnings]) this.warnOnce(message);
    for (const source of result.failedSources) recordAdvisorySourceError(source);
    const checked = result.files.find((f) => f.file === file);
    return { findings: checked?.findings ?? [], problems: checked?.problems ?? [] };
  }

  private serviceFor(settings: MoatSettings): AdvisoryServiceSetup {
    const token = this.env.SNYK_TOKEN?.trim() || undefined;
    const key = JSON.stringify([settings.advisorySources, settings.offlineAdvisoryDatabase, settings.snykOrg, settings.snykApiUrl, settings.osvApiUrl, settings.advisoryCacheHours, token !== undefined]);
    let setup = this.services.get(key);
    if (!setup) {
      setup = createAdvisoryService({
        sources: settings.advisorySources,
        bundledLocation: bundledAdvisoriesLocation(),
        offlineDatabase: settings.offlineAdvisoryDatabase || undefined,
        snykOrg: settings.snykOrg || undefined,
        snykToken: token,
        snykApiUrl: settings.snykApiUrl,
        osvApiUrl: settings.osvApiUrl,
        cacheHours: settings.advisoryCacheHours,
      });
      this.services.set(key, setup);
    }
    return setup;
  }

  private warnOnce(message: string): void {
    const last = this.warned.get(message);
    if (last !== undefined && Date.now() - last < WARNING_REPEAT_MS) return;
    this.warned.set(message, Date.now());
    this.warn(`Moat dependency check: ${message}`);
  }
}
