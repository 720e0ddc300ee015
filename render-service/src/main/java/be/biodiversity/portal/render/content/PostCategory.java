package be.biodiversity.portal.render.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A category of a language's published posts, with how many posts it has. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostCategory(String name, Long count) {
}
