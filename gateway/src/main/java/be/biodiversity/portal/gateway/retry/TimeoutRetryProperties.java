package be.biodiversity.portal.gateway.retry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.timeout-retry.*}: a page request (GET, HEAD) whose answer did not come within the response timeout is
 * sent once more, as long as the {@link RetryBudget} allows.
 *
 * @param burst retries available at once (the first slow answers of a just-started render-service)
 * @param ratio share of page requests that earn a retry: the most that are ever sent twice when every answer is slow
 */
@ConfigurationProperties("portal.timeout-retry")
record TimeoutRetryProperties(@DefaultValue("20") int burst, @DefaultValue("0.1") double ratio) {
}
