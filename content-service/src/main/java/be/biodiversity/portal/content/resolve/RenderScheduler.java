package be.biodiversity.portal.content.resolve;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Where pages are resolved. Resolving is CPU work (Liquid, markdown, sanitizer) that may take up to the render
 * time limit; on an event-loop thread (Netty's, or the MongoDB driver's that completes a read) it would stall
 * every other request that loop serves. A small bounded pool, one thread per core, keeps it off the loops and
 * caps how much CPU page resolution may take at once; a burst beyond its queue is refused, not piled up.
 */
@Component
public class RenderScheduler implements DisposableBean {

    private final Scheduler scheduler = Schedulers.newBoundedElastic(
            Math.max(2, Runtime.getRuntime().availableProcessors()), 1_000, "page-render");

    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
