package be.biodiversity.portal.directory.organisation;

import java.text.Normalizer;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The name of an organisation in the portal's languages; English is required, French and Dutch where they exist. */
public record Names(@NotBlank @Size(max = 300) String en, @Size(max = 300) String fr, @Size(max = 300) String nl) {

    /** The English name folded for sorting: lower case, without accents. */
    String sortKey() {
        String decomposed = Normalizer.normalize(en.strip(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
