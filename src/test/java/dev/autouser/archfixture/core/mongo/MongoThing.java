package dev.autouser.archfixture.core.mongo;

/** Planted: something only MongoDB has. */
public final class MongoThing {
    public static String name() {
        return "mongo";
    }
}
