// Vendored from mongodb/mongo@67302fce7cf582fac5cb4b301d90e6358b3719b8 jstests/auth/deleted_recreated_user_mongod.js
// (Server Side Public License v1, see src/test/jstests/README.md).
/*
 * Test that sessions on mongods cannot be resumed by deleted and recreated user.
 */
(function() {
'use strict';

load("jstests/auth/deleted_recreated_user_base.js");

const mongod = MongoRunner.runMongod({auth: ''});
runTest(mongod, mongod);
MongoRunner.stopMongod(mongod);
})();
