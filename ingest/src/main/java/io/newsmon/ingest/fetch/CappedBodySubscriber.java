package io.newsmon.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into bytes, cancelling the exchange as soon as it goes over the limit (the
 * JDK's {@code ofByteArray} would read it all first), and reports each chunk received so that a silent
 * server can be told from a slow one. A discarding subscriber reads a body nobody needs (an error page,
 * a redirect) to keep the connection reusable, and simply stops reading past the limit.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private static final byte[] NOTHING = new byte[0];

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final long maxBytes;
    private final boolean keep;
    private final Runnable onChunk;
    private long received;
    private Flow.Subscription subscription;

    private CappedBodySubscriber(long maxBytes, boolean keep, Runnable onChunk) {
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.onChunk = onChunk;
    }

    /** Keeps the body; fails with {@link BodyTooLargeException} over {@code maxBytes}. */
    static CappedBodySubscriber keeping(long maxBytes, Runnable onChunk) {
        return new CappedBodySubscriber(maxBytes, true, onChunk);
    }

    /** Reads and drops the body, up to {@code maxBytes}; its value is always empty. */
    static CappedBodySubscriber discarding(long maxBytes, Runnable onChunk) {
        return new CappedBodySubscriber(maxBytes, false, onChunk);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        onChunk.run();
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
            if (received > maxBytes) {
                subscription.cancel();
                if (keep) {
                    result.completeExceptionally(new BodyTooLargeException("the body", maxBytes));
                } else {
                    result.complete(NOTHING);
                }
                return;
            }
            if (keep) {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                out.writeBytes(bytes);
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(keep ? out.toByteArray() : NOTHING);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
