package io.newsmon.enrich;

import io.newsmon.enrich.dedup.ContentHash;
import io.newsmon.enrich.dedup.Duplicates;
import io.newsmon.enrich.dedup.Fingerprint;
import io.newsmon.enrich.dedup.Fingerprinter;
import io.newsmon.enrich.extract.TextCensus;
import io.newsmon.enrich.extract.TextExtractor;
import io.newsmon.enrich.metadata.MetadataExtractor;
import io.newsmon.enrich.metadata.PageMetadata;
import io.newsmon.enrich.metadata.TextLanguage;
import io.newsmon.enrich.tag.TopicTagger;
import io.newsmon.model.ArticleId;
import io.newsmon.model.ContentTypes;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.RawPage;
import io.newsmon.model.TopicTag;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The enrich stage as a function: a {@link RawPage} in, an {@link EnrichResult} out. It refuses a page that
 * is not HTML, was fetched with an error status or is not text ({@link TextCensus}: a binary body sent as
 * {@code text/html}), parses the page with the page URL as base, reads its {@link MetadataExtractor
 * metadata} (the feed entry filling the gaps), {@link TextExtractor extracts} the text (the feed entry's
 * summary when the page has none),
 * {@link TextLanguage detects} the language when the page declares none,
 * hashes and {@link Fingerprinter fingerprints} it, tags it with the {@link TopicTagger} over title and
 * text, and asks {@link Duplicates} whether it is new.
 *
 * <p><b>Identity.</b> The article id is the raw page's (ingest's {@link ArticleId} of the normalised
 * feed link), unless the page declares a canonical URL ({@code <link rel=canonical>}, {@code og:url},
 * JSON-LD {@code url}) on the same site (the same registrable domain, so a page cannot claim another
 * site's article) that normalises to another URL: then it is that URL's id, so an AMP or mobile copy
 * and the article itself are one article.
 *
 * <p>Pure apart from the duplicate memory, which only {@link #decide} (and {@link #forget}) touch:
 * {@link #analyse} is thread-safe when the parts are (the bundled ones are).
 *
 * <p>Example: {@code new Enricher(new TextExtractor(), new MetadataExtractor(), tagger, new
 * Duplicates(Duplicates.DEFAULT_WINDOW)).enrich(page)}.
 */
public final class Enricher {
    private final TextExtractor textExtractor;
    private final MetadataExtractor metadataExtractor;
    private final TopicTagger tagger;
    private final Duplicates duplicates;

    public Enricher(TextExtractor textExtractor, MetadataExtractor metadataExtractor, TopicTagger tagger,
                    Duplicates duplicates) {
        this.textExtractor = textExtractor;
        this.metadataExtractor = metadataExtractor;
        this.tagger = tagger;
        this.duplicates = duplicates;
    }

    /** Enriches {@code page}; see {@link EnrichResult} for the outcomes. */
    public EnrichResult enrich(RawPage page) {
        return decide(analyse(page));
    }

    /**
     * The costly part of {@link #enrich}, which touches no state: the page's article and fingerprint, or
     * why it cannot be enriched. A stage runs it within a record's processing budget, on another thread,
     * and passes the result to {@link #decide} on its own; work that was given up and interrupted stops at
     * the next step ({@link CancellationException}).
     */
    public Analysis analyse(RawPage page) {
        String problem = problem(page);
        if (problem != null) {
            return new EnrichResult.Rejected(page.id(), problem);
        }
        return article(page);
    }

    /** Asks the duplicate memory whether the article of {@code analysis} is new, and remembers it if so. */
    public EnrichResult decide(Analysis analysis) {
        return switch (analysis) {
            case EnrichResult.Rejected rejected -> rejected;
            case Analysis.Article built -> {
                EnrichedArticle article = built.article();
                Fingerprint fingerprint = built.fingerprint();
                yield switch (duplicates.check(article.id(), fingerprint, article.fetchedAt())) {
                    case Duplicates.Verdict.New n -> new EnrichResult.Fresh(article, fingerprint);
                    case Duplicates.Verdict.Known k -> new EnrichResult.AlreadySeen(article.id());
                    case Duplicates.Verdict.NearDuplicate near -> new EnrichResult.Duplicate(
                            article.asDuplicateOf(near.originalId(), Math.round(near.similarity() * 1000) / 1000.0));
                };
            }
        };
    }

    /**
     * Forgets that {@code fresh} was seen, because what was produced for it was not delivered and its
     * page will be handed over again.
     */
    public void forget(EnrichResult.Fresh fresh) {
        duplicates.forget(fresh.article().id(), fresh.fingerprint());
    }

    private Analysis.Article article(RawPage page) {
        Document doc = Jsoup.parse(page.html(), page.url());
        stopIfGivenUp();
        PageMetadata metadata = metadataExtractor.extract(doc, page.entry());
        stopIfGivenUp();
        String text = textExtractor.extract(doc);
        stopIfGivenUp();
        if (text.isBlank() && page.entry().summary() != null) {
            text = page.entry().summary().strip();
        }
        List<TopicTag> topics = tagger.tag(metadata.title(), text);
        stopIfGivenUp();
        String language = metadata.language() != null ? metadata.language() : TextLanguage.detect(text);
        String normalised = ContentHash.normalise(text);
        EnrichedArticle article = EnrichedArticle.builder(ArticleIdentity.of(page, metadata.canonicalUrl()), page.url(),
                        page.fetchedAt())
                .canonicalUrl(metadata.canonicalUrl()).source(page.source()).feedUrl(page.feedUrl())
                .title(metadata.title()).author(metadata.author())
                .publishedAt(metadata.publishedAt()).modifiedAt(metadata.modifiedAt())
                .language(language).siteName(metadata.siteName()).text(text)
                .contentHash(ContentHash.ofNormalised(normalised)).topics(topics)
                .discoveredAt(page.discoveredAt())
                .build();
        return new Analysis.Article(article, Fingerprinter.ofNormalised(normalised));
    }

    /** Ends work that its stage gave up (and interrupted) between two steps, instead of finishing it in vain. */
    private static void stopIfGivenUp() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("enrich was given up and interrupted");
        }
    }

    /** Why {@code page} cannot be enriched, or null when it can. */
    private static String problem(RawPage page) {
        if (!ContentTypes.isHtml(page.contentType())) {
            return "page " + page.url() + ": content type \"" + page.contentType() + "\" is not HTML: enrich reads "
                    + String.join(" or ", ContentTypes.HTML.stream().sorted().toList());
        }
        if (page.httpStatus() != 0 && (page.httpStatus() < 200 || page.httpStatus() > 299)) {
            return "page " + page.url() + ": HTTP status " + page.httpStatus() + " is not a success: enrich reads"
                    + " pages fetched with a 2xx status";
        }
        if (!TextCensus.isText(page.html())) {
            TextCensus census = TextCensus.of(page.html());
            return String.format(Locale.ROOT, "page %s: %,d of its %,d characters other than whitespace (%.1f%%) are"
                    + " not text (U+FFFD, control, private-use, unassigned or unpaired surrogate code points), as in a"
                    + " binary body: enrich refuses a page when more than %.0f%% of them are not text", page.url(),
                    census.notText(), census.characters(), 100 * census.notTextShare(), 100 * TextCensus.MAX_NOT_TEXT_SHARE);
        }
        return null;
    }
}
