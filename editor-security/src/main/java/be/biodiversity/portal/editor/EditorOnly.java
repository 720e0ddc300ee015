package be.biodiversity.portal.editor;

import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * A read that only editors may make (such as a listing of drafts): declare one as a bean and an anonymous request
 * it matches is refused with the same 401 as a write. Reads of one thing that may be a draft should rather answer
 * 404 to anonymous readers themselves, so that nothing tells a draft from a gap.
 *
 * @param name    what it is, for the log and the README
 * @param matcher which requests it covers
 */
public record EditorOnly(String name, ServerWebExchangeMatcher matcher) {
}
