package be.biodiversity.portal.render.content;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One language version of a page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Translation(String lang, String permalink, String title) {
}
