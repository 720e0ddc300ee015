package be.biodiversity.portal.directory.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import be.biodiversity.portal.search.Folding;

/** The name of an organisation in the portal's languages; English is required, French and Dutch where they exist. */
public record Names(@NotBlank @Size(max = 300) String en, @Size(max = 300) String fr, @Size(max = 300) String nl) {

    /** The English name folded for sorting: lower case, without accents. */
    String sortKey() {
        return Folding.fold(en);
    }
}
