package io.newsmon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void takesTheCharsetOfTheContentTypeHeaderFirst() {
        byte[] body = bytes("<meta charset=\"windows-1252\"><p>x</p>");

        assertThat(CharsetDetector.detect("text/html; charset=\"ISO-8859-1\"", body)).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void thenAByteOrderMark() {
        byte[] utf16 = {(byte) 0xFE, (byte) 0xFF, 0, '<'};
        byte[] utf8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<'};

        assertThat(CharsetDetector.detect("text/html", utf16)).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(CharsetDetector.detect(null, utf8)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.decode(utf8, StandardCharsets.UTF_8)).isEqualTo("<");
    }

    @Test
    void thenAnXmlDeclaration() {
        byte[] body = bytes("<?xml version=\"1.0\" encoding='windows-1252'?>\n<rss version=\"2.0\"/>");

        assertThat(CharsetDetector.detect("application/rss+xml", body)).isEqualTo(WINDOWS_1252);
    }

    @Test
    void thenAMetaCharsetOrHttpEquivInTheFirstTwoKilobytes() {
        byte[] meta = bytes("<!DOCTYPE html><html><head><meta charset=windows-1252><title>t</title>");
        byte[] httpEquiv = bytes("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">");
        byte[] late = bytes(" ".repeat(3000) + "<meta charset=\"windows-1252\">");

        assertThat(CharsetDetector.detect("text/html", meta)).isEqualTo(WINDOWS_1252);
        assertThat(CharsetDetector.detect("text/html", httpEquiv)).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(CharsetDetector.detect("text/html", late)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void prefersTheHeaderToAByteOrderMark() {
        byte[] utf8WithBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'p', '>'};

        assertThat(CharsetDetector.detect("text/html; charset=windows-1252", utf8WithBom)).isEqualTo(WINDOWS_1252);
    }

    @Test
    void prefersAnXmlDeclarationToAMetaCharset() {
        byte[] body = bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><head><meta charset=\"windows-1252\">");

        assertThat(CharsetDetector.detect("application/xhtml+xml", body)).isEqualTo(StandardCharsets.ISO_8859_1);
    }

    @Test
    void fallsBackToUtf8AndPassesOverUnknownNames() {
        assertThat(CharsetDetector.detect(null, bytes("<p>plain</p>"))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.detect("text/html; charset=klingon", bytes("<meta charset=\"ISO-8859-1\">")))
                .isEqualTo(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
