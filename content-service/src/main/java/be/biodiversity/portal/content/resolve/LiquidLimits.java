package be.biodiversity.portal.content.resolve;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one page's Liquid may cost. Hostile Liquid (a string doubled 26 times, a loop over a huge range, a file
 * including itself) would otherwise take the service's memory or threads; past a limit the evaluation stops and
 * the page is refused (write, import) or answered with an error (read).
 *
 * @param maxStringLength  the longest string Liquid may build, while evaluating and as output (characters)
 * @param maxIterations    the most loop iterations and filter calls of one page, all its fields together
 * @param maxRenderMillis  the longest one page's Liquid may take, all its fields together
 * @param maxIncludeDepth  how deep includes may nest ({@code a} including {@code b} including {@code a} ...)
 * @param maxTotalLength   the most characters one page's Liquid may produce, all strings and output together
 *                         (each string under {@code maxStringLength}, two thousand of them would still fill the
 *                         memory); by default ten times {@code maxStringLength}
 */
@ConfigurationProperties("portal.content.liquid")
public record LiquidLimits(Integer maxStringLength, Integer maxIterations, Long maxRenderMillis,
        Integer maxIncludeDepth, Long maxTotalLength) {

    public static final LiquidLimits DEFAULTS = new LiquidLimits(null, null, null, null, null);

    public LiquidLimits {
        maxStringLength = maxStringLength == null ? 1_000_000 : maxStringLength;
        maxIterations = maxIterations == null ? 100_000 : maxIterations;
        maxRenderMillis = maxRenderMillis == null ? 250L : maxRenderMillis;
        maxIncludeDepth = maxIncludeDepth == null ? 10 : maxIncludeDepth;
        maxTotalLength = maxTotalLength == null ? 10L * maxStringLength : maxTotalLength;
    }
}
