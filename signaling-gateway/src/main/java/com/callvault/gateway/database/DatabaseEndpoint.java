package com.callvault.gateway.database;

/**
 * Where the database is, and the embedded server when the app started one (closed with the context).
 */
record DatabaseEndpoint(DatabaseUrl url, EmbeddedDatabase embedded) implements AutoCloseable {

    boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() throws Exception {
        if (embedded != null) {
            embedded.close();
        }
    }
}
