package be.biodiversity.portal.directory.organisation;

import jakarta.validation.constraints.Size;

/** A text in the portal's languages, each optional ({@code null} where there is none), such as a description. */
public record Translations(@Size(max = 5000) String en, @Size(max = 5000) String fr, @Size(max = 5000) String nl) {

    public static final Translations NONE = new Translations(null, null, null);
}
