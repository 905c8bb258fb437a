const https = require("https");

// ruleid: js-tls-reject-unauthorized
const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

const req = https.request(
  "https://internal.example.com",
  // ruleid: js-tls-reject-unauthorized
  {
    method: "POST",
    rejectUnauthorized: false,
    timeout: 5000,
  },
  () => {}
);

// ruleid: js-tls-reject-unauthorized
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

// ok: js-tls-reject-unauthorized
const strict = new https.Agent({ keepAlive: true, rejectUnauthorized: true });

// ok: js-tls-reject-unauthorized
const other = { rejectUnauthorizedLogging: false };

// ok: js-tls-reject-unauthorized
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";

module.exports = { agent, req, strict, other };
