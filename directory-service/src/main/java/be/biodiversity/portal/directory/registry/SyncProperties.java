package be.biodiversity.portal.directory.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The publisher sync from the GBIF registry ({@code portal.registry.sync.*}): which organisations are the site's
 * publishers, and when to sync.
 *
 * @param site         the site the reports belong to
 * @param country      organisations in this country ({@code /organization?country=BE}); blank: none
 * @param nodeKey      organisations endorsed by this GBIF node ({@code /node/{key}/organization}); blank: none
 * @param partners     registry keys of further organisations (partners abroad)
 * @param keys         seeded organisations and their GBIF keys, by slug ({@code inbo: 1cd669d0-…}): a mapping beats a
 *                     match by title or abbreviation
 * @param scheduled    sync on a schedule
 * @param initialDelay the first scheduled sync after start-up
 * @param interval     between scheduled syncs
 * @param keepReports  how many reports are kept (the newest)
 */
@ConfigurationProperties("portal.registry.sync")
@Validated
record SyncProperties(@DefaultValue("gbif-be") String site,
        @DefaultValue("BE") @Pattern(regexp = "|[A-Z]{2}", message = "must be two capital letters or empty") String country,
        @DefaultValue("") @Pattern(regexp = "|" + KEY, message = MESSAGE) String nodeKey,
        @DefaultValue List<@Pattern(regexp = KEY, message = MESSAGE) String> partners,
        @DefaultValue Map<String, @Pattern(regexp = KEY, message = MESSAGE) String> keys,
        @DefaultValue("false") boolean scheduled,
        @DefaultValue("1m") Duration initialDelay,
        @DefaultValue("24h") Duration interval,
        @DefaultValue("20") @Min(1) int keepReports) {

    static final String KEY = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String MESSAGE = "must be a GBIF key (a UUID in lower case)";
}
