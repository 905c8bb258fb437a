// ruleid: ts-hardcoded-secret
const dbPassword = "hunter2-but-longer";

export const config = {
  // ruleid: ts-hardcoded-secret
  apiKey: 'AKIA1234567890ABCDEF',
  // ruleid: ts-hardcoded-secret
  clientSecret: "s3cr3t-value-123",
  // too short
  // ok: ts-hardcoded-secret
  password: "short",
  // ok: ts-hardcoded-secret
  apiKeyFromEnv: process.env.API_KEY ?? "",
  // ok: ts-hardcoded-secret
  username: "administrator",
  // placeholders are filtered by pattern-not-regex
  // ok: ts-hardcoded-secret
  adminPassword: "CHANGEME-before-deploy",
  // ok: ts-hardcoded-secret
  webhookSecret: "<your-webhook-secret>",
};

// ok: ts-hardcoded-secret
const secretName: string = process.env.SECRET_NAME || "default-secret-name";

export { dbPassword, secretName };
