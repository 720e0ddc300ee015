package be.biodiversity.portal.gateway.fallback;

import java.util.Map;

/** What the gateway tells a visitor when a page cannot be served, in the site's languages (English otherwise). */
record FallbackText(String lang, String title, String text, String home) {

    private static final Map<String, FallbackText> TEXTS = Map.of(
            "en", new FallbackText("en", "Temporarily unavailable",
                    "This page cannot be shown right now. Please try again in a few minutes.", "Go to the home page"),
            "nl", new FallbackText("nl", "Tijdelijk niet beschikbaar",
                    "Deze pagina kan nu niet getoond worden. Probeer het over enkele minuten opnieuw.",
                    "Naar de startpagina"),
            "fr", new FallbackText("fr", "Temporairement indisponible",
                    "Cette page ne peut pas être affichée pour le moment. Veuillez réessayer dans quelques minutes.",
                    "Aller à la page d'accueil"));

    /** The text in {@code language}, else in English (check {@link #lang()}: it says which it is). */
    static FallbackText in(String language) {
        return TEXTS.getOrDefault(language, TEXTS.get("en"));
    }
}
