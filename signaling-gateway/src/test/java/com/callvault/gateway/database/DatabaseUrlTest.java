package com.callvault.gateway.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void a_libpq_url_becomes_jdbc_settings_with_the_password_kept_out_of_the_url() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://callvault:s3cr%40t@db.internal:6543/callvault?sslmode=require");

        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("callvault");
        assertThat(url.username()).isEqualTo("callvault");
        assertThat(url.password()).isEqualTo("s3cr@t");
        assertThat(url.sslMode()).isEqualTo("require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/callvault?sslmode=require&stringtype=unspecified");
        assertThat(url.toString()).doesNotContain("s3cr").contains("callvault:****@db.internal");
    }

    @Test
    void the_postgres_scheme_and_a_missing_port_and_credentials_are_accepted() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://localhost/app");

        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
        assertThat(url.sslMode()).isEqualTo("disable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://localhost/app", "postgresql://localhost", "postgresql://localhost/a/b",
        "postgresql:///app", "not a url", "postgresql://localhost/app?sslmode=sometimes"})
    void anything_else_is_refused_with_an_error_naming_database_url(String bad) {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse(bad)).withMessageStartingWith("DATABASE_URL");
    }
}
