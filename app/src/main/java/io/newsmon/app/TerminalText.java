package io.newsmon.app;

/**
 * Text from outside (file names, reasons that quote them) made safe to print on a terminal: control
 * characters (C0, DEL, C1), format characters such as bidirectional overrides, and line and paragraph
 * separators are written as Java escapes (<code>&#92;u001b</code> for ESC), so a file name cannot move the cursor,
 * retitle the window, reorder what follows or forge a line of output.
 *
 * <p>Example: a name of {@code red}, ESC, {@code [31m.html} is printed as <code>red&#92;u001b[31m.html</code>.
 */
final class TerminalText {
    private TerminalText() {
    }

    /** {@code text} with every control, format and separator character as <code>&#92;uXXXX</code>. */
    static String escape(String text) {
        if (text.codePoints().noneMatch(TerminalText::unsafe)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (unsafe(c)) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }

    private static boolean unsafe(int c) {
        return Character.isISOControl(c) || switch (Character.getType(c)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }
}
