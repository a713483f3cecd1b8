package io.newsmon.app.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/** A throwable of a {@link MaskedEvent}: its message, and those of its causes and suppressed, as shown. */
record MaskedThrowable(IThrowableProxy throwable, UnaryOperator<String> shown) implements IThrowableProxy {
    /** {@code throwable} with its messages passed through {@code shown}; null for null. */
    static IThrowableProxy of(IThrowableProxy throwable, UnaryOperator<String> shown) {
        return throwable == null ? null : new MaskedThrowable(throwable, shown);
    }

    @Override
    public String getMessage() {
        return shown.apply(throwable.getMessage());
    }

    @Override
    public String getClassName() {
        return throwable.getClassName();
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
        return throwable.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
        return throwable.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
        return of(throwable.getCause(), shown);
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
        IThrowableProxy[] suppressed = throwable.getSuppressed();
        return suppressed == null ? null
                : Arrays.stream(suppressed).map(each -> of(each, shown)).toArray(IThrowableProxy[]::new);
    }

    @Override
    public boolean isCyclic() {
        return throwable.isCyclic();
    }
}
