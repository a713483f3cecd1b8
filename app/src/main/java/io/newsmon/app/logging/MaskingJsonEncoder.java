package io.newsmon.app.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.newsmon.model.text.Printable;
import java.nio.charset.StandardCharsets;

/**
 * The JSON format: logback's {@link JsonEncoder} writing each event as {@link MaskedEvent#json} shows it,
 * secrets masked, with the control characters that JSON allows raw in strings (DEL, C1, bidirectional
 * overrides) written as JSON escapes too ({@link Printable#escapeInJson}); the JSON encoder escapes the
 * others. Each line stays one valid JSON object.
 */
public class MaskingJsonEncoder extends JsonEncoder {
    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] json = super.encode(MaskedEvent.json(event));
        return mayHoldWideControls(json)
                ? Printable.escapeInJson(new String(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
                : json;
    }

    /** Whether UTF-8 {@code json} may hold DEL (7F), a C1 control (C2 80..9F) or U+061C, U+200E.. (D8, E2 lead bytes). */
    private static boolean mayHoldWideControls(byte[] json) {
        for (byte b : json) {
            if (b == 0x7f || b == (byte) 0xc2 || b == (byte) 0xd8 || b == (byte) 0xe2) {
                return true;
            }
        }
        return false;
    }
}
