// Our own shim (not MongoDB's code): the parts of the legacy `mongo` shell's test API that
// MongoDB's jstests use and mongosh 2.x does not have. Loaded before every vendored test by
// MongoJstestsTest; the sandbox it talks to is started fresh for each test file by that test.
// Environment: JSTEST_PORT (the sandbox's port).
'use strict';

const kPort = Number(process.env.JSTEST_PORT);

function shimFormat(msg) {
    return typeof msg === 'function' ? msg() : (msg === undefined ? '' : String(msg));
}

function fail(message, extra) {
    const error = new Error('assert failed' + (message ? ' : ' + message : '') + (extra ? ' : ' + extra : ''));
    error.name = 'JSTestAssertionError';
    throw error;
}

// ---- tojson / printjson / bsonWoCompare -----------------------------------------------------
function tojson(value, indent, nolint) {
    if (value === undefined) return 'undefined';
    if (value === null) return 'null';
    if (typeof value === 'string') return JSON.stringify(value);
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
    if (typeof value === 'function') return value.toString();
    if (value instanceof Date) return 'ISODate("' + value.toISOString() + '")';
    if (value instanceof RegExp) return value.toString();
    const type = value._bsontype;
    if (type === 'Binary' && value.sub_type === 4) return 'UUID("' + value.toUUID().toHexString() + '")';
    if (type === 'UUID') return 'UUID("' + value.toHexString() + '")';
    if (type === 'Binary') return 'BinData(' + value.sub_type + ',"' + value.toString('base64') + '")';
    if (type === 'ObjectId' || type === 'ObjectID') return 'ObjectId("' + value.toHexString() + '")';
    if (type === 'Timestamp') return 'Timestamp(' + value.high + ', ' + value.low + ')';
    if (type === 'Long' || type === 'Int32' || type === 'Double' || type === 'Decimal128') {
        return type === 'Long' ? 'NumberLong(' + value.toString() + ')' : value.toString();
    }
    if (Array.isArray(value)) return '[ ' + value.map((v) => tojson(v)).join(', ') + ' ]';
    const keys = Object.keys(value);
    return '{ ' + keys.map((k) => JSON.stringify(k) + ': ' + tojson(value[k])).join(', ') + ' }';
}
globalThis.tojson = tojson;
globalThis.tojsononeline = tojson;
globalThis.printjson = (value) => print(tojson(value));
globalThis.printjsononeline = globalThis.printjson;

// The legacy shell compares BSON canonically; field order matters, as in bsonWoCompare.
function canonical(value) {
    return tojson(value);
}
globalThis.bsonWoCompare = (a, b) => {
    const left = canonical(a);
    const right = canonical(b);
    return left === right ? 0 : (left < right ? -1 : 1);
};
globalThis.friendlyEqual = (a, b) => a == b || bsonWoCompare({x: a}, {x: b}) === 0;

// ---- assert --------------------------------------------------------------------------------
function assert(condition, message) {
    if (!condition) {
        fail(shimFormat(message));
    }
}
assert.eq = (a, b, message) => {
    if (!(a == b || bsonWoCompare({x: a}, {x: b}) === 0)) {
        fail('[' + tojson(a) + '] != [' + tojson(b) + '] are not equal', shimFormat(message));
    }
};
assert.neq = (a, b, message) => {
    if (a == b || bsonWoCompare({x: a}, {x: b}) === 0) {
        fail('[' + tojson(a) + '] == [' + tojson(b) + '] are equal', shimFormat(message));
    }
};
assert.docEq = (expected, actual, message) => {
    if (bsonWoCompare(expected, actual) !== 0) {
        fail('expected document ' + tojson(expected) + ' and actual document ' + tojson(actual)
             + ' are not equal', shimFormat(message));
    }
};
assert.gt = (a, b, message) => assert(a > b, () => tojson(a) + ' is not greater than ' + tojson(b) + ' : ' + shimFormat(message));
assert.gte = (a, b, message) => assert(a >= b, () => tojson(a) + ' is not >= ' + tojson(b) + ' : ' + shimFormat(message));
assert.lt = (a, b, message) => assert(a < b, () => tojson(a) + ' is not less than ' + tojson(b) + ' : ' + shimFormat(message));
assert.lte = (a, b, message) => assert(a <= b, () => tojson(a) + ' is not <= ' + tojson(b) + ' : ' + shimFormat(message));
assert.isnull = (value, message) => assert(value === null || value === undefined, () => tojson(value) + ' is not null : ' + shimFormat(message));
assert.contains = (item, array, message) => assert(Array.isArray(array) && array.some((x) => friendlyEqual(x, item)),
    () => tojson(item) + ' was not in ' + tojson(array) + ' : ' + shimFormat(message));
assert.sameMembers = (a, b, message) => {
    assert(a.length === b.length && a.every((x) => b.some((y) => friendlyEqual(x, y))),
           () => tojson(a) + ' != ' + tojson(b) + ' : ' + shimFormat(message));
};
assert.throws = (func, params, message) => {
    try {
        func.apply(null, params || []);
    } catch (e) {
        return e;
    }
    fail('did not throw exception', shimFormat(message));
};
assert.throwsWithCode = (func, codes, params, message) => {
    const e = assert.throws(func, params, message);
    const expected = Array.isArray(codes) ? codes : [codes];
    assert(expected.includes(e.code), () => 'expected code ' + tojson(codes) + ', got ' + e.code + ': ' + e.message);
    return e;
};
assert.doesNotThrow = (func, params, message) => {
    try {
        return func.apply(null, params || []);
    } catch (e) {
        fail('threw unexpected exception: ' + e + ' : ' + shimFormat(message));
    }
};
assert.soon = (func, message, timeoutMs = 90 * 1000, intervalMs = 200) => {
    const start = Date.now();
    while (!func()) {
        if (Date.now() - start > timeoutMs) {
            fail('assert.soon failed: ' + func, shimFormat(message));
        }
        sleep(intervalMs);
    }
};
assert.retry = (func, message, attempts, intervalMs = 200) => {
    for (let i = 0; i < attempts; i++) {
        if (func()) return;
        sleep(intervalMs);
    }
    fail('assert.retry failed: ' + func, shimFormat(message));
};

// A command reply (ok field), a write result (acknowledged) or an error mongosh threw.
function replyFailed(result) {
    if (result instanceof Error) return true;
    if (result && typeof result.ok !== 'undefined') return !result.ok;
    if (result && result.writeErrors && result.writeErrors.length) return true;
    if (result && result.writeConcernError) return true;
    return false;
}
function replyCode(result) {
    if (result && typeof result.code === 'number') return result.code;
    if (result && result.writeErrors && result.writeErrors.length) return result.writeErrors[0].code;
    return undefined;
}
assert.commandWorked = (result, message) => {
    if (replyFailed(result)) {
        fail('command failed: ' + tojson(result instanceof Error ? {message: result.message, code: result.code} : result),
             shimFormat(message));
    }
    return result;
};
assert.commandWorkedIgnoringWriteErrors = assert.commandWorked;
assert.writeOK = assert.commandWorked;
assert.commandFailed = (result, message) => {
    if (!replyFailed(result)) {
        fail('command worked when it should have failed: ' + tojson(result), shimFormat(message));
    }
    return result;
};
assert.commandFailedWithCode = (result, codes, message) => {
    assert.commandFailed(result, message);
    const expected = Array.isArray(codes) ? codes : [codes];
    const code = replyCode(result);
    if (!expected.includes(code)) {
        fail('command did not fail with any of ' + tojson(expected) + ': ' + tojson(result instanceof Error
            ? {message: result.message, code: result.code} : result), shimFormat(message));
    }
    return result;
};
assert.writeError = assert.commandFailed;
assert.writeErrorWithCode = assert.commandFailedWithCode;
globalThis.assert = assert;
globalThis.doassert = (message) => fail(shimFormat(message));

// ---- ErrorCodes: MongoDB's names for the codes the vendored tests name ------------------------
const kErrorCodes = {
    OK: 0, InternalError: 1, BadValue: 2, NoSuchKey: 4, FailedToParse: 9, UserNotFound: 11,
    Unauthorized: 13, TypeMismatch: 14, AuthenticationFailed: 18, IllegalOperation: 20,
    NamespaceNotFound: 26, RoleNotFound: 31, RoleDataInconsistent: 32, InvalidRoleModification: 49,
    CommandNotFound: 59, InvalidNamespace: 73, InvalidOptions: 72, OperationFailed: 96,
    DuplicateKey: 11000, Location51002: 51002, Location51003: 51003, IDLFailedToParse: 40414,
    IDLUnknownField: 40415, MechanismUnavailable: 334, ProtocolError: 17, NotWritablePrimary: 10107,
    CursorNotFound: 43, InvalidLength: 8, NoSuchSession: 206,
};
globalThis.ErrorCodes = new Proxy(kErrorCodes, {
    get(target, name) {
        if (typeof name === 'symbol' || name in target) return target[name];
        throw new Error('shim: ErrorCodes.' + String(name) + ' is not defined in legacy_shell.js');
    },
});

// ---- jsTest / jsTestLog ---------------------------------------------------------------------
globalThis.jsTestLog = (msg) => print('----\n' + shimFormat(msg) + '\n----');
globalThis.jsTest = {
    log: globalThis.jsTestLog,
    name: () => process.env.JSTEST_NAME || 'jstest',
    adminUserRoles: ['root'],
    basicUserRoles: ['dbOwner'],
    options: () => ({}),
};
globalThis.isMongos = () => false;

// ---- Legacy DB helpers with another shape in mongosh -----------------------------------------
// mongosh hides its classes' prototypes until a database object exists, so the patch is applied
// to the first one seen: `db` when the file was given a connection, else MongoRunner's.
let databasePatched = false;
function patchDatabase(database) {
    if (databasePatched) return;
    databasePatched = true;
    const proto = Object.getPrototypeOf(database);
    // mongosh awaits its own API calls implicitly only in plain calls assigned to a variable
    // (not through apply/spread), hence the fixed argument lists below.
    const mongoshAuth = proto.auth;
    // Legacy db.auth returns 1/0; mongosh throws on a failed login.
    proto.auth = function(a, b) {
        try {
            const result = b === undefined ? mongoshAuth.call(this, a) : mongoshAuth.call(this, a, b);
            return result && result.ok ? 1 : 0;
        } catch (e) {
            if (e.code === 18 || /Authentication failed/i.test(String(e.message))) {
                return 0;
            }
            throw e;
        }
    };
    proto._authOrThrow = function(a, b) {
        const result = b === undefined ? mongoshAuth.call(this, a) : mongoshAuth.call(this, a, b);
        return result;
    };
    // Legacy db.runCommand/adminCommand return the server's error reply; mongosh throws it.
    const legacyReply = (e) => {
        if (e && e.errorResponse && typeof e.errorResponse.ok !== 'undefined') {
            return e.errorResponse;
        }
        throw e;
    };
    const mongoshRunCommand = proto.runCommand;
    proto.runCommand = function(a, b) {
        try {
            const reply = b === undefined ? mongoshRunCommand.call(this, a) : mongoshRunCommand.call(this, a, b);
            return reply;
        } catch (e) {
            return legacyReply(e);
        }
    };
    // Legacy db.getUsers()/getRoles() return the array; mongosh returns the whole reply.
    const mongoshGetUsers = proto.getUsers;
    proto.getUsers = function(a) {
        const reply = a === undefined ? mongoshGetUsers.call(this) : mongoshGetUsers.call(this, a);
        return reply.users;
    };
    const mongoshGetRoles = proto.getRoles;
    proto.getRoles = function(a) {
        const reply = a === undefined ? mongoshGetRoles.call(this) : mongoshGetRoles.call(this, a);
        return reply.roles;
    };
    // Legacy db.dropUser returns false for a user that does not exist; mongosh throws 11.
    const mongoshDropUser = proto.dropUser;
    proto.dropUser = function(a, b) {
        try {
            const reply = b === undefined ? mongoshDropUser.call(this, a) : mongoshDropUser.call(this, a, b);
            return reply && reply.ok ? true : false;
        } catch (e) {
            if (e.code === 11) {
                return false;
            }
            throw e;
        }
    };
    // Legacy db.dropRole returns false for a role that does not exist; mongosh throws 31.
    const mongoshDropRole = proto.dropRole;
    proto.dropRole = function(a, b) {
        try {
            const reply = b === undefined ? mongoshDropRole.call(this, a) : mongoshDropRole.call(this, a, b);
            return reply && reply.ok ? true : false;
        } catch (e) {
            if (e.code === 31) {
                return false;
            }
            throw e;
        }
    };
    const mongoshAdminCommand = proto.adminCommand;
    proto.adminCommand = function(a, b) {
        try {
            const reply = b === undefined ? mongoshAdminCommand.call(this, a)
                                          : mongoshAdminCommand.call(this, a, b);
            return reply;
        } catch (e) {
            return legacyReply(e);
        }
    };
}
try {
    patchDatabase(db);
} catch (e) {
    // --nodb: no database yet.
}

// ---- MongoRunner: the sandbox this process was given stands in for a mongod ------------------
globalThis.MongoRunner = {
    runMongod(options) {
        // Only the node this process was given, also when it is a replica-set member (no discovery).
        const conn = new Mongo('mongodb://localhost:' + kPort + '/?directConnection=true');
        conn.port = kPort;
        conn.host = 'localhost:' + kPort;
        conn.fullOptions = options || {};
        patchDatabase(conn.getDB('test'));
        return conn;
    },
    stopMongod() {
        return 0;
    },
};

// ---- Globals the legacy shell's test framework defines ---------------------------------------
globalThis.TestData = globalThis.TestData || {};
// Object.merge from the legacy shell's utils.js: a shallow copy of a with b's fields on top.
Object.merge = Object.merge || ((a, b) => Object.assign({}, a, b));
