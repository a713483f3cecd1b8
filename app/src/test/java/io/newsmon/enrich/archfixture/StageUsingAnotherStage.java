package io.newsmon.enrich.archfixture;

import io.newsmon.store.jdbc.JdbcUrls;

/** Breaks a boundary on purpose, for ArchitectureTest: enrich reaching into the store stage. */
public final class StageUsingAnotherStage {
    public Class<?> store() {
        return JdbcUrls.class;
    }
}
