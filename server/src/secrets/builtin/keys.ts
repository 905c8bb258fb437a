/**
 * Built-in detectors (data) for key material (PEM private keys, PuTTY, age, WireGuard), JSON Web
 * Tokens, database and service URLs with passwords, credentials on command lines, and the generic
 * detectors (high-entropy values assigned to secret-like names) that give way to any specific
 * detector reporting the same secret. Samples are templates (sample-tokens.ts).
 */
import type { BuiltinSecretRule, SecretAllowlist } from '../rule-model';
import { assigned, END } from './shapes';

/** A PEM block labelled `label` (also with `\n` escapes, as inside JSON strings); the block is group 1. */
function pem(label: string, bodyStart = ''): string {
  return `(-----BEGIN ${label}-----(?:\\\\[rn]|\\s)+${bodyStart}[A-Za-z0-9+/=\\s\\\\:,.-]{40,}?-----END ${label}-----)`;
}

/** URLs to loopback hosts carry local development credentials. */
const LOOPBACK: SecretAllowlist = {
  description: 'credentials for a service on the local machine',
  regexTarget: 'match',
  regexes: ['@(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\]|host\\.docker\\.internal)(?:[:/?]|$)'],
};

/** `scheme://user:PASSWORD@host`; the password is group 1. */
function urlWithPassword(schemes: string): string {
  return `(?i:\\b(?:${schemes})://)[^:/?#\\s"'@]*:([^@\\s"'/?#]{3,})@[A-Za-z0-9_.\\[\\]:-]{1,}`;
}

/** Identifiers: camelCase / PascalCase words, snake_case words, CONSTANT_CASE (digits allowed after a word). */
const IDENTIFIER_VALUES = [
  '^[A-Za-z][a-z]+[0-9]*(?:[A-Z][a-z]+[0-9]*)+$',
  '^[a-z]+[0-9]*(?:[_-][a-z]+[0-9]*)+$',
  '^[A-Z]+[0-9]*(?:_[A-Z0-9]+)+$',
  // Property paths (self.api_key, process.env.KEY) and URL remainders.
  '^[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+$',
  '^//',
  // Paths whose segments are words (/oauth2/v2.0/token, textDocument/semanticTokens/full).
  '^/?(?:[a-z][a-z0-9]*(?:[A-Z._-]?[a-z0-9]+)*/)+[a-z][a-z0-9]*(?:[A-Z._-]?[a-z0-9]+)*/?$',
];

/** Values that are code, not secrets: identifiers, words without digits, numbers, resource paths. */
const CODE_VALUES: SecretAllowlist = {
  description: 'identifiers and property paths, words without digits, numbers, resource paths',
  regexes: [
    '^[A-Za-z_.-]+$',
    '^[0-9_.=+/-]+$',
    ...IDENTIFIER_VALUES,
    '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/',
  ],
};

/** Password values that name something else: identifiers, paths, and words about passwords (`passwordTooShort`). */
const CODE_REFERENCES: SecretAllowlist = {
  description: 'identifiers, property paths, messages about passwords',
  regexes: [...IDENTIFIER_VALUES, '(?i)pass(?:word|wd)|pwd', '^/(?:Users|home|usr|var|etc|tmp|opt|bin|mnt|srv|root|run|dev|proc)/', '^~/', '^[A-Za-z]:\\\\'],
};

/** Names that look secret but are not (gitleaks' generic allowlist, in short). */
const NOT_SECRET_NAMES: SecretAllowlist = {
  description: 'names that contain a secret-like word but hold no secret',
  regexTarget: 'match',
  regexes: [
    '(?i)(?:public[_.-]?key|publishable|csrf[_.-]?token|xsrf|token[_.-]?(?:url|uri|endpoint|type|name|path|file|length|expir\\w*|count|limit|usage|budget|id)|' +
      'key[_.-]?(?:id|name|path|file|size|length|alias|vault|store|pair|ring|board|code|word)|secret[_.-]?(?:name|id|ref|path|arn|length|version)|' +
      'max[_.-]?tokens?|num[_.-]?tokens|tokens?[_.-]?(?:per|used|limit|count)|tokenizer|access[_.-]?(?:key[_.-]?)?id|keywords?|monkey|turkey|donkey|hockey)',
  ],
};

export const KEY_DETECTORS: readonly BuiltinSecretRule[] = [
  {
    id: 'moat.secrets.private-key-rsa',
    description: 'RSA private key',
    regex: pem('RSA PRIVATE KEY'),
    keywords: ['begin rsa private key'],
    context: 'file',
    entropy: 4,
    severity: 'critical',
    tags: ['key-material', 'private-key'],
    allowlists: [],
    samples: {
      positive: ['{pem:RSA PRIVATE KEY:MIIEpAIBAAKCAQEA}', 'key = "{pemesc:RSA PRIVATE KEY:MIIEpAIBAAKCAQEA}"'],
      negative: ['-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----', '-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA{b64:300}\n-----END RSA PUBLIC KEY-----'],
    },
  },
  {
    id: 'moat.secrets.private-key-ec',
    description: 'EC private key',
    regex: pem('EC PRIVATE KEY'),
    keywords: ['begin ec private key'],
    context: 'file',
    entropy: 4,
    severity: 'critical',
    tags: ['key-material', 'private-key'],
    allowlists: [],
    samples: {
      positive: ['{pem:EC PRIVATE KEY:MHcCAQEEI}'],
      negative: ['-----BEGIN EC PRIVATE KEY-----\n<your EC key>\n-----END EC PRIVATE KEY-----'],
    },
  },
  {
    id: 'moat.secrets.private-key-dsa',
    description: 'DSA private key',
    regex: pem('DSA PRIVATE KEY'),
    keywords: ['begin dsa private key'],
    context: 'file',
    entropy: 4,
    severity: 'critical',
    tags: ['key-material', 'private-key'],
    allowlists: [],
    samples: {
      positive: ['{pem:DSA PRIVATE KEY:MIIBuwIBAAKBgQ}'],
      negative: ['-----BEGIN DSA PRIVATE KEY-----\n-----END DSA PRIVATE KEY-----'],
    },
  },
  {
    id: 'moat.secrets.private-key-openssh',
    description: 'OpenSSH private key',
    regex: pem('OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjE'),
    keywords: ['begin openssh private key'],
    context: 'file',
    entropy: 4,
    severity: 'critical',
    tags: ['key-material', 'private-key', 'ssh'],
    allowlists: [],
    samples: {
      positive: ['{pem:OPENSSH PRIVATE KEY:b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ}'],
      negative: ['-----BEGIN OPENSSH PRIVATE KEY-----\n{b64:200}\n-----END OPENSSH PRIVATE KEY-----'],
    },
  },
  {
    id: 'moat.secrets.private-key-pkcs8',
    description: 'PKCS #8 private key',
    regex: pem('PRIVATE KEY'),
    keywords: ['begin private key'],
    context: 'file',
    entropy: 4,
    severity: 'critical',
    tags: ['key-material', 'private-key'],
    allowlists: [],
    samples: {
      positive: ['{pem:PRIVATE KEY:MIIEvQIBADANBgkqhkiG9w0BAQEFAASC}'],
      negative: ['-----BEGIN PRIVATE KEY-----\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n-----END PRIVATE KEY-----', '-----BEGIN CERTIFICATE-----\nMIID{b64:300}\n-----END CERTIFICATE-----'],
    },
  },
  {
    id: 'moat.secrets.private-key-encrypted',
    description: 'Encrypted PKCS #8 private key (its passphrase may be nearby)',
    regex: pem('ENCRYPTED PRIVATE KEY'),
    keywords: ['begin encrypted private key'],
    context: 'file',
    entropy: 4,
    severity: 'medium',
    tags: ['key-material', 'private-key'],
    allowlists: [],
    samples: {
      positive: ['{pem:ENCRYPTED PRIVATE KEY:MIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQwwDgQI}'],
      negative: ['-----BEGIN ENCRYPTED PRIVATE KEY-----\n********\n-----END ENCRYPTED PRIVATE KEY-----'],
    },
  },
  {
    id: 'moat.secrets.private-key-pgp',
    description: 'PGP private key block',
    regex: '(-----BEGIN PGP PRIVATE KEY BLOCK-----[\\s\\S]{60,}?-----END PGP PRIVATE KEY BLOCK-----)',
    keywords: ['begin pgp private key block'],
    context: 'file',
    entropy: 4,
    severity: 'critical',
    tags: ['key-material', 'private-key', 'pgp'],
    allowlists: [],
    samples: {
      positive: ['{pem:PGP PRIVATE KEY BLOCK:lQdGBF}'],
      negative: ['-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQINBF{b64:300}\n-----END PGP PUBLIC KEY BLOCK-----'],
    },
  },
  {
    id: 'moat.secrets.private-key-ssh2-encrypted',
    description: 'SSH2 (SSH.com) encrypted private key',
    regex: '(---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----[\\s\\S]{60,}?---- END SSH2 ENCRYPTED PRIVATE KEY ----)',
    keywords: ['begin ssh2 encrypted private key'],
    context: 'file',
    entropy: 4,
    severity: 'high',
    tags: ['key-material', 'private-key', 'ssh'],
    allowlists: [],
    samples: {
      positive: ['---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key"\nP2/56wAAA{b64:400}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----'],
      negative: ['---- BEGIN SSH2 PUBLIC KEY ----\nAAAAB3NzaC1yc2E{b64:200}\n---- END SSH2 PUBLIC KEY ----'],
    },
  },
  {
    id: 'moat.secrets.private-key',
    description: 'Private key (PEM block of another kind)',
    regex: '(-----BEGIN[ A-Z0-9_-]*PRIVATE KEY(?: BLOCK)?-----(?:\\\\[rn]|\\s)+[A-Za-z0-9+/=\\s\\\\:,.-]{40,}?-----END[ A-Z0-9_-]*PRIVATE KEY(?: BLOCK)?-----)',
    keywords: ['private key-----'],
    context: 'file',
    entropy: 4,
    severity: 'critical',
    tags: ['key-material', 'private-key'],
    allowlists: [],
    samples: {
      positive: ['{pem:ECDSA PRIVATE KEY}', '{pem:X25519 PRIVATE KEY}'],
      negative: ['-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqh{b64:300}\n-----END PUBLIC KEY-----'],
    },
  },
  {
    id: 'moat.secrets.private-key-putty',
    description: 'PuTTY private key',
    regex: 'PuTTY-User-Key-File-[23]:[\\s\\S]*?Private-Lines:[ \\t]*[0-9]{1,3}\\r?\\n([A-Za-z0-9+/=\\r\\n]{40,})',
    keywords: ['putty-user-key-file-'],
    context: 'file',
    entropy: 4,
    severity: 'critical',
    tags: ['key-material', 'private-key', 'ssh'],
    allowlists: [],
    samples: {
      positive: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAA{b64:40}\n{b64:4}\nPrivate-Lines: 1\nAAAAI{b64:43}\nPrivate-MAC: {hex:64}'],
      negative: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'moat.secrets.age-secret-key',
    description: 'age encryption secret key',
    regex: '\\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})' + END,
    keywords: ['age-secret-key-1'],
    entropy: 3.5,
    severity: 'critical',
    tags: ['key-material', 'age'],
    allowlists: [],
    samples: {
      positive: ['# created: 2024-01-01\nAGE-SECRET-KEY-1{bech32:58}'],
      negative: ['AGE-SECRET-KEY-1{bech32:30}'],
    },
  },
  {
    id: 'moat.secrets.wireguard-private-key',
    description: 'WireGuard private key',
    regex: '(?i:PrivateKey)[ \\t]*=[ \\t]*([A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)',
    keywords: ['privatekey'],
    entropy: 4,
    severity: 'critical',
    tags: ['key-material', 'vpn', 'wireguard'],
    allowlists: [],
    samples: {
      positive: ['[Interface]\nPrivateKey = {b64:42}A=\nAddress = 10.0.0.2/32'],
      negative: ['[Interface]\nPrivateKey = <client private key>'],
    },
  },
  {
    id: 'moat.secrets.openvpn-static-key',
    description: 'OpenVPN static key',
    regex: '(-----BEGIN OpenVPN Static key V1-----[\\s\\S]{200,}?-----END OpenVPN Static key V1-----)',
    keywords: ['begin openvpn static key'],
    context: 'file',
    entropy: 3,
    severity: 'critical',
    tags: ['key-material', 'vpn', 'openvpn'],
    allowlists: [],
    samples: {
      positive: ['<tls-auth>\n-----BEGIN OpenVPN Static key V1-----\n{hex:32}\n{hex:32}\n{hex:32}\n{hex:32}\n{hex:32}\n{hex:32}\n{hex:32}\n{hex:32}\n-----END OpenVPN Static key V1-----\n</tls-auth>'],
      negative: ['-----BEGIN OpenVPN Static key V1-----\n-----END OpenVPN Static key V1-----'],
    },
  },
  {
    id: 'moat.secrets.jwt',
    description: 'JSON Web Token',
    regex: '\\b(eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{16,})' + END,
    keywords: ['eyj'],
    // Tokens can be kilobytes long: the whole text, not a window (the literal prefix keeps it cheap).
    context: 'file',
    validate: 'jwt',
    entropy: 3,
    severity: 'medium',
    tags: ['token', 'jwt'],
    allowlists: [],
    samples: {
      positive: ['Authorization: Bearer {jwt}', 'const token = "{jwt}";'],
      negative: [
        'const token = "eyJ{b64url:20}.eyJ{b64url:30}.{b64url:43}";',
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      ],
    },
  },
  {
    id: 'moat.secrets.postgres-url',
    description: 'PostgreSQL connection URL with a password',
    regex: urlWithPassword('postgres(?:ql)?(?:\\+[a-z0-9]+)?'),
    keywords: ['postgres'],
    severity: 'critical',
    tags: ['database', 'postgres'],
    allowlists: [LOOPBACK],
    samples: {
      positive: ['DATABASE_URL=postgres://app:{alnum:20}@db.internal.example.com:5432/app', 'engine = create_engine("postgresql+psycopg2://etl:{alnum:16}@10.1.2.3/warehouse")'],
      negative: ['DATABASE_URL=postgres://app:{alnum:20}@localhost:5432/app', 'DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app', 'DATABASE_URL=postgres://postgres:postgres@db:5432/app'],
    },
  },
  {
    id: 'moat.secrets.mysql-url',
    description: 'MySQL / MariaDB connection URL with a password',
    regex: urlWithPassword('mysql(?:\\+[a-z0-9]+)?|mariadb'),
    keywords: ['mysql', 'mariadb'],
    severity: 'critical',
    tags: ['database', 'mysql'],
    allowlists: [LOOPBACK],
    samples: {
      positive: ['DATABASE_URL="mysql://app:{alnum:20}@mysql.prod.internal:3306/shop"'],
      negative: ['DATABASE_URL="mysql://root:root@mysql:3306/shop"', 'DATABASE_URL="mysql://app:{alnum:20}@127.0.0.1:3306/shop"'],
    },
  },
  {
    id: 'moat.secrets.mongodb-url',
    description: 'MongoDB connection URL with a password',
    regex: urlWithPassword('mongodb(?:\\+srv)?'),
    keywords: ['mongodb'],
    severity: 'critical',
    tags: ['database', 'mongodb'],
    allowlists: [LOOPBACK],
    samples: {
      positive: ['MONGO_URI=mongodb+srv://svc:{alnum:24}@cluster0.ab1cd.mongodb.net/app?retryWrites=true'],
      negative: ['MONGO_URI=mongodb+srv://svc:<password>@cluster0.ab1cd.mongodb.net/app', 'MONGO_URI=mongodb://localhost:27017/app'],
    },
  },
  {
    id: 'moat.secrets.redis-url',
    description: 'Redis connection URL with a password',
    regex: urlWithPassword('rediss?'),
    keywords: ['redis'],
    severity: 'high',
    tags: ['database', 'redis'],
    allowlists: [LOOPBACK],
    samples: {
      positive: ['REDIS_URL=rediss://default:{alnum:32}@cache.example.upstash.io:6379', 'REDIS_URL=redis://:{alnum:24}@redis.internal:6379/0'],
      negative: ['REDIS_URL=redis://localhost:6379/0', 'REDIS_URL=redis://:{alnum:24}@localhost:6379/0'],
    },
  },
  {
    id: 'moat.secrets.amqp-url',
    description: 'AMQP (RabbitMQ) connection URL with a password',
    regex: urlWithPassword('amqps?'),
    keywords: ['amqp'],
    severity: 'high',
    tags: ['messaging', 'rabbitmq'],
    allowlists: [LOOPBACK],
    samples: {
      positive: ['BROKER_URL=amqps://worker:{alnum:20}@rabbit.internal.example.net:5671/vhost'],
      negative: ['BROKER_URL=amqp://guest:guest@rabbitmq:5672//'],
    },
  },
  {
    id: 'moat.secrets.mssql-url',
    description: 'SQL Server connection URL with a password',
    regex: urlWithPassword('mssql(?:\\+[a-z0-9]+)?|sqlserver'),
    keywords: ['mssql', 'sqlserver'],
    severity: 'critical',
    tags: ['database', 'mssql'],
    allowlists: [LOOPBACK],
    samples: {
      positive: ['engine = create_engine("mssql+pyodbc://report:{alnum:18}@sql01.corp.example.com/sales")'],
      negative: ['engine = create_engine("mssql+pyodbc://report:{alnum:18}@localhost/sales")'],
    },
  },
  {
    id: 'moat.secrets.jdbc-url-password',
    description: 'JDBC URL with a password parameter',
    regex: '(?i:\\bjdbc:[a-z0-9]+:)[^\\s"\'<>]*?[?;&](?i:password|pwd)=([^&;\\s"\'<>]{3,})',
    keywords: ['jdbc:'],
    severity: 'critical',
    tags: ['database', 'jdbc'],
    allowlists: [],
    samples: {
      positive: ['spring.datasource.url=jdbc:sqlserver://sql01:1433;databaseName=sales;user=app;password={alnum:16}'],
      negative: ['spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}'],
    },
  },
  {
    id: 'moat.secrets.connection-string-password',
    description: 'Password in a database connection string',
    regex:
      '(?i:\\b(?:server|data source|host|address|addr|user id|uid)[ \\t]*=[^;\\n]{1,};[^\\n]*?\\b(?:password|pwd)[ \\t]*=[ \\t]*)([^;"\'\\s]{4,})',
    keywords: ['password', 'pwd'],
    entropy: 2.5,
    severity: 'high',
    tags: ['database'],
    allowlists: [],
    samples: {
      positive: ['"ConnectionStrings": { "Main": "Server=sql01.corp;Database=Sales;User Id=app;Password={alnum:16};" }'],
      negative: ['"Main": "Server=sql01.corp;Database=Sales;User Id=app;Password=${DB_PASSWORD};"', '"Main": "Server=(localdb)\\\\mssqllocaldb;Database=Sales;Trusted_Connection=True;"'],
    },
  },
  {
    id: 'moat.secrets.url-basic-auth',
    description: 'Credentials embedded in a URL',
    regex: urlWithPassword('https?|ftps?|sftp|ssh|git|smb|ldaps?|wss?'),
    keywords: ['://'],
    entropy: 2.5,
    severity: 'high',
    tags: ['generic', 'url'],
    allowlists: [LOOPBACK],
    samples: {
      positive: ['PROXY=http://svc-proxy:{alnum:20}@proxy.corp.example.com:3128', 'url = "https://deploy:{alnum:24}@git.example.org/team/repo.git"'],
      negative: ['url = "https://user:password@example.com/"', 'url = "https://{alnum:8}:{alnum:20}@localhost:8080/"', 'see https://docs.example.com/a:b@c'],
    },
  },
  {
    id: 'moat.secrets.curl-basic-auth',
    description: 'Credentials passed to curl with -u / --user',
    regex: '\\bcurl\\b[^\\n]*?[ \\t](?:-u|--user)(?:[ \\t]+|=)["\']?([^\\s"\':]{1,64}:[^\\s"\']{3,})',
    keywords: ['curl'],
    entropy: 2.5,
    severity: 'high',
    tags: ['cli', 'curl'],
    allowlists: [{ regexes: ['^[^:]+:(?:\\$|\\{|<|\\*+$|x+$)', '^[^:]+:(?i:password|passwd|pass|pwd|secret|changeme|token|apikey|api_key|x-oauth-basic)$'] }],
    aliases: ['curl-auth-user'],
    samples: {
      positive: ['curl -u deploy:{alnum:20} https://artifacts.example.com/upload'],
      negative: ['curl -u deploy:$DEPLOY_TOKEN https://artifacts.example.com/upload', 'curl --user admin:password http://localhost:8080/'],
    },
  },
  {
    id: 'moat.secrets.sshpass-password',
    description: 'Password passed to sshpass -p',
    regex: '\\bsshpass[ \\t]+-p[ \\t]*["\']?([^\\s"\']{6,})',
    keywords: ['sshpass'],
    entropy: 2.5,
    severity: 'high',
    tags: ['cli', 'ssh'],
    allowlists: [],
    samples: {
      positive: ['sshpass -p \'{alnum:14}\' ssh deploy@10.0.0.5'],
      negative: ['sshpass -p "$SSH_PASSWORD" ssh deploy@10.0.0.5'],
    },
  },
  {
    id: 'moat.secrets.mysql-cli-password',
    description: 'Password passed to the mysql client with -p',
    regex: '\\bmysql(?:dump|admin)?\\b[^\\n]*?[ \\t]-p([^\\s"\'$-][^\\s"\']{5,})',
    keywords: ['mysql'],
    entropy: 2.5,
    severity: 'high',
    tags: ['cli', 'database', 'mysql'],
    allowlists: [],
    samples: {
      positive: ['mysqldump -h db.internal -u backup -p{alnum:14} shop > shop.sql'],
      negative: ['mysql -h db.internal -u app -p$MYSQL_PASSWORD shop', 'mysql -u root -p shop'],
    },
  },
  {
    id: 'moat.secrets.http-bearer-token',
    description: 'Bearer token in an Authorization header',
    regex: '(?i:authorization)["\']?[ \\t]*[:=,][ \\t]*["\'\\x60]?(?i:bearer)[ \\t]+([A-Za-z0-9_.~+/=-]{20,})',
    keywords: ['bearer'],
    entropy: 3.5,
    severity: 'high',
    tags: ['generic', 'http'],
    allowlists: [CODE_VALUES],
    samples: {
      positive: ['curl -H "Authorization: Bearer {b64url:40}" https://api.example.com/v1/items'],
      negative: ['headers = {"Authorization": f"Bearer {token}"}', 'headers = {"Authorization": "Bearer <token>"}'],
    },
  },
  {
    id: 'moat.secrets.http-basic-auth-header',
    description: 'Basic credentials in an Authorization header',
    regex: '(?i:authorization)["\']?[ \\t]*[:=,][ \\t]*["\'\\x60]?(?i:basic)[ \\t]+([A-Za-z0-9+/]{12,}={0,2})',
    keywords: ['basic'],
    entropy: 3,
    severity: 'high',
    tags: ['generic', 'http'],
    allowlists: [],
    samples: {
      positive: ['Authorization: Basic {b64:40}'],
      negative: ['Authorization: Basic <credentials>', 'Authorization: Basic ${BASIC_AUTH}'],
    },
  },
  {
    id: 'moat.secrets.generic-api-key',
    description: 'High-entropy value assigned to a secret-like name (API key, token, secret)',
    regex: assigned(
      'api[_.-]?key|apikey|access[_.-]?key|secret[_.-]?key|client[_.-]?secret|app[_.-]?secret|auth[_.-]?token|access[_.-]?token|api[_.-]?token|' +
        'bearer[_.-]?token|refresh[_.-]?token|private[_.-]?token|session[_.-]?token|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key|' +
        'webhook[_.-]?secret|credentials?|secret|token',
      '[A-Za-z0-9_.+/~-][A-Za-z0-9_.=+/~-]{15,}',
      { call: false },
    ),
    keywords: ['key', 'secret', 'token', 'credential'],
    validate: 'not-words',
    entropy: 3.5,
    severity: 'medium',
    tags: ['generic'],
    allowlists: [CODE_VALUES, NOT_SECRET_NAMES],
    aliases: ['generic-api-key'],
    samples: {
      positive: ['MY_SERVICE_API_KEY="{alnum:32}"', 'config = { clientSecret: "{b64url:40}" }', 'internal_token: {alnum:28}'],
      negative: [
        'api_key = os.environ["MY_SERVICE_API_KEY"]',
        'token = request.headers.authorization',
        'secret = "your-secret-here"',
        'apiKey: process.env.API_KEY',
        'token = "${TOKEN}"',
        'max_tokens = 4096',
        'const publicKey = "{alnum:32}";',
        'SECRET_KEY_LENGTH = 64',
      ],
    },
  },
  {
    id: 'moat.secrets.generic-password',
    description: 'Password assigned in source or configuration',
    regex:
      '(?i:(?:password|passwd|passphrase|pwd)[\\w.\\-]{0,20}?)["\'\\]]{0,2}(?:[ \\t]*:[ \\t]*[A-Za-z_][\\w.<>|\\[\\]]{0,40}[ \\t]*=|[ \\t]{0,3}(?:=>|:=|=|:))[ \\t]{0,3}(?:"([^"\\s]{8,})"|\'([^\'\\s]{8,})\'|\\x60([^\\x60\\s]{8,})\\x60)' +
      '|(?m:^)[ \\t]*(?:(?:export|ENV|ARG)[ \\t]+)?(?:[A-Z0-9_]*(?:PASSWORD|PASSWD|PWD)[A-Z0-9_]*|[a-z0-9_.-]*(?:password|passwd|pwd)[a-z0-9_.-]*)=([^\\s"\'#()\\[\\]{}<>;,]{8,})[ \\t]*(?m:$)',
    keywords: ['password', 'passwd', 'passphrase', 'pwd'],
    entropy: 3,
    severity: 'medium',
    tags: ['generic'],
    allowlists: [CODE_REFERENCES],
    aliases: ['database-password'],
    samples: {
      positive: ['DB_PASSWORD="{alnum:16}"', 'password: \'{alnum:12}!\'', 'SMTP_PASSWORD={alnum:14}', 'export const password: string = \'{alnum:14}\';', 'ENV SMTP_PASSWORD={alnum:14}'],
      negative: ['password = "changeme"', 'password: "********"', 'DB_PASSWORD=${DB_PASSWORD}', 'password = getpass.getpass()', 'if (password.length < 8) {'],
    },
  },
];
