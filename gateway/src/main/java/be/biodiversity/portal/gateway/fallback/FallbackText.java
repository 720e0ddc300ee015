package be.biodiversity.portal.gateway.fallback;

import java.util.Map;

/**
 * What the gateway tells a visitor when a page cannot be served, in the languages the portal's interface is shipped
 * in (render-service's messages: en, nl, fr, de, it, es, pt, da, nb, sv), English otherwise. It names no site: the
 * gateway does not know whose page it was.
 */
record FallbackText(String lang, String title, String text, String home) {

    private static final Map<String, FallbackText> TEXTS = Map.of(
            "en", new FallbackText("en", "Temporarily unavailable",
                    "This page cannot be shown right now. Please try again in a few minutes.", "Go to the home page"),
            "nl", new FallbackText("nl", "Tijdelijk niet beschikbaar",
                    "Deze pagina kan nu niet getoond worden. Probeer het over enkele minuten opnieuw.",
                    "Naar de startpagina"),
            "fr", new FallbackText("fr", "Temporairement indisponible",
                    "Cette page ne peut pas être affichée pour le moment. Veuillez réessayer dans quelques minutes.",
                    "Aller à la page d'accueil"),
            "de", new FallbackText("de", "Vorübergehend nicht verfügbar",
                    "Diese Seite kann gerade nicht angezeigt werden. Bitte versuchen Sie es in einigen Minuten erneut.",
                    "Zur Startseite"),
            "it", new FallbackText("it", "Momentaneamente non disponibile",
                    "Questa pagina non può essere mostrata ora. Riprova tra qualche minuto.",
                    "Vai alla pagina iniziale"),
            "es", new FallbackText("es", "No disponible por el momento",
                    "Esta página no puede mostrarse ahora. Vuelva a intentarlo en unos minutos.",
                    "Ir a la página de inicio"),
            "pt", new FallbackText("pt", "Indisponível de momento",
                    "Esta página não pode ser mostrada agora. Tente de novo dentro de alguns minutos.",
                    "Ir para a página inicial"),
            "da", new FallbackText("da", "Midlertidigt utilgængelig",
                    "Siden kan ikke vises lige nu. Prøv igen om et par minutter.", "Gå til forsiden"),
            "nb", new FallbackText("nb", "Midlertidig utilgjengelig",
                    "Siden kan ikke vises akkurat nå. Prøv igjen om noen minutter.", "Gå til forsiden"),
            "sv", new FallbackText("sv", "Tillfälligt otillgänglig",
                    "Sidan kan inte visas just nu. Försök igen om några minuter.", "Gå till startsidan"));

    /**
     * The language a page path is in, as far as the gateway can tell without knowing the site's languages: its first
     * segment when the gateway has a text in that language ({@code /nl/community}: nl), else null (the site's default
     * language, unknown here: English text, home {@code /}).
     */
    static String languageOf(String path) {
        String first = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
        return TEXTS.containsKey(first) ? first : null;
    }

    /** The text in {@code language}, else in English (check {@link #lang()}: it says which it is). */
    static FallbackText in(String language) {
        return TEXTS.getOrDefault(language, TEXTS.get("en"));
    }
}
