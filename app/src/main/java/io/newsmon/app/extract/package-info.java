/**
 * {@code newsmon extract}: the article text of saved web pages written to text files, without Kafka, so the
 * text extraction can be measured on any set of pages. {@link io.newsmon.app.extract.HtmlPages} lists the
 * pages of a folder and the text file each goes to, {@link io.newsmon.app.extract.PageFiles} reads and writes
 * them in folders that may hold hostile files, {@link io.newsmon.app.extract.Refusal} names the rules by which
 * a path is passed over and {@link io.newsmon.app.extract.ByteSize} reads {@code --max-page-size}.
 */
package io.newsmon.app.extract;
