package be.biodiversity.portal.directory.web;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A parameter name Spring Security's firewall refuses (blank, NUL) is the caller's mistake: a 400, never a 500
 * (the hostile-input suite found `?=&&&=x&%00=%00` answered with an anonymous 500).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class FirewallRejectionTests {

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Test
    void parameterNamesTheFirewallRefusesAreA400() {
        for (String query : new String[] { "%00=%00", "=&&&=x&%00=%00", "x%01=1" }) {
            web.get().uri(URI.create("http://127.0.0.1:" + port + "/api/directory/v1/organisations?" + query)).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.status").isEqualTo(400)
                    .jsonPath("$.requestId").doesNotExist();
        }
    }
}
