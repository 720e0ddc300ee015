package be.biodiversity.portal.render.compose;

/** A block's heading and text, as its entry or site data give them; either may be null. */
record BlockIntro(String title, String descriptionHtml) {

    static final BlockIntro NONE = new BlockIntro(null, null);
}
