package io.newsmon.model.archfixture;

import io.newsmon.ingest.Ingester;

/** Breaks a boundary on purpose, for ArchitectureTest: a message type that depends on a stage. */
public final class ModelUsingAStage {
    public Class<?> stage() {
        return Ingester.class;
    }
}
