package com.callvault.model.axon;

import org.axonframework.serialization.ContentTypeConverter;
import org.postgresql.util.PGobject;

/**
 * Event payloads and metadata live in JSONB columns; PostgreSQL's JDBC driver hands them back as
 * {@link PGobject}. This lets Axon's serializer read them as the JSON text they are.
 */
class JsonbToStringConverter implements ContentTypeConverter<PGobject, String> {

    @Override
    public Class<PGobject> expectedSourceType() {
        return PGobject.class;
    }

    @Override
    public Class<String> targetType() {
        return String.class;
    }

    @Override
    public String convert(PGobject original) {
        return original.getValue();
    }
}
