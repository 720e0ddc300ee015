package be.biodiversity.portal.gateway.routing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param internalPrefixes header name prefixes that never cross the gateway, in either direction
 *     ({@code portal.edge.internal-prefixes})
 */
@ConfigurationProperties("portal.edge")
record EdgeHeadersProperties(@DefaultValue({ "X-Internal-", "X-Portal-" }) List<String> internalPrefixes) {
}
