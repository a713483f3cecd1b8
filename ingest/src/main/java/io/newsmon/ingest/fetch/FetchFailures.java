package io.newsmon.ingest.fetch;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Turns what went wrong in an exchange into a reason a person can act on, naming the host. */
final class FetchFailures {
    private FetchFailures() {
    }

    static String timedOut(URI uri, Duration timeout) {
        return hostPort(uri) + " did not send a complete response within " + human(timeout) + " (fetch requestTimeout) for " + uri;
    }

    static String describe(URI uri, Throwable error, FetchSettings settings) {
        if (error instanceof BodyTooLargeException) {
            return error.getMessage() + " at " + uri;
        }
        if (error instanceof HttpConnectTimeoutException) {
            return "could not connect to " + hostPort(uri) + " within " + human(settings.connectTimeout()) + " (fetch connectTimeout)";
        }
        if (error instanceof HttpTimeoutException) {
            return timedOut(uri, settings.requestTimeout());
        }
        if (causedBy(error, UnresolvedAddressException.class)) {
            return "cannot resolve host " + uri.getHost() + " of " + uri;
        }
        if (error instanceof ConnectException) {
            return "could not connect to " + hostPort(uri) + " (" + rootMessage(error, "connection refused") + ")";
        }
        if (error instanceof SSLException) {
            return "TLS with " + hostPort(uri) + " failed: " + rootMessage(error, error.getClass().getSimpleName());
        }
        return "fetching " + uri + " failed: " + rootMessage(error, error.getClass().getSimpleName());
    }

    static String hostPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error, String fallback) {
        String message = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? fallback : message;
    }
}
