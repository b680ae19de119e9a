// Vendored from mongodb/mongo@67302fce7cf582fac5cb4b301d90e6358b3719b8 jstests/auth/usersInfo_mongod.js
// (Server Side Public License v1, see src/test/jstests/README.md).
/*
 * Test behavior and edge cases in usersInfo on mongods.
 */

(function() {
'use strict';

load("jstests/auth/usersInfo_base.js");

const m = MongoRunner.runMongod();
runTest(m);
MongoRunner.stopMongod(m);
}());
