package be.biodiversity.portal.render.gbif;

import org.springframework.test.context.DynamicPropertyRegistry;

import be.biodiversity.portal.render.ProviderStub;

/**
 * A stub GBIF API serving our recorded-shape answers ({@code src/test/resources/gbif/}, cut from real GBIF answers of
 * the shared recordings) at the URLs the pages ask for. Test-only.
 */
public final class GbifStub {

    public static final String OCCURRENCE_FACETS = "facet=basisOfRecord&facet=year&facet=datasetKey"
            + "&facet=publishingOrg&facet=country&facetLimit=8";
    public static final String DATASET_KEY = "b17b67ee-85bc-4b87-bf77-b2d6af66395b";
    public static final String FUNGI_KEY = "84d26682-f762-11e1-a439-00145eb45e9a";
    public static final String COLLECTION_KEY = "c9b1f3e2-6d5a-4b8e-9f0a-1b2c3d4e5f60";

    private GbifStub() {
    }

    /** The service's settings for a test against this stub, with {@code content} for both data services. */
    public static void providers(DynamicPropertyRegistry registry, ProviderStub gbif, ProviderStub content) {
        registry.add("portal.gbif.api-url", () -> gbif.baseUrl() + "/v1");
        registry.add("portal.content.url", content::baseUrl);
        registry.add("portal.directory.url", content::baseUrl);
    }

    public static ProviderStub start() {
        String v1 = "/v1";
        return ProviderStub.start()
                .json(v1 + "/occurrence/search?country=BE&" + OCCURRENCE_FACETS
                        + "&limit=20&occurrenceStatus=PRESENT&offset=0", "gbif/occurrence-search.json")
                .json(v1 + "/occurrence/search?country=BE&" + OCCURRENCE_FACETS
                        + "&limit=20&occurrenceStatus=PRESENT&offset=20", "gbif/occurrence-search.json")
                .json(v1 + "/occurrence/search?" + OCCURRENCE_FACETS
                        + "&limit=20&occurrenceStatus=PRESENT&offset=0&publishingCountry=BE",
                        "gbif/occurrence-search.json")
                .json(v1 + "/occurrence/search?basisOfRecord=HUMAN_OBSERVATION&country=BE&" + OCCURRENCE_FACETS
                        + "&limit=20&occurrenceStatus=PRESENT&offset=0&q=Favolus&year=2024",
                        "gbif/occurrence-search.json")
                .json(v1 + "/occurrence/142316497", "gbif/occurrence.json")
                .json(v1 + "/dataset/" + DATASET_KEY, "gbif/dataset.json")
                .json(v1 + "/dataset/" + FUNGI_KEY, "gbif/dataset.json")
                .json(v1 + "/dataset/8575f23e-f762-11e1-a439-00145eb45e9a", "gbif/dataset.json")
                .json(v1 + "/organization/750a8724-fa66-4c27-b645-bd58ac5ee010", "gbif/organization.json")
                .json(v1 + "/organization/e2e717bf-551a-4917-bdc9-4fa0f342c530", "gbif/organization.json")
                .json(v1 + "/occurrence/search?datasetKey=" + DATASET_KEY + "&limit=0&occurrenceStatus=PRESENT",
                        "gbif/count-dataset.json")
                .json(v1 + "/dataset/search?facet=type&facet=publishingOrg&facet=license&facetLimit=8&limit=20"
                        + "&offset=0&publishingCountry=BE", "gbif/dataset-search.json")
                .json(v1 + "/grscicoll/collection?active=true&country=BE&displayOnNHCPortal=true&limit=20&offset=0",
                        "gbif/collection-search.json")
                .json(v1 + "/grscicoll/collection/" + COLLECTION_KEY, "gbif/collection.json")
                .json(v1 + "/occurrence/search?country=BE&limit=0", "gbif/count-occurrence-be.json")
                .json(v1 + "/occurrence/search?limit=0&publishingCountry=BE", "gbif/count-occurrence-be.json")
                .json(v1 + "/dataset/search?limit=0&publishingCountry=BE", "gbif/count-dataset.json");
    }
}
