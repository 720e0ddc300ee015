package be.biodiversity.portal.system.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Bodies no editor means to send, with the editor's token, to every write that takes a body: each must be
 * refused with a 4xx and nothing stored.
 */
final class BodyCases {

    private BodyCases() {
    }

    static List<HostileCase> all(Fixtures fixtures) {
        List<HostileCase> cases = new ArrayList<>();
        for (WriteEndpoint endpoint : WriteEndpoint.all(fixtures)) {
            if (endpoint.takesJson()) {
                String valid = new String(endpoint.body(), StandardCharsets.UTF_8);
                jsonVariants(valid).forEach(variant -> cases.add(refused(endpoint.label() + " with " + variant.name,
                        endpoint.request(variant.type, variant.body))));
            }
            else if (endpoint.contentType() != null) {
                archiveVariants().forEach(variant -> cases.add(refused(endpoint.label() + " with " + variant.name,
                        endpoint.request(variant.type, variant.body))));
            }
        }
        return cases;
    }

    private static HostileCase refused(String name, Request request) {
        return HostileCase.of(Category.MALFORMED_BODY, name, client -> Expect.refused(client.asEditor(request)));
    }

    private static List<Variant> jsonVariants(String valid) {
        Function<String, byte[]> utf8 = text -> text.getBytes(StandardCharsets.UTF_8);
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("JSON cut in the middle", json(utf8.apply(valid.substring(0, valid.length() / 2)))),
                new Variant("XML instead of JSON", json(utf8.apply("<?xml version=\"1.0\"?><page><title>x</title></page>"))),
                new Variant("an array instead of an object", json(utf8.apply("[" + valid + "]"))),
                new Variant("the JSON literal null", json(utf8.apply("null"))),
                new Variant("bytes that are not UTF-8 in a string", json(concat(
                        utf8.apply(valid.substring(0, valid.indexOf("stranger"))),
                        new byte[] { 'x', (byte) 0xC3, '(', (byte) 0xFF, (byte) 0xFE, (byte) 0xC0, (byte) 0xAF },
                        utf8.apply(valid.substring(valid.indexOf("stranger")))))),
                new Variant("arrays nested 100000 deep", json(utf8.apply("[".repeat(100_000) + "]".repeat(100_000)))),
                new Variant("objects nested 20000 deep", json(utf8.apply("{\"a\":".repeat(20_000) + "1"
                        + "}".repeat(20_000)))),
                new Variant("a 1.2 MB string (over the 1 MB body limit)", json(utf8.apply(valid.replace("stranger",
                        "a".repeat(1_200_000))))),
                new Variant("JSON sent as text/plain", new Body("text/plain", utf8.apply(valid))),
                new Variant("an empty body", json(new byte[0]))));
        // A number no field can hold, where the body has a number.
        String number = valid.contains("\"version\":") ? "\"version\":" : valid.contains("\"offset\":") ? "\"offset\":" : null;
        if (number != null) {
            variants.add(new Variant("a number out of every range in " + number.replace(":", ""), json(utf8.apply(
                    valid.replaceFirst(number + "-?\\d+", number + "-1e999999999")))));
        }
        return variants;
    }

    private static List<Variant> archiveVariants() {
        return List.of(
                new Variant("bytes that are no zip", new Body("application/zip",
                        "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1))),
                new Variant("a zip with an entry outside its root (../)", new Body("application/zip",
                        zip("site/_config.yml", "title: x\n", "site/../../escape.md", "---\ntitle: escape\n---\nx\n"))),
                new Variant("a zip bomb (a 60 MB file of zeros, 60 KB zipped)", new Body("application/zip", zipBomb())),
                new Variant("a gzip of text that is no tar", new Body("application/gzip",
                        gzip("this is not a tar archive\n".repeat(1000)))),
                new Variant("an empty body", new Body("application/zip", new byte[0])));
    }

    private static Body json(byte[] bytes) {
        return new Body("application/json", bytes);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static byte[] zip(String... namesAndTexts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return bytes.toByteArray();
    }

    private static byte[] zipBomb() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("site/_config.yml"));
            zip.write("title: bomb\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("site/zeros.md"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 60; i++) {
                zip.write(zeros);
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        return bytes.toByteArray();
    }

    private record Body(String type, byte[] bytes) {
    }

    private record Variant(String name, String type, byte[] body) {
        Variant(String name, Body body) {
            this(name, body.type(), body.bytes());
        }
    }
}
