package be.biodiversity.portal.system;

import java.net.URI;
import java.net.http.HttpResponse;

/**
 * A page as a visitor's browser gets it from the portal: redirects within the portal followed (at most 5), so
 * {@code /post/2024/x/} (Jekyll's URL) lands on the portal's {@code /post/2024/x}.
 *
 * @param path   where the visitor ended up
 * @param status the final answer's status (a redirect status if there were too many, or one leaves the portal)
 */
record Visit(String path, int status, String contentType, String body) {

    static Visit of(Portal portal, String address) throws Exception {
        String path = address;
        for (int hop = 0; hop <= 5; hop++) {
            HttpResponse<String> answer = portal.get(path);
            int status = answer.statusCode();
            String location = answer.headers().firstValue("Location").orElse(null);
            if (status / 100 != 3 || location == null) {
                return new Visit(path, status, answer.headers().firstValue("Content-Type").orElse(""), answer.body());
            }
            URI next = portal.uri(path).resolve(location);
            if (!next.getAuthority().equals(portal.uri("/").getAuthority())) {
                return new Visit(path, status, "", "");
            }
            path = next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
        }
        return new Visit(path, 310, "", "");
    }
}
