package io.newsmon.model.files;

import java.nio.file.Path;

/**
 * A file refused before it is parsed: not a regular file, too large or with too long a line. The message
 * names the file, the line where there is one, the value and the rule, for example {@code topics.yml: line 1
 * is 8,388,608 bytes long, more than the 32,768 a line of a topics file may have: break it into shorter
 * lines}. Readers turn it into their own error; {@link #rule()}, {@link #size()} and {@link #limit()} let a
 * reader word the message its own way.
 */
public final class FileLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What the file breaks. */
    public enum Rule {
        /** It is a directory, not a regular file. */
        DIRECTORY,
        /** It is a named pipe, a device or a socket, not a regular file. */
        NOT_REGULAR_FILE,
        /** It has more bytes than {@link #limit()}. */
        TOO_LARGE,
        /** Its {@link #line()} has more bytes than {@link #limit()}. */
        LINE_TOO_LONG
    }

    private final transient Path path;
    private final Rule rule;
    private final int line;
    private final long size;
    private final long limit;
    private final String reason;

    FileLimitException(Path path, Rule rule, int line, long size, long limit, String reason) {
        super(path + ": " + (line > 0 ? "line " + line + " " : "") + reason);
        this.path = path;
        this.rule = rule;
        this.line = line;
        this.size = size;
        this.limit = limit;
        this.reason = reason;
    }

    /** The file refused. */
    public Path path() {
        return path;
    }

    /** What it breaks. */
    public Rule rule() {
        return rule;
    }

    /** The line that is too long, counted from 1; 0 for the other rules. */
    public int line() {
        return line;
    }

    /** The bytes of the file or, for {@link Rule#LINE_TOO_LONG}, of the line; 0 when it is not a regular file. */
    public long size() {
        return size;
    }

    /** The most bytes the file or line may have; 0 when it is not a regular file. */
    public long limit() {
        return limit;
    }

    /** The message without the file and line: {@code is a directory: give the path of a topics file}. */
    public String reason() {
        return reason;
    }
}
