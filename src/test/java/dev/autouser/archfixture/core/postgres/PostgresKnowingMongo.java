package dev.autouser.archfixture.core.postgres;

import dev.autouser.archfixture.core.mongo.MongoThing;

/** Planted: the PostgreSQL engine reaching into the MongoDB engine, which the engine rule forbids. */
public final class PostgresKnowingMongo {
    public static String leak() {
        return MongoThing.name();
    }
}
