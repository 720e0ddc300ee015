package be.biodiversity.portal.content.literature;

import java.util.Set;
import java.util.regex.Pattern;

/** The controlled values of GBIF's literature records that the search filters accept. */
final class Vocabulary {

    static final Set<String> LITERATURE_TYPES = Set.of("JOURNAL", "BOOK", "GENERIC", "BOOK_SECTION",
            "CONFERENCE_PROCEEDINGS", "WORKING_PAPER", "REPORT", "WEB_PAGE", "THESIS", "MAGAZINE_ARTICLE", "STATUTE",
            "PATENT", "NEWSPAPER_ARTICLE", "COMPUTER_PROGRAM", "HEARING", "TELEVISION_BROADCAST",
            "ENCYCLOPEDIA_ARTICLE", "CASE", "FILM", "BILL");

    static final Set<String> TOPICS = Set.of("AGRICULTURE", "BIODIVERSITY_SCIENCE", "BIOGEOGRAPHY", "CITIZEN_SCIENCE",
            "CLIMATE_CHANGE", "CONSERVATION", "DATA_MANAGEMENT", "DATA_PAPER", "ECOLOGY", "ECOSYSTEM_SERVICES",
            "EVOLUTION", "FRESHWATER", "HUMAN_HEALTH", "INVASIVES", "MARINE", "PHYLOGENETICS",
            "SPECIES_DISTRIBUTIONS", "TAXONOMY");

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private Vocabulary() {
    }

    static boolean isCountry(String code) {
        return code != null && COUNTRY.matcher(code).matches();
    }
}
