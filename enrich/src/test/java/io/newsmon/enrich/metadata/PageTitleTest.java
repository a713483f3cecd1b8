package io.newsmon.enrich.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTitleTest {
    private static final String GAZETTE = "https://www.porthavengazette.example/2024/harbour/breakwater";
    private static final String OTHER = "https://news.example/2024/harbour/breakwater";

    /** Columns: the {@code <title>}, the declared site name, the page URL, the first {@code <h1>}, the headline. */
    @ParameterizedTest(name = "{0} ({1}, {2}, h1 {3}) -> {4}")
    @CsvSource(delimiter = ';', nullValues = "null", textBlock = """
            # a site name the page declares, at the end, with each separator
            Breakwater repairs delayed | Porthaven Gazette        ; Porthaven Gazette ; %1$s ; null ; Breakwater repairs delayed
            Breakwater repairs delayed - Porthaven Gazette        ; Porthaven Gazette ; %1$s ; null ; Breakwater repairs delayed
            Breakwater repairs delayed – Porthaven Gazette        ; Porthaven Gazette ; %1$s ; null ; Breakwater repairs delayed
            Breakwater repairs delayed :: Porthaven Gazette       ; Porthaven Gazette ; %1$s ; null ; Breakwater repairs delayed
            Breakwater repairs delayed · Porthaven Gazette        ; Porthaven Gazette ; %1$s ; null ; Breakwater repairs delayed
            Breakwater repairs delayed » Porthaven Gazette        ; Porthaven Gazette ; %1$s ; null ; Breakwater repairs delayed
            Breakwater repairs delayed / Porthaven Gazette        ; Porthaven Gazette ; %1$s ; null ; Breakwater repairs delayed
            Breakwater repairs delayed : Porthaven Gazette        ; Porthaven Gazette ; %1$s ; null ; Breakwater repairs delayed
            Breakwater repairs delayed|Porthaven Gazette          ; Porthaven Gazette ; %1$s ; null ; Breakwater repairs delayed
            # the site name loosely: case, spaces, The, News, .com
            Breakwater repairs delayed | THE PORTHAVEN GAZETTE    ; Porthaven Gazette ; %1$s ; null ; Breakwater repairs delayed
            Breakwater repairs delayed | PorthavenGazette News    ; Porthaven Gazette ; %1$s ; null ; Breakwater repairs delayed
            Breakwater repairs delayed | Porthaven Gazette        ; The Porthaven Gazette ; %1$s ; null ; Breakwater repairs delayed
            # no declared site name: the host names the site
            Breakwater repairs delayed | Porthaven Gazette        ; null ; %1$s ; null ; Breakwater repairs delayed
            Breakwater repairs delayed - PorthavenGazette.com     ; null ; %1$s ; null ; Breakwater repairs delayed
            Breakwater repairs delayed | Porthaven Gazette        ; null ; https://porthaven-gazette.co.uk/a ; null ; Breakwater repairs delayed
            # a leading site name
            Porthaven Gazette - Breakwater repairs delayed        ; null ; %1$s ; null ; Breakwater repairs delayed
            The Porthaven Gazette | Breakwater repairs delayed    ; Porthaven Gazette ; %2$s ; null ; Breakwater repairs delayed
            # an acronym of the site name or of the host's words
            Breakwater repairs delayed — PG News                  ; Porthaven Gazette ; %2$s ; null ; Breakwater repairs delayed
            PG - Breakwater repairs delayed                       ; null ; https://porthaven-gazette.example/a ; null ; Breakwater repairs delayed
            Breakwater repairs delayed — pg                       ; Porthaven Gazette ; %2$s ; null ; Breakwater repairs delayed — pg
            # without a site signal every part stays
            Brexit: what happens next                             ; Porthaven Gazette ; %1$s ; null ; Brexit: what happens next
            Brexit : what happens next                            ; null ; %2$s ; null ; Brexit : what happens next
            Storm hits the coast - live updates                   ; Porthaven Gazette ; %1$s ; null ; Storm hits the coast - live updates
            Breakwater repairs delayed | Porthaven Gazette        ; null ; %2$s ; null ; Breakwater repairs delayed | Porthaven Gazette
            # the site name inside the headline, or a separator inside it, stays
            Porthaven Gazette wins press award | Porthaven Gazette ; null ; %1$s ; null ; Porthaven Gazette wins press award
            Tides - and why they matter | Porthaven Gazette       ; null ; %1$s ; null ; Tides - and why they matter
            # a title that is only the site name is no headline
            Porthaven Gazette                                     ; Porthaven Gazette ; %1$s ; null ; null
            Porthaven Gazette |                                   ; null ; %1$s ; null ; null
            '| Porthaven Gazette'                                 ; null ; %1$s ; null ; null
            Porthaven Gazette | Porthaven Gazette                 ; null ; %1$s ; null ; null
            ' - Breakwater repairs delayed - '                    ; null ; %2$s ; null ; Breakwater repairs delayed
            # the part that is the first h1 is the headline
            Breakwater repairs delayed | Harbour | Local          ; null ; %2$s ; breakwater REPAIRS  delayed ; Breakwater repairs delayed
            Local | Breakwater repairs delayed | Harbour          ; null ; %2$s ; Breakwater repairs delayed ; Breakwater repairs delayed
            Harbour - Tides - and why they matter                 ; null ; %2$s ; Tides - and why they matter ; Tides - and why they matter
            # but not an h1 that is the site's logo or a short section name
            Breakwater repairs delayed | Porthaven Gazette        ; null ; %1$s ; Porthaven Gazette ; Breakwater repairs delayed
            Breakwater repairs delayed | Local                    ; null ; %2$s ; Local ; Breakwater repairs delayed | Local
            """)
    void dropsTheSiteNameFromTheTitle(String title, String siteName, String url, String h1, String expected) {
        String pageUrl = url.formatted(GAZETTE, OTHER);

        assertThat(PageTitle.headline(title, siteName, pageUrl, h1)).isEqualTo(expected);
    }

    /** Every part and every run of parts is a candidate for the h1; the search must not be quadratic. */
    @Test
    void aTitleOfManySeparatorsIsReadInLinearTime() {
        String title = "a | ".repeat(50_000) + "b";
        String h1 = "a | ".repeat(25_000) + "c";

        String headline = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> PageTitle.headline(title, null, OTHER, h1));

        assertThat(headline).isEqualTo(title);
    }
}
