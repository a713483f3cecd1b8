/**
 * Text for display: {@link io.newsmon.model.text.Printable} escapes the control characters of text that
 * came from outside (feeds, pages, headers, URLs) so that it cannot drive the terminal that shows it, and
 * {@link io.newsmon.model.text.Secrets} masks passwords, tokens and keys in URLs and messages. Every
 * stage uses them wherever it logs, prints or tags a meter with such text.
 */
package io.newsmon.model.text;
