// The best listing a DBA could write in mongosh: one filtered usersInfo (paged only when a reply
// would pass 16 MB), exact-name usersInfo batches with showAuthenticationRestrictions for lock
// state, one $currentOp for live sessions, joined here. Prints the same JSON as `autouser list --json`.
const ext = db.getSiblingDB('$external');
const TAG = 'teleport-auto-user';

// Pages by the name's trailing characters: '' is every name; a too-large reply splits a page into
// nine by one more character class in front of its suffix pattern.
function classes() {
  const out = [];
  for (let k = 0; k < 8; k++) {
    let members = '';
    for (let c = 0x20; c <= 0x7e; c++) if (c % 8 === k) members += '\\x' + c.toString(16).padStart(2, '0');
    out.push('[' + members + ']');
  }
  out.push('[^\\x20-\\x7e]');
  return out;
}
const CLASSES = classes();
function tagged() {
  const users = [];
  const pending = [''];
  while (pending.length) {
    const suffix = pending.pop();
    const filter = { ['customData.' + TAG]: true };
    if (suffix) filter.user = { $regex: suffix + '\\z' };
    try {
      users.push(...ext.runCommand({ usersInfo: 1, filter, showCustomData: true }).users);
    } catch (e) {
      if (e.code !== 10334) throw e;
      for (const c of CLASSES) pending.push(c + suffix);
    }
  }
  return users;
}

const users = tagged();
const names = users.map(u => u.user).sort();
const detailed = new Map();
let batch = 5000;
for (let i = 0; i < names.length;) {
  const slice = names.slice(i, i + batch);
  try {
    const reply = ext.runCommand({ usersInfo: slice.map(user => ({ user, db: '$external' })),
      showAuthenticationRestrictions: true, showCustomData: false });
    for (const u of reply.users) detailed.set(u.user, u);
    i += slice.length;
  } catch (e) {
    if (e.code !== 10334 || batch === 1) throw e;
    batch = Math.max(1, batch >> 1);
  }
}
const sessions = new Map();
const ops = db.getSiblingDB('admin').aggregate([
  { $currentOp: { allUsers: true, idleConnections: true } },
  { $match: { 'effectiveUsers.db': '$external' } },
  { $project: { connectionId: 1, client: 1, appName: 1, effectiveUsers: 1 } }]).toArray();
for (const op of ops) {
  for (const eu of op.effectiveUsers || []) {
    if (eu.db !== '$external') continue;
    if (!sessions.has(eu.user)) sessions.set(eu.user, new Map());
    sessions.get(eu.user).set(op.connectionId + '/' + op.client, op);
  }
}
function locked(u) {
  return (u.authenticationRestrictions || []).flat().some(r => [].concat(r.clientSource || []).includes('0.0.0.0'));
}
const out = [];
for (const name of names) {
  const u = detailed.get(name);
  if (!u) continue;
  const conns = [...(sessions.get(name) || new Map()).values()];
  const isLocked = locked(u);
  out.push({ mongoUser: name, teleportName: name.replace(/^CN=/, ''), state: conns.length ? 'active' : isLocked ? 'locked' : 'idle',
    locked: isLocked, roles: (u.roles || []).map(r => ({ role: r.role, db: r.db })), connections: conns.length,
    clients: [...new Set(conns.map(o => o.client))], apps: [...new Set(conns.map(o => o.appName).filter(Boolean))] });
}
print(JSON.stringify(out, null, 2));
