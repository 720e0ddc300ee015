package be.biodiversity.portal.content.page;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import be.biodiversity.portal.content.config.ContentProperties;
import be.biodiversity.portal.content.resolve.RenderScheduler;
import be.biodiversity.portal.content.web.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The write checks scan text as long as the body limit: never on the event loop that received the request. */
class WriteChecksTests {

    private final RenderScheduler render = new RenderScheduler();

    private final AtomicReference<Thread> checkedOn = new AtomicReference<>();

    private final PageRules rules = new PageRules(new ContentProperties(List.of("en"), false, null)) {
        @Override
        public java.util.Optional<InvalidFieldException> check(NewPage page) {
            checkedOn.set(Thread.currentThread());
            return super.check(page);
        }
    };

    @AfterEach
    void stop() {
        render.destroy();
    }

    @Test
    void pageRulesRunOnTheRenderSchedulerNotTheEventLoop() {
        PageWriter writer = new PageWriter(null, rules, null, null, render);
        NewPage unsafe = NewPage.page("en", "/en/x", null, "X", null, null, null, "[x](javascript:alert(1))", Map.of());
        // subscribed from a non-blocking thread, as a request is from Netty's event loop
        Mono<Void> write = writer.checked(unsafe).subscribeOn(Schedulers.parallel());
        assertThatThrownBy(write::block).isInstanceOf(InvalidFieldException.class).hasMessageContaining("javascript:");
        assertThat(checkedOn.get().getName()).startsWith("page-render");
        assertThat(Schedulers.isNonBlockingThread(checkedOn.get())).isFalse();
    }
}
