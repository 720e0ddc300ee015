package be.biodiversity.portal.render.site;

import java.io.StringWriter;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XML document (the Atom feed, the sitemap) written with the JDK's StAX writer, which escapes markup. What
 * XML 1.0 does not allow at all (C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates) cannot be
 * escaped, so it is dropped from every text and attribute value before it is written.
 */
public final class Xml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final StringWriter out = new StringWriter();
    private final XMLStreamWriter writer;

    private Xml() {
        try {
            this.writer = FACTORY.createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeCharacters("\n");
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A new document, its XML declaration written. */
    public static Xml document() {
        return new Xml();
    }

    /** Opens an element in the default namespace. */
    public Xml start(String name) {
        return write(() -> writer.writeStartElement(name));
    }

    /** Declares the default namespace on the element just opened. */
    public Xml defaultNamespace(String uri) {
        return write(() -> writer.writeDefaultNamespace(uri));
    }

    /** Declares a prefix on the element just opened. */
    public Xml namespace(String prefix, String uri) {
        return write(() -> writer.writeNamespace(prefix, uri));
    }

    public Xml attribute(String name, String value) {
        return write(() -> writer.writeAttribute(name, allowed(value)));
    }

    public Xml langAttribute(String lang) {
        return write(() -> writer.writeAttribute(XMLConstants.XML_NS_PREFIX, XMLConstants.XML_NS_URI, "lang",
                allowed(lang)));
    }

    /** An element with text only: {@code <title>...</title>}. */
    public Xml element(String name, String text) {
        return write(() -> {
            writer.writeStartElement(name);
            writer.writeCharacters(allowed(text));
            writer.writeEndElement();
        });
    }

    /** An element without content, in the default namespace; attributes follow. */
    public Xml empty(String name) {
        return write(() -> writer.writeEmptyElement(name));
    }

    /** An element without content with a namespace prefix declared before ({@code xhtml:link}). */
    public Xml empty(String prefix, String name, String uri) {
        return write(() -> writer.writeEmptyElement(prefix, name, uri));
    }

    public Xml end() {
        return write(() -> {
            writer.writeEndElement();
            writer.writeCharacters("\n");
        });
    }

    /**
     * What was written since the last call, for a document sent in parts as it is written (call it after
     * {@link #end()}, when no start tag is left open); {@link #finish()} then answers the rest.
     */
    public String take() {
        write(writer::flush);
        String part = out.toString();
        out.getBuffer().setLength(0);
        return part;
    }

    /** The document, every element closed. */
    public String finish() {
        write(() -> {
            writer.writeEndDocument();
            writer.close();
        });
        return out.toString();
    }

    /** The text without the characters XML 1.0 does not allow; null is empty. */
    public static String allowed(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean ok = pair || (!Character.isSurrogate(c) && (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                    && c != '\uFFFE' && c != '\uFFFF');
            if (!ok && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (ok && kept != null) {
                kept.append(c);
            }
            if (pair) {
                if (kept != null) {
                    kept.append(text.charAt(i + 1));
                }
                i++;
            }
        }
        return kept == null ? text : kept.toString();
    }

    private Xml write(Step step) {
        try {
            step.run();
            return this;
        }
        catch (XMLStreamException ex) {
            throw new IllegalStateException("Cannot write XML: " + ex.getMessage(), ex);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws XMLStreamException;
    }
}
