/** Operating the stages: the {@code /metrics} and {@code /health} endpoints and their checks. */
package io.newsmon.app.ops;
