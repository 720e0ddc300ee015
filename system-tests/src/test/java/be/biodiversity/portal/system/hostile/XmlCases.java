package be.biodiversity.portal.system.hostile;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.xml.sax.helpers.DefaultHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Characters XML does not allow (U+FFFE, U+FFFF, lone surrogates, C0 controls) in what the feeds and the sitemap are
 * made of (issue #18, finding 5): the posts may be refused or stored, but every feed and the sitemap stay well-formed
 * XML for every subscriber.
 */
final class XmlCases {

    /** JSON escapes of text XML 1.0 cannot hold. */
    private static final List<String[]> TEXTS = List.of(new String[] { "U+FFFF", "\\uffff" }, new String[] { "U+FFFE", "\\ufffe" },
            new String[] { "a lone high surrogate", "\\ud800" }, new String[] { "a lone low surrogate", "\\udfff" },
            new String[] { "surrogates in the wrong order", "\\udc00\\ud800" }, new String[] { "U+0001 and U+001B", "\\u0001\\u001b" },
            new String[] { "U+000B and U+000C", "\\u000b\\u000c" }, new String[] { "U+0000", "\\u0000" },
            new String[] { "U+FDD0", "\\ufdd0" }, new String[] { "U+1FFFF", "\\ud83f\\udfff" });

    private XmlCases() {
    }

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            String[] text = TEXTS.get(i);
            String lang = i % 2 == 0 ? "en" : "nl";
            String permalink = (lang.equals("en") ? "" : "/nl") + "/hostile/xml-" + i;
            cases.add(HostileCase.writing(Category.XML_OUTPUT, "a " + lang + " post whose title, description, categories "
                    + "and body hold " + text[0], client -> {
                        Answer written = Expect.answered(client.asEditor(Request.of("POST", "/api/content/v1/pages").json(
                                "{\"lang\":\"" + lang + "\",\"permalink\":\"" + permalink + "\",\"kind\":\"post\","
                                        + "\"date\":\"2026-01-06T00:00:00Z\",\"title\":\"Xmlmark" + permalink.hashCode() + " " + text[1] + " title\","
                                        + "\"description\":\"Xml " + text[1] + " teaser\",\"categories\":[\"xml" + text[1]
                                        + "\"],\"body\":\"Body " + text[1] + " text.\"}")));
                        String feed = lang.equals("en") ? "/feed.xml" : "/nl/feed.xml";
                        wellFormed(client, feed);
                        if (written.status() == 201) {
                            assertThat(RemovedPageCases.within(client, feed, t -> t.contains("Xmlmark" + permalink.hashCode())))
                                    .as("the feed lists the post").isTrue();
                            wellFormed(client, feed);
                        }
                        wellFormed(client, "/sitemap.xml");
                    }));
        }
        for (String feed : List.of("/feed.xml", "/nl/feed.xml", "/fr/feed.xml", "/sitemap.xml")) {
            cases.add(HostileCase.of(Category.XML_OUTPUT, feed + " is well-formed after all of these",
                    client -> wellFormed(client, feed)));
        }
        return cases;
    }

    private static Answer wellFormed(Client client, String path) throws Exception {
        Answer answer = client.send(Request.get(path));
        assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(200);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException ex) throws org.xml.sax.SAXException {
                throw ex;
            }
        });
        try {
            builder.parse(new ByteArrayInputStream(answer.body()));
        }
        catch (org.xml.sax.SAXException ex) {
            throw new AssertionError(path + " is not well-formed XML: " + ex.getMessage(), ex);
        }
        return answer;
    }
}
