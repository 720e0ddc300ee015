package be.biodiversity.portal.gateway.server;

import io.netty.util.AttributeKey;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The management server (health, Prometheus; {@code management.server.port}) on its own event loop, so that a
 * flood on the public port cannot keep probes from being answered. Boot builds the management server in a child
 * context from a plain factory (none of the main context's {@code NettyServerCustomizer}s, so none of the public
 * port's limits, apply to it); this class is imported into that child context only, through
 * {@code META-INF/spring/…ManagementContextConfiguration.imports}. It carries no annotation, so that component
 * scanning does not put it into the main context as well; where the management port is the public port (no child
 * context) it does nothing. The server is also marked, so that {@link EdgeServerCustomizer} would leave it alone.
 */
public class ManagementServerConfiguration {

    private static final AttributeKey<Boolean> MANAGEMENT = AttributeKey.valueOf("portal.managementServer");

    static boolean isManagement(HttpServer server) {
        return server.configuration().childAttributes().containsKey(MANAGEMENT);
    }

    @Bean(destroyMethod = "dispose")
    LoopResources managementLoop() {
        return LoopResources.create("management-http", 1, true);
    }

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> managementServerLoop(ApplicationContext context,
            LoopResources managementLoop) {
        return factory -> {
            if (context.getParent() != null) {
                factory.addServerCustomizers(server -> server.runOn(managementLoop).childAttr(MANAGEMENT, true));
            }
        };
    }
}
