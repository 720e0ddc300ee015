package be.biodiversity.portal.render.gbif;

import java.util.OptionalLong;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * How long one page made from GBIF's answers is right: until the first answer it used stops being fresh in
 * {@link GbifClient}'s cache ({@code cache-ttl} after GBIF gave it). A page that showed a last good answer (GBIF out of
 * reach) or a key where a title did not come in time is not to be kept at all. One per render, carried in the Reactor
 * context of the render ({@link #into}); the client and {@link Titles} report to it, so any GBIF answer a page comes
 * to use bounds its life without the page having to say so.
 */
public final class PageLife {

    private static final Class<PageLife> KEY = PageLife.class;

    private long until;

    private boolean used;

    private boolean keepable = true;

    /** The context of a render with this life in it. */
    public Context into(Context context) {
        return context.put(KEY, this);
    }

    /** The life of the page being rendered, if its render keeps one. */
    static PageLife of(ContextView context) {
        return context.getOrDefault(KEY, null);
    }

    /** An answer used is fresh until then (the cache's ticker). */
    synchronized void freshUntil(long nanos) {
        until = !used || nanos - until < 0 ? nanos : until;
        used = true;
    }

    /** The page shows something it should not show for longer than this once (a stand-in, a missing title). */
    synchronized void notToKeep() {
        keepable = false;
    }

    /** Until when the page is right; empty when it is not to be kept, or used no fresh answer. */
    public synchronized OptionalLong until() {
        return keepable && used ? OptionalLong.of(until) : OptionalLong.empty();
    }
}
