// The "Teleport way": what Teleport's database agent does per user, one user at a time: an
// exact-name usersInfo (roles, restrictions) and a $currentOp filtered to that user. Two round
// trips per auto-user after one filtered usersInfo for the names (paged as in list-best.js is not
// needed below 16 MB; at larger sizes the names come in pages of the same kind).
const ext = db.getSiblingDB('$external');
const admin = db.getSiblingDB('admin');
let names = [];
const pending = [''];
while (pending.length) {
  const suffix = pending.pop();
  const filter = { 'customData.teleport-auto-user': true };
  if (suffix) filter.user = { $regex: suffix + '\\z' };
  try {
    names.push(...ext.runCommand({ usersInfo: 1, filter }).users.map(u => u.user));
  } catch (e) {
    if (e.code !== 10334) throw e;
    for (let d = 0; d <= 9; d++) pending.push(String(d) + suffix);
    pending.push('[^0-9]' + suffix);
  }
}
names.sort();
const out = [];
for (const name of names) {
  const u = ext.runCommand({ usersInfo: { user: name, db: '$external' }, showAuthenticationRestrictions: true }).users[0];
  if (!u) continue;
  const ops = admin.aggregate([{ $currentOp: { allUsers: true, idleConnections: true } },
    { $match: { effectiveUsers: { $elemMatch: { user: name, db: '$external' } } } }]).toArray();
  const isLocked = (u.authenticationRestrictions || []).flat().some(r => [].concat(r.clientSource || []).includes('0.0.0.0'));
  out.push({ mongoUser: name, state: ops.length ? 'active' : isLocked ? 'locked' : 'idle', locked: isLocked,
    roles: (u.roles || []).map(r => ({ role: r.role, db: r.db })), connections: ops.length,
    clients: [...new Set(ops.map(o => o.client))], apps: [...new Set(ops.map(o => o.appName).filter(Boolean))] });
}
print(JSON.stringify(out, null, 2));
