package be.biodiversity.portal.system.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Every write of the two data services as the gateway exposes it, with a body that would be accepted (and would
 * change a fixture) if it came with the editor token.
 */
record WriteEndpoint(String method, String path, String contentType, byte[] body) {

    String label() {
        return method + " " + path.replaceAll("\\?.*", "");
    }

    boolean takesJson() {
        return "application/json".equals(contentType);
    }

    Request request() {
        Request request = Request.of(method, path);
        return body == null ? request : request.body(contentType, body);
    }

    Request request(String type, byte[] other) {
        return Request.of(method, path).body(type, other);
    }

    static List<WriteEndpoint> all(Fixtures f) {
        String page = "/api/content/v1/pages/" + f.pageId();
        String data = "/api/content/v1/data/" + Fixtures.DATA_NAME;
        String organisation = "/api/directory/v1/organisations/" + f.organisationKey();
        String person = "/api/directory/v1/people/" + f.personKey();
        return List.of(
                json("POST", "/api/content/v1/pages", """
                        {"lang":"en","permalink":"/hostile/written","title":"Written by a stranger","body":"x"}"""),
                json("PUT", page + "?version=" + f.pageVersion(), """
                        {"lang":"en","permalink":"/hostile/fixture","title":"Changed by a stranger","body":"x"}"""),
                none("DELETE", page + "?version=" + f.pageVersion()),
                none("POST", page + "/revisions/1/restore?version=" + f.pageVersion()),
                json("PUT", data + "?version=" + f.dataVersion(),
                        "{\"source\":\"changed: by a stranger\\n\",\"version\":" + f.dataVersion() + "}"),
                none("DELETE", data + "?version=" + f.dataVersion()),
                none("POST", data + "/revisions/1/restore?version=" + f.dataVersion()),
                new WriteEndpoint("POST", "/api/content/v1/imports?prune=false&wait=true", "application/zip", site()),
                json("POST", "/api/content/v1/literature/imports", """
                        {"results":[{"id":"hostile-written","title":"Written by a stranger"}]}"""),
                json("POST", "/api/directory/v1/organisations", """
                        {"slug":"hostile-written","names":{"en":"Written by a stranger"},"roles":["PUBLISHER"],"type":"OTHER"}"""),
                json("PUT", organisation, """
                        {"slug":"hostile-fixture","names":{"en":"Changed by a stranger"},"roles":["PUBLISHER"],"type":"OTHER",
                         "version":0}"""),
                none("DELETE", organisation),
                json("POST", "/api/directory/v1/people", """
                        {"slug":"hostile-written","name":"Written by a stranger","categories":["CONTACT"]}"""),
                json("PUT", person, """
                        {"slug":"hostile-fixture","name":"Changed by a stranger","categories":["CONTACT"],"version":0}"""),
                none("DELETE", person),
                json("POST", "/api/directory/v1/imports/registry", """
                        {"offset":0,"limit":1,"endOfRecords":true,"count":1,"results":[
                         {"key":"0a6b2c1e-5b41-4d7e-9a55-3f1c2d4e5f60","title":"Written by a stranger"}]}"""),
                none("POST", "/api/directory/v1/imports/registry/harvest"));
    }

    private static WriteEndpoint json(String method, String path, String json) {
        return new WriteEndpoint(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static WriteEndpoint none(String method, String path) {
        return new WriteEndpoint(method, path, null, null);
    }

    /** A small Jekyll site as a zip: one page, which an accepted import would add. */
    private static byte[] site() {
        try {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip)) {
                out.putNextEntry(new ZipEntry("site/_config.yml"));
                out.write("title: written by a stranger\n".getBytes(StandardCharsets.UTF_8));
                out.putNextEntry(new ZipEntry("site/stranger.md"));
                out.write("---\ntitle: Written by a stranger\npermalink: /hostile/stranger\n---\nx\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
            return zip.toByteArray();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
