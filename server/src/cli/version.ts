/** The product version, injected by the build from package.json (falls back for unbundled tests). */
declare const MOAT_BUILD_VERSION: string | undefined;
export const MOAT_VERSION: string = typeof MOAT_BUILD_VERSION === 'string' ? MOAT_BUILD_VERSION : '0.0.0-dev';
