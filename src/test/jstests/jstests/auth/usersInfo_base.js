// Vendored from mongodb/mongo@67302fce7cf582fac5cb4b301d90e6358b3719b8 jstests/auth/usersInfo_base.js
// (Server Side Public License v1, see src/test/jstests/README.md).
'use strict';

// Test behavior and edge cases in usersInfo
function runTest(conn) {
    let db = conn.getDB("test");
    let emptyDB = conn.getDB("test2");
    let otherDB = conn.getDB("other");

    const userCount = 200;
    for (let i = 0; i < userCount; ++i) {
        assert.commandWorked(db.runCommand({createUser: "user" + i, pwd: "pwd", roles: []}));
    }
    assert.commandWorked(otherDB.runCommand({createUser: "otherUser", pwd: "pwd", roles: []}));

    // Check info for all users on the "test" database.
    const allTestInfo = assert.commandWorked(db.runCommand({usersInfo: 1}));
    assert.eq(userCount, allTestInfo.users.length);

    // Check we can find a particular user on the "test" database.
    assert.eq(1, assert.commandWorked(db.runCommand({usersInfo: "user12"})).users.length);
    assert.eq(1,
              assert.commandWorked(db.runCommand({usersInfo: {user: "user12", db: "test"}}))
                  .users.length);
    assert.eq(0,
              assert.commandWorked(db.runCommand({usersInfo: {user: "user12", db: "test2"}}))
                  .users.length);
    assert.eq(0, assert.commandWorked(emptyDB.runCommand({usersInfo: "user12"})).users.length);

    // No users are found on a database without users.
    assert.eq(0, assert.commandWorked(emptyDB.runCommand({usersInfo: 1})).users.length);

    // Check that we can find records for all users on all databases.
    const allInfo = assert.commandWorked(db.runCommand({usersInfo: {forAllDBs: true}}));
    assert.eq(userCount + 1, allInfo.users.length);
}
