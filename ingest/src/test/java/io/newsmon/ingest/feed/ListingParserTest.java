package io.newsmon.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.model.FeedEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingParserTest {
    private static final String PAGE = "https://commerce.example.gov/press/";
    private static final String HTML = new String(FeedParserTest.bytes("section-front.html"), StandardCharsets.UTF_8);

    @Test
    void takesTheAnchorsInsideTheSelectedElementsOnceEachWithTheirText() {
        List<FeedEntry> entries = ListingParser.parse(HTML, PAGE, "ul.releases li");

        assertThat(entries).containsExactly(
                new FeedEntry("Department revokes export licences held by Huawei suppliers",
                        "https://commerce.example.gov/press/2024/05/huawei-licences-revoked", null, null, null),
                new FeedEntry("Twelve entities added to the Entity List",
                        "https://commerce.example.gov/press/2024/05/entity-list-additions?utm_source=homepage", null, null, null),
                new FeedEntry("Joint statement on semiconductor supply chains",
                        "https://partner.example.com/joint-statement", null, null, null));
    }

    @Test
    void takesSelectedAnchorsThemselves() {
        assertThat(ListingParser.parse(HTML, PAGE, "ul.releases a")).extracting(FeedEntry::link).containsExactly(
                "https://commerce.example.gov/press/2024/05/huawei-licences-revoked",
                "https://commerce.example.gov/press/2024/05/entity-list-additions?utm_source=homepage",
                "https://partner.example.com/joint-statement");
    }

    @Test
    void leavesOutLinksOutsideTheSelection() {
        assertThat(ListingParser.parse(HTML, PAGE, "main")).extracting(FeedEntry::link)
                .doesNotContain("https://commerce.example.gov/about", "https://commerce.example.gov/privacy");
        assertThat(ListingParser.parse(HTML, PAGE, "table.none a")).isEmpty();
    }
}
