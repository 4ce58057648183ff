/**
 * The article parser: one uploaded file in, one {@link dev.finnews.article.Article} out. The only public
 * types are {@link dev.finnews.parser.ArticleParser}, {@link dev.finnews.parser.ParseException} and
 * {@link dev.finnews.parser.ErrorCode}; every step is a package-private class named for its job:
 * <ol>
 *   <li>{@code TextDecoder}: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK detected from the bytes;
 *       binary, empty and undecodable files fail here.</li>
 *   <li>{@code FileLayout}: front matter between {@code ---} lines (blank lines before it allowed), body after.</li>
 *   <li>{@code FrontMatter}: the generator's simple lines via {@code SimpleFrontMatter} (same answer as YAML,
 *       much faster), anything else via snakeyaml-engine with alias, size and schema limits, and
 *       {@code LenientFrontMatter} when the block is not YAML at all (a title holding both quote kinds).</li>
 *   <li>{@code PublishTime}: RFC-1123 and ISO instants; zone-less dates are Beijing time.</li>
 *   <li>{@code BodyReader}: one jsoup parse and one filtered pass over the tree collecting paragraphs,
 *       images, stock references and keywords while skipping boilerplate subtrees whole.</li>
 *   <li>{@code ArticleText} and {@code CreditLines}: paragraphs cleaned, credit and promo lines removed.</li>
 *   <li>{@code StockReferences}/{@code StockCollector}, {@code TitleRestorer}, {@code Summary}.</li>
 * </ol>
 * Decisions worth knowing:
 * <ul>
 *   <li>{@code picsum.photos} images are the generator's placeholders, never article images; nor are
 *       data URIs, relative URLs, the Sina QR code, or images inside promo blocks and ad-list comments.</li>
 *   <li>Bare six-digit codes in text ({@code 紫金矿业（601899）}) are not stocks: without an exchange they
 *       are ambiguous, and NEEQ codes ({@code 834277}) would be misread as Beijing. Only suffixed codes count.</li>
 *   <li>Credit lines left out of the text: {@code 原标题：}, {@code 来源：} (kept as {@code origin}),
 *       {@code 责任编辑：} (kept as {@code editor}), short reporter/editor/chart bylines, and the feed's
 *       promo lines. When the text names no source, a {@code 来源：} inside an ad-list comment is the origin.</li>
 *   <li>Sina image captions ({@code img_descr}) are image captions, not text; elsewhere a descriptive
 *       {@code alt} is the caption.</li>
 *   <li>No field holds a control character (other than the text's line feeds; front matter values are one
 *       line) or half a surrogate pair (an entity such as {@code &#xD800;}), so every value encodes as
 *       UTF-8 in JSON and DynamoDB.</li>
 *   <li>A publish time outside the Beijing years 1990–2099 is a placeholder, not a date ({@code INVALID_DATE}).</li>
 *   <li>UTF-16 without a byte order mark is recognised and refused ({@code UNSUPPORTED_ENCODING}); a UTF-8 BOM
 *       does not stop GB18030/GBK detection.</li>
 * </ul>
 */
package dev.finnews.parser;
