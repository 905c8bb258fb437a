interface User {
  name: string;
  isAdmin?: boolean;
}

// ruleid: ts-json-admin-flag
const root: User = JSON.parse('{"name": "svc", "isAdmin": true}');

// ruleid: ts-json-admin-flag
const nested = JSON.parse('{"user": {"name": "ops", "isAdmin": true}}');

// ok: ts-json-admin-flag
const guest: User = JSON.parse('{"name": "guest", "isAdmin": false}');

// the text appears only inside a JSON string value, not as a key
// ok: ts-json-admin-flag
const note = JSON.parse('{"note": "isAdmin: true"}');

// ok: ts-json-admin-flag
const dynamic = JSON.parse(localStorage.getItem("user") ?? "{}");

export { root, nested, guest, note, dynamic };
