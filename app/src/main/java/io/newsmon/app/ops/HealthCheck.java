package io.newsmon.app.ops;

/** One thing {@code /health} checks: the broker, the database. */
@FunctionalInterface
public interface HealthCheck {
    /** The current state; may block briefly (a check should time out within a few seconds). */
    Health check();

    /**
     * A check's result.
     *
     * @param up     whether the thing works
     * @param detail what was found: the address and what answered, or the error
     */
    record Health(boolean up, String detail) {
        public static Health up(String detail) {
            return new Health(true, detail);
        }

        public static Health down(String detail) {
            return new Health(false, detail);
        }
    }
}
