package be.biodiversity.portal.content.resolve;

import liqp.TemplateContext;
import liqp.blocks.Block;
import liqp.nodes.LNode;

/**
 * Jekyll's {@code {% highlight ruby %}…{% endhighlight %}}: the code (its Liquid rendered, as Jekyll does) as
 * {@code <figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">}, escaped. Every code line
 * break is written as {@code &#10;}, so the figure is one line of HTML: a blank line in the code cannot end the
 * markdown's HTML block half-way. The portal does not colour the code.
 */
final class HighlightBlock extends Block {

    HighlightBlock() {
        super("highlight");
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        String language = nodes.length > 1 ? asString(nodes[0].render(context), context).strip() : "";
        language = language.isEmpty() ? "" : language.split("\\s+")[0].replaceAll("[^A-Za-z0-9_+-]", "");
        String code = asString(nodes[nodes.length - 1].render(context), context)
                .replaceAll("^(\\r?\\n)+|(\\r?\\n)+\\s*$", "");
        String escaped = code.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("\r\n", "\n").replace("\n", "&#10;");
        String attributes = language.isEmpty() ? "" : " class=\"language-" + language + "\" data-lang=\"" + language + "\"";
        return "<figure class=\"highlight\"><pre><code" + attributes + ">" + escaped + "</code></pre></figure>";
    }
}
