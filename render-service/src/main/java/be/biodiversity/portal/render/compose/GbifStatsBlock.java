package be.biodiversity.portal.render.compose;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import be.biodiversity.portal.render.gbif.HeadlineNumbers;
import be.biodiversity.portal.render.site.SafeUrls;

/**
 * The theme's {@code stats} block filled from GBIF: the site data it names ({@code data: examples.stats}) lists
 * features whose titles name a GBIF API query ({@link HeadlineNumbers}); each becomes a figure (the count in the
 * page's language), with the feature's description as its label and its {@code href} as its link. GBIF out of reach:
 * the figure is a dash and the block says why (the page is then partial); a kept count is shown with its time. Empty
 * when the data names no GBIF query: the block then shows our own counts as before.
 */
@Component
class GbifStatsBlock {

    static final String NO_FIGURE = "–";

    private final HeadlineNumbers numbers;
    private final MessageSource messages;

    GbifStatsBlock(HeadlineNumbers numbers, MessageSource messages) {
        this.numbers = numbers;
        this.messages = messages;
    }

    Mono<BlockView> block(Mono<JsonNode> data, String lang) {
        return data.flatMap(stats -> {
            JsonNode features = stats.get("features");
            if (features == null || !features.isArray()) {
                return Mono.empty();
            }
            List<Mono<BlockView.Card>> figures = new ArrayList<>();
            List<Instant> staleSince = new ArrayList<>();
            boolean[] missing = { false };
            Locale locale = Locale.forLanguageTag(lang);
            for (JsonNode feature : features) {
                Optional<Mono<HeadlineNumbers.Figure>> figure = numbers.figure(text(feature, "title"));
                if (figure.isEmpty()) {
                    continue;
                }
                String label = text(feature, "description");
                String href = SafeUrls.link(text(feature, "href"));
                String icon = SafeUrls.image(text(feature, "background"));
                figures.add(figure.get().map(found -> {
                    if (found.count() == null) {
                        missing[0] = true;
                        return new BlockView.Card(NO_FIGURE, label, icon, href);
                    }
                    if (found.answer().stale()) {
                        synchronized (staleSince) {
                            staleSince.add(found.answer().fetchedAt());
                        }
                    }
                    return new BlockView.Card(NumberFormat.getIntegerInstance(locale).format(found.count()), label,
                            icon, href);
                }));
            }
            if (figures.isEmpty()) {
                return Mono.empty();
            }
            return Flux.mergeSequential(figures).collectList().map(cards -> {
                String notice = null;
                if (missing[0]) {
                    notice = messages.getMessage("gbif.stats.unavailable", null, locale);
                }
                else if (!staleSince.isEmpty()) {
                    Instant oldest = staleSince.stream().min(Instant::compareTo).orElseThrow();
                    notice = messages.getMessage("gbif.stats.stale", new Object[] { DateTimeFormatter
                            .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                            .withZone(ZoneOffset.UTC).format(oldest) + " UTC" }, locale);
                }
                return new BlockView("stats", null, notice, cards, null, null, false, List.of(), List.of(),
                        notice != null);
            });
        });
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
