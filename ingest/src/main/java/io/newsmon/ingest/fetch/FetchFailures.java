package io.newsmon.ingest.fetch;

import io.newsmon.model.text.Printable;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Turns what went wrong in an exchange into a reason a person can act on, naming the host, and its kind. */
final class FetchFailures {
    private FetchFailures() {
    }

    /** The fetch that began with {@code first} went over its total time while waiting for {@code uri}. */
    static String timedOut(URI uri, URI first, Duration requestTimeout) {
        String since = uri.equals(first) ? "" : ", counted from the request for " + first;
        return hostPort(uri) + " did not send a complete response within " + human(requestTimeout)
                + " (fetch requestTimeout) for " + uri + since;
    }

    /** {@code uri}'s server was silent for {@code readTimeout}, before or after its response headers. */
    static String silent(URI uri, Duration readTimeout, boolean headersReceived) {
        return headersReceived
                ? hostPort(uri) + " sent nothing for " + human(readTimeout) + " in the middle of the body (fetch readTimeout) of " + uri
                : hostPort(uri) + " sent no response within " + human(readTimeout) + " (fetch readTimeout) for " + uri;
    }

    /** A response that is not a success, with what {@code Retry-After} asked for when it did. */
    static String status(URI uri, int status, Duration retryAfter) {
        String wait = retryAfter == null ? "" : " (Retry-After " + human(retryAfter) + ")";
        return "HTTP status " + status + " from " + uri + wait;
    }

    static String describe(URI uri, Throwable error, FetchSettings settings) {
        if (error instanceof BodyTooLargeException) {
            return error.getMessage() + " at " + uri;
        }
        if (error instanceof HttpConnectTimeoutException) {
            return "could not connect to " + hostPort(uri) + " within " + human(settings.connectTimeout()) + " (fetch connectTimeout)";
        }
        if (error instanceof HttpTimeoutException) {
            return timedOut(uri, uri, settings.requestTimeout());
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

    /** The kind of {@code error}, an exchange's failure: the same cases as {@link #describe}, by type. */
    static FailureKind kind(Throwable error) {
        if (error instanceof BodyTooLargeException) {
            return FailureKind.TOO_LARGE;
        }
        if (error instanceof HttpTimeoutException) { // HttpConnectTimeoutException too
            return FailureKind.TIMEOUT;
        }
        if (causedBy(error, UnresolvedAddressException.class)) {
            return FailureKind.DNS;
        }
        if (error instanceof ConnectException) {
            return FailureKind.CONNECT;
        }
        if (error instanceof SSLException) {
            return FailureKind.TLS;
        }
        return FailureKind.OTHER;
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

    /** The deepest message of {@code error}'s causes, escaped: the HTTP client quotes headers it refuses. */
    private static String rootMessage(Throwable error, String fallback) {
        String message = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? fallback : Printable.escape(message);
    }
}
